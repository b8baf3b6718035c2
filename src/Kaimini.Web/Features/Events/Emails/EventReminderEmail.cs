using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Events.Emails;

/// <summary>The reminder before an event, with a fresh manage link.</summary>
public sealed record EventReminderEmail(EventFacts Event, string Link) : EmailModel;
