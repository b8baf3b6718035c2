using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Events.Emails;

/// <summary>A place on the waiting list, with the manage link.</summary>
public sealed record SignUpWaitlistedEmail(EventFacts Event, string Link) : EmailModel;
