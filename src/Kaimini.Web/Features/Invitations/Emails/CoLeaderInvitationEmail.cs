using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Invitations.Emails;

/// <summary>An invitation to lead a community together with its leaders.</summary>
public sealed record CoLeaderInvitationEmail(string Inviter, string Community, DateTimeOffset ExpiresAt, string Link) : EmailModel;
