using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Text;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Forums;

/// <summary>The residents' forums „Ideju skrejceļš”: each with its thematic groups, the ideas
/// gathered in them and, once recorded, the outcome.</summary>
[Route("forums")]
public class ForumsController(AppDbContext db, IdeaQueries queries, ReferenceCache reference, MarkdownRenderer markdown) : Controller
{
    /// <summary>The most ideas a forum page lists; the rest are in /ideas?forum=….</summary>
    public const int MaxIdeas = 500;

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
    public async Task<IActionResult> Show(string slug, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking()
            .Where(e => e.Slug == slug && e.Kind == EventKind.Forum && (e.Status == EventStatus.Published || e.Status == EventStatus.Completed))
            .Select(e => new
            {
                e.Id,
                e.Slug,
                e.Title,
                e.TitleEn,
                e.Description,
                e.DescriptionEn,
                e.StartsAt,
                e.EndsAt,
                e.Venue,
                e.TerritoryId,
                e.Status,
                e.OutcomeSummary,
                e.OutcomeDecisions,
                e.HeadCount,
                e.OutcomeRecordedAt,
                Groups = e.Groups.OrderBy(g => g.Position).ThenBy(g => g.Id).Select(g => new { g.Id, g.NameLv, g.NameEn }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (e is null)
        {
            return NotFound();
        }

        var refData = await reference.GetAsync(ct);
        var ideas = await queries.AllAsync(
            db.Ideas.AsNoTracking().Where(i => i.EventId == e.Id && i.Status == IdeaStatus.Published)
                .OrderByDescending(i => i.SupportCount).ThenByDescending(i => i.CreatedAt).ThenBy(i => i.Id),
            MaxIdeas, ct);
        var culture = Infrastructure.Localization.Cultures.Current;
        var groups = e.Groups.Select(g => new ForumGroupSection(g.Id, LocalName.For(culture, g.NameLv, g.NameEn),
            ideas.Where(i => i.GroupId == g.Id).Select(i => i.Card).ToList())).ToList();
        var groupIds = e.Groups.Select(g => g.Id).ToHashSet();
        var ungrouped = ideas.Where(i => i.GroupId is null || !groupIds.Contains(i.GroupId.Value)).Select(i => i.Card).ToList();
        var hasOutcome = e.OutcomeSummary is not null || e.OutcomeDecisions is not null || e.HeadCount is not null;
        return View(new ForumPageViewModel(e.Slug, new LocalText(e.Title, e.TitleEn), markdown.Render(new LocalText(e.Description ?? "", e.DescriptionEn)), e.StartsAt, e.EndsAt, e.Venue,
            refData.PlaceLine(e.TerritoryId), e.Status == EventStatus.Completed, groups, ungrouped, ideas.Count,
            hasOutcome ? new ForumOutcome(Render(e.OutcomeSummary), Render(e.OutcomeDecisions), e.HeadCount, e.OutcomeRecordedAt) : null));
    }

    private IHtmlContent? Render(string? text) => string.IsNullOrWhiteSpace(text) ? null : markdown.Render(text);
}

public sealed record ForumCard(string Slug, LocalText Title, DateTimeOffset StartsAt, string Venue, string Place, bool Completed, int IdeaCount);

public sealed record ForumGroupSection(int Id, string Name, IReadOnlyList<IdeaCard> Ideas);

public sealed record ForumOutcome(IHtmlContent? Summary, IHtmlContent? Decisions, int? HeadCount, DateTimeOffset? RecordedAt);

public sealed record ForumPageViewModel(string Slug, LocalText Title, IHtmlContent Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string Venue, string Place, bool Completed, IReadOnlyList<ForumGroupSection> Groups, IReadOnlyList<IdeaCard> Ungrouped, int IdeaCount,
    ForumOutcome? Outcome);
