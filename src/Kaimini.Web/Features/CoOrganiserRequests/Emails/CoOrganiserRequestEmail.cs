using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Email;

namespace Kaimini.Web.Features.CoOrganiserRequests.Emails;

/// <summary>A request to a community's leaders to co-organise an event.</summary>
public sealed record CoOrganiserRequestEmail(string Requester, EventFacts Event, string Community, string Link) : EmailModel;
