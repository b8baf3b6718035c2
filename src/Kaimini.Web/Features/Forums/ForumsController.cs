using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Forums;

/// <summary>The residents' forums „Ideju skrejceļš”: each with its thematic groups, the ideas
/// gathered in them and, once recorded, the outcome.</summary>
[Route("forums")]
public class ForumsController(AppDbContext db, ReferenceCache reference, ForumPage page) : Controller
{
    [OutputCache(PolicyName = PublicPageCache.IdeasPolicy)]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.Kind == EventKind.Forum && (e.Status == EventStatus.Published || e.Status == EventStatus.Completed))
            .OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id).Take(200)
            .Select(e => new
            {
                e.Slug,
                e.Title,
                e.TitleEn,
                e.StartsAt,
                e.Venue,
                e.TerritoryId,
                e.Status,
                Ideas = db.Ideas.Count(i => i.EventId == e.Id && i.Status == IdeaStatus.Published),
            })
            .ToListAsync(ct);
        return View(rows.Select(e => new ForumCard(e.Slug, new LocalText(e.Title, e.TitleEn), e.StartsAt, e.Venue, refData.PlaceLine(e.TerritoryId),
            e.Status == EventStatus.Completed, e.Ideas)).ToList());
    }

    [OutputCache(PolicyName = PublicPageCache.IdeasPolicy)]
    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken ct) =>
        await page.BuildAsync(slug, ct) is { } model ? View(model) : NotFound();
}

public sealed record ForumCard(string Slug, LocalText Title, DateTimeOffset StartsAt, string Venue, string Place, bool Completed, int IdeaCount);

public sealed record ForumGroupSection(int Id, string Name, IReadOnlyList<IdeaCard> Ideas);

public sealed record ForumOutcome(IHtmlContent? Summary, IHtmlContent? Decisions, int? HeadCount, DateTimeOffset? RecordedAt);

public sealed record ForumPageViewModel(string Slug, LocalText Title, IHtmlContent Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string Venue, string Place, bool Completed, IReadOnlyList<ForumGroupSection> Groups, IReadOnlyList<IdeaCard> Ungrouped, int IdeaCount,
    ForumOutcome? Outcome);
