using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.AdminEvents.Emails;

/// <summary>An event cancelled, with the organisers' notice.</summary>
public sealed record EventCancelledEmail(EventFacts Event, string? Notice, string Link) : EmailModel;
