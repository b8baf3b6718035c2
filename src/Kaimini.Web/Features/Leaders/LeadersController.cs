using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Kaimini.Web.Features.Leaders;

/// <summary>/leaders: community leaders and active residents who agreed to be shown. Names, places,
/// interests and communities only; never contacts.</summary>
[Route("leaders")]
public class LeadersController(LeaderDirectory directory) : Controller
{
    [OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["q", "novads", "theme", "page"])]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] LeaderQuery query, CancellationToken ct) =>
        View(await directory.SearchAsync(query, ct));
}

public class LeaderQuery
{
    public string? Q { get; set; }
    public string? Novads { get; set; }
    public string? Theme { get; set; }
    public int? Page { get; set; }
}

public sealed record LeaderCommunity(string Name, string Slug, MembershipRole Role);

public sealed record LeaderCard(string Name, string? Bio, string? Place, IReadOnlyList<string> Interests, IReadOnlyList<LeaderCommunity> Communities);

public sealed record LeadersViewModel(LeaderQuery Query, PagedList<LeaderCard> Results, ReferenceData Reference);
