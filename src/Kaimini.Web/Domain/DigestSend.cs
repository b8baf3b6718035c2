namespace Kaimini.Web.Domain;

/// <summary>One person's weekly digest of one week, claimed. The key (week, person) is the claim: the
/// statement that inserts a batch of them also picks the batch, in the transaction that queues their
/// mail, so each person gets a week's digest at most once however many instances run, and a batch that
/// fails leaves no claim behind. A person with nothing new that week keeps the row and gets no mail.</summary>
public class DigestSend
{
    /// <summary>The Monday (in Riga) of the week the digest went out in.</summary>
    public DateOnly Week { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>Whether a message was queued (false: nothing new, or the address unsubscribed).</summary>
    public bool Sent { get; set; }
}
