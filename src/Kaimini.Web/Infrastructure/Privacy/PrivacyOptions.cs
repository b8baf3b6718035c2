namespace Kaimini.Web.Infrastructure.Privacy;

public class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Run the daily retention job in this instance (several may: each day is claimed once).</summary>
    public bool RetentionEnabled { get; set; } = true;

    /// <summary>How often the retention job looks whether today's run is done.</summary>
    public double RetentionPollMinutes { get; set; } = 60;

    /// <summary>Months after an event its registrations keep the person's name and address.</summary>
    public int KeepRegistrationsMonths { get; set; } = 12;

    /// <summary>The key of the people hash. Empty: a random key kept encrypted with the
    /// data-protection keys. Changing it makes old and new hashes of one person differ.</summary>
    public string HashKey { get; set; } = "";
}
