using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.BulkSends;

/// <summary>What one kind of bulk send does for each recipient. The features implement it (so this
/// folder needs none of them); <see cref="BulkSender"/> calls it inside the chunk's transaction.</summary>
public interface IBulkSendHandler
{
    BulkSendKind Kind { get; }

    /// <summary>Adds the recipient's invitation and mail to the context (not saved: the chunk saves);
    /// false when nothing was queued (the address unsubscribed, the sender or the event is gone).</summary>
    Task<bool> SendAsync(BulkSend send, BulkSendRecipient recipient, CancellationToken ct);
}
