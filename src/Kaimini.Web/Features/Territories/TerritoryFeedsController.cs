using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Feeds;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Territories;

/// <summary>A novads's, former novads's, town's or parish's Atom feed: the news of its communities
/// and the events held in it.</summary>
[Route("territories")]
public class TerritoryFeedsController(ReferenceCache reference, AtomFeeds feeds, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("{slug}/feed")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Feed(string slug, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        if (!refData.TerritoryBySlug.TryGetValue(slug, out var territory) || territory.Kind == TerritoryKind.Ciems)
        {
            return NotFound();
        }

        var name = territory.Kind == TerritoryKind.FormerNovads ? $"{territory.Name} {t["Territory.FormerSuffix"]}" : territory.Name;
        return AtomFeeds.Result(await feeds.BuildAsync(t["Feed.TerritoryTitle", name], Links.Territories.Feed(slug), Links.Territories.Show(slug),
            FeedScope.In(territory), ct));
    }
}
