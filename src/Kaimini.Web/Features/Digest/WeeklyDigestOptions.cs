namespace Kaimini.Web.Features.Digest;

public class WeeklyDigestOptions
{
    public const string Section = "WeeklyDigest";

    /// <summary>Run the weekly digest in this instance (several may: each person's week is claimed once).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the job looks for subscribers whose digest of the week has not gone out.</summary>
    public double PollMinutes { get; set; } = 15;

    /// <summary>The hour (Riga time) on Monday from which the week's digests go out.</summary>
    public int SendAtHour { get; set; } = 9;

    /// <summary>Subscribers claimed, composed and queued in one transaction.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>The most items one section of a digest lists; the rest are counted, with a link to the list.</summary>
    public int SectionLimit { get; set; } = 10;
}
