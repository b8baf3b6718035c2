using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Invitations.Emails;

/// <summary>An invitation to an event, with a link to its sign-up.</summary>
public sealed record EventInvitationEmail(string Inviter, EventFacts Event, string Link) : EmailModel;
