namespace Kaimini.Web.Domain;

/// <summary>One run of a daily job. The key (job, day) is the claim: whichever instance inserts the
/// row does the day's work, in the same transaction, so the job runs once a day however many
/// instances share the database, and a run that fails leaves no claim behind.</summary>
public class JobRun
{
    public required string Job { get; set; }

    /// <summary>The day in Riga.</summary>
    public DateOnly Day { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>What the run did, as JSON counts (no personal data).</summary>
    public string? Summary { get; set; }
}
