using Kaimini.Web.Domain;
using Kaimini.Web.Features.BulkSends;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.AdminInvitations;

public sealed record InvitationRow(Guid Id, string Email, string? Role, InvitationStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, string InvitedBy, bool CanRevoke);

public sealed record AdminInvitationsViewModel(BulkInvitationForm Form, IReadOnlyList<string> Roles, PagedList<InvitationRow> Invitations);

public sealed record BatchViewModel(Guid Id, BulkSendProgress Progress, IReadOnlyList<RejectedLine> Rejected);
