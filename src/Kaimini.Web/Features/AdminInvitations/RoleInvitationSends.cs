using Kaimini.Web.Domain;
using Kaimini.Web.Features.BulkSends;
using Kaimini.Web.Features.Invitations;

namespace Kaimini.Web.Features.AdminInvitations;

/// <summary>A pasted list's invitations to join the portal with a role, written by the bulk-send worker.</summary>
public class RoleInvitationSends(InvitationService invitations) : IBulkSendHandler
{
    public BulkSendKind Kind => BulkSendKind.RoleInvitations;

    public async Task<bool> SendAsync(BulkSend send, BulkSendRecipient recipient, CancellationToken ct) =>
        send.CreatedBy is { } inviter && send.Role is { } role
        && await invitations.InviteToRoleAsync(recipient.Email, role, inviter, recipient.Culture, send.Id, ct) is not null;
}
