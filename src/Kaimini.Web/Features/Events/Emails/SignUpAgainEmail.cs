using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Events.Emails;

/// <summary>Someone signed up again with an address that has a registration: nothing changed.</summary>
public sealed record SignUpAgainEmail(EventFacts Event, string Link) : EmailModel;
