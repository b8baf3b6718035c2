using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Events.Emails;

/// <summary>A confirmed place, with the manage link (and the event for the calendar).</summary>
public sealed record SignUpConfirmedEmail(EventFacts Event, string Link) : EmailModel;
