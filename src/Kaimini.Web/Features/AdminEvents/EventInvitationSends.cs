using Kaimini.Web.Domain;
using Kaimini.Web.Features.BulkSends;
using Kaimini.Web.Features.Invitations;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>Invitations to an event, written by the bulk-send worker.</summary>
public class EventInvitationSends(ChunkEvents events, InvitationService invitations) : IBulkSendHandler
{
    public BulkSendKind Kind => BulkSendKind.EventInvitations;

    public async Task<bool> SendAsync(BulkSend send, BulkSendRecipient recipient, CancellationToken ct)
    {
        var quota = Enum.TryParse<ParticipantType>(send.Role, out var side) ? side : (ParticipantType?)null;
        return await events.FindAsync(send.EventId, ct) is { } ev && send.CreatedBy is { } inviter
            && await invitations.InviteToEventAsync(recipient.Email, ev, inviter, recipient.Culture, send.Id, ct, quota) is not null;
    }
}
