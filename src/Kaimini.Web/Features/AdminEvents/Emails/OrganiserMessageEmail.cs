using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.AdminEvents.Emails;

/// <summary>An organiser's message to the people registered for an event.</summary>
public sealed record OrganiserMessageEmail(EventFacts Event, string Subject, string Text, string Sender, string Link) : EmailModel;
