namespace Kaimini.Web.Domain;

public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>An e-mail waiting to be sent, written in the same transaction as the change that causes
/// it. The whole MIME message is stored, with a Message-ID derived from <see cref="Id"/>, so a resend
/// after a crash between "sent" and "marked" carries the same Message-ID and is recognisable.</summary>
public class OutboxMessage
{
    public Guid Id { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }

    /// <summary>What the message is ("account.confirm", "invitation" …), for the admin page.</summary>
    public required string Category { get; set; }

    /// <summary>Essential mail (confirmations, password resets) ignores unsubscribes and goes first.</summary>
    public bool Essential { get; set; }

    /// <summary>The bulk send it belongs to, for progress and rate limiting.</summary>
    public Guid? BatchId { get; set; }

    public required byte[] Mime { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A dispatcher's claim: until then no other dispatcher takes the message.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    public static string MessageIdFor(Guid id, string domain) => $"{id:N}@{domain}";
}
