using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.AdminEvents.Emails;

/// <summary>The time or place of an event changed.</summary>
public sealed record EventChangedEmail(EventFacts Event, string Link) : EmailModel;
