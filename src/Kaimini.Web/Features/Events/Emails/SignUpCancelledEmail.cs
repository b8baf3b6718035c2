using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.Events.Emails;

/// <summary>A registration cancelled by its holder.</summary>
public sealed record SignUpCancelledEmail(EventFacts Event, string Link) : EmailModel;
