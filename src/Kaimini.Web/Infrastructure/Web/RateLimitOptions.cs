namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Limits on cheap-to-abuse forms. Each form (by its route, not the path as typed) is
/// counted per client address (IPv6 by its /64) and per e-mail address or account. The address
/// budget is wide enough for a forum hall where eighty people share the venue's one Wi-Fi address;
/// the per-person budget is what stops a script. Posts refused for a field's validation are not
/// counted.</summary>
public class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sign-in, registration, password, event sign-up and idea posts per client address,
    /// per form and window.</summary>
    public int FormPerAddress { get; set; } = 200;

    /// <summary>The same per e-mail address typed in the form, or per signed-in account.</summary>
    public int FormPerPerson { get; set; } = 6;

    public int FormWindowSeconds { get; set; } = 600;

    /// <summary>Messages through communities' contact forms per client address (all communities together).</summary>
    public int ContactPerAddress { get; set; } = 30;

    /// <summary>The same per sender's e-mail address or account.</summary>
    public int ContactPerPerson { get; set; } = 5;

    public int ContactWindowSeconds { get; set; } = 3600;

    /// <summary>E-mails one account may make the portal send in a day through invitations,
    /// co-leader invitations, community registrations and contact messages.</summary>
    public int DailySendsPerAccount { get; set; } = 60;

    /// <summary>The same for organisers and administrators, who invite whole lists.</summary>
    public int DailySendsPerStaffAccount { get; set; } = 5000;
}
