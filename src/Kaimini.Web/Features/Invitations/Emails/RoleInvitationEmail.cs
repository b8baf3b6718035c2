using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Invitations.Emails;

/// <summary>An invitation to join the portal with a role (<see cref="Kaimini.Web.Domain.Roles"/>).</summary>
public sealed record RoleInvitationEmail(string Role, string Inviter, DateTimeOffset ExpiresAt, string Link) : EmailModel;
