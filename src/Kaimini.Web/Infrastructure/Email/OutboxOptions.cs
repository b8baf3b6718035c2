namespace Kaimini.Web.Infrastructure.Email;

public class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Run the dispatcher in this instance. Several instances may all run it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle dispatcher looks for due messages (new ones wake it at once).</summary>
    public double PollSeconds { get; set; } = 5;

    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed message stays with its dispatcher before another may take it
    /// (a dispatcher that died mid-send).</summary>
    public double LeaseSeconds { get; set; } = 300;

    /// <summary>Attempts before a message is kept as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubles with every further one, up to <see cref="RetryMaxSeconds"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    public double RetryMaxSeconds { get; set; } = 3600;

    /// <summary>Bulk messages (invitations to a list) sent per minute by each dispatcher.</summary>
    public int BulkMessagesPerMinute { get; set; } = 120;

    /// <summary>Days a sent message keeps its body (the MIME message); the row and its metadata stay.</summary>
    public int KeepSentBodyDays { get; set; } = 7;

    /// <summary>Days a message that failed for good is kept for the administrators, then deleted.</summary>
    public int KeepFailedDays { get; set; } = 30;

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(RetryMaxSeconds, RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
