using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Forums;

/// <summary>A forum's page: what it is, its groups with the ideas gathered in each (most supported
/// first), the ideas in no group, and the outcome once recorded.</summary>
public class ForumPage(AppDbContext db, IdeaQueries queries, ReferenceCache reference, MarkdownRenderer markdown)
{
    /// <summary>The most ideas a forum page lists; the rest are in /ideas?forum=….</summary>
    public const int MaxIdeas = 500;

    /// <summary>The page of the published or completed forum with this slug; null when there is none.</summary>
    public async Task<ForumPageViewModel?> BuildAsync(string slug, CancellationToken ct)
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
            return null;
        }

        var refData = await reference.GetAsync(ct);
        var ideas = await queries.AllAsync(
            db.Ideas.AsNoTracking().Where(i => i.EventId == e.Id && i.Status == IdeaStatus.Published)
                .OrderByDescending(i => i.SupportCount).ThenByDescending(i => i.CreatedAt).ThenBy(i => i.Id),
            MaxIdeas, ct);
        var culture = Cultures.Current;
        var groups = e.Groups.Select(g => new ForumGroupSection(g.Id, LocalName.For(culture, g.NameLv, g.NameEn),
            ideas.Where(i => i.GroupId == g.Id).Select(i => i.Card).ToList())).ToList();
        var groupIds = e.Groups.Select(g => g.Id).ToHashSet();
        var ungrouped = ideas.Where(i => i.GroupId is null || !groupIds.Contains(i.GroupId.Value)).Select(i => i.Card).ToList();
        var hasOutcome = e.OutcomeSummary is not null || e.OutcomeDecisions is not null || e.HeadCount is not null;
        return new ForumPageViewModel(e.Slug, new LocalText(e.Title, e.TitleEn), markdown.Render(new LocalText(e.Description ?? "", e.DescriptionEn)), e.StartsAt, e.EndsAt, e.Venue,
            refData.PlaceLine(e.TerritoryId), e.Status == EventStatus.Completed, groups, ungrouped, ideas.Count,
            hasOutcome ? new ForumOutcome(Render(e.OutcomeSummary), Render(e.OutcomeDecisions), e.HeadCount, e.OutcomeRecordedAt) : null);
    }

    private IHtmlContent? Render(string? text) => string.IsNullOrWhiteSpace(text) ? null : markdown.Render(text);
}
