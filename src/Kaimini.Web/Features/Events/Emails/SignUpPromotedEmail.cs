using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Events.Emails;

/// <summary>A place freed for someone waiting, with a fresh manage link.</summary>
public sealed record SignUpPromotedEmail(EventFacts Event, string Link) : EmailModel;
