using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Feeds;
using Kaimini.Web.Infrastructure.Text;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.News;

/// <summary>The network's news: the list (newest first, filtered by place and theme), an item's
/// page and the Atom feed.</summary>
[Route("news")]
public class NewsController(AppDbContext db, NewsQueries news, ReferenceCache reference, MarkdownRenderer markdown,
    IAuthorizationService authorization, AtomFeeds feeds) : Controller
{
    private const int PageSize = 20;

    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["community", "novads", "former", "place", "theme", "page"])]
    public async Task<IActionResult> Index([FromQuery] NewsFilter filter, int? page, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var query = news.Filtered(filter, refData);
        var current = PagedList<NewsCard>.Normalize(page);
        // Counted only a little past the page (BoundedCount): all 100,000 items took ~35 ms each time.
        var limit = BoundedCount.Limit(current, PageSize);
        var counted = await query.Take(limit + 1).CountAsync(ct);
        var cards = await NewsQueries.CardsAsync(NewsQueries.Newest(query).Skip((current - 1) * PageSize).Take(PageSize), refData, ct);
        var communityName = string.IsNullOrEmpty(filter.Community) ? null
            : await db.Communities.Where(c => c.Slug == filter.Community && c.Status == CommunityStatus.Published).Select(c => c.Name).SingleOrDefaultAsync(ct);
        var themeId = string.IsNullOrEmpty(filter.Theme) ? null : refData.ThemeBySlug.GetValueOrDefault(filter.Theme)?.Id;
        return View(new NewsListViewModel(filter, refData, new PagedList<NewsCard>(cards, current, PageSize, Math.Min(counted, limit), counted > limit), communityName, themeId));
    }

    [HttpGet("{id:int}")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var item = await db.News.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new { n.Id, n.Title, n.Body, n.Link, n.PublishedAt, n.UpdatedAt, n.CommunityId, n.Community!.Slug, n.Community.Name, n.Community.TerritoryId, n.Community.Status })
            .SingleOrDefaultAsync(ct);
        if (item is null)
        {
            return NotFound();
        }

        // The community's leaders (and organisers) may edit it, and see it while the community is not public.
        var canEdit = User.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(User, new CommunityResource(item.CommunityId, item.Slug), CommunityRequirement.Manage)).Succeeded;
        if (item.Status != CommunityStatus.Published && !canEdit)
        {
            return NotFound();
        }

        var refData = await reference.GetAsync(ct);
        return View(new NewsPageViewModel(item.Id, item.Title, markdown.Render(item.Body), item.Link, item.PublishedAt, item.UpdatedAt,
            item.Slug, item.Name, refData.PlaceLine(item.TerritoryId), canEdit));
    }

    /// <summary>The network's news as Atom.</summary>
    [HttpGet("feed")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Feed([FromServices] IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        AtomFeeds.Result(await feeds.BuildAsync(t["News.FeedTitle"], Links.News.Feed, Links.News.Index, FeedScope.Network, ct, NewsFeedSource.Key));
}
