using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Feeds;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Communities;

/// <summary>A published community's Atom feed: everything the feeds carry about it (its news and
/// the events it organises).</summary>
[Route("communities")]
public class CommunityFeedsController(AppDbContext db, AtomFeeds feeds, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("{slug}/feed")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Feed(string slug, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().Where(c => c.Slug == slug && c.Status == CommunityStatus.Published)
            .Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(ct);
        return community is null
            ? NotFound()
            : AtomFeeds.Result(await feeds.BuildAsync(t["Feed.CommunityTitle", community.Name], Links.Communities.Feed(slug), Links.Communities.Show(slug),
                FeedScope.Community(community.Id), ct));
    }
}
