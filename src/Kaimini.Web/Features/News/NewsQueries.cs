using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.News;

/// <summary>The news of published communities, filtered on the communities' own indexed columns
/// (novads, former novads, town or parish, themes) and read newest first through the news indexes.</summary>
public sealed class NewsQueries(AppDbContext db)
{
    public IQueryable<NewsItem> Filtered(NewsFilter filter, ReferenceData refData)
    {
        var communities = db.Communities.Where(c => c.Status == CommunityStatus.Published);
        if (!string.IsNullOrEmpty(filter.Community))
        {
            communities = communities.Where(c => c.Slug == filter.Community);
        }

        if (!string.IsNullOrEmpty(filter.Novads))
        {
            var id = Territory(refData, filter.Novads, TerritoryKind.Novads);
            communities = communities.Where(c => c.NovadsId == id);
        }

        if (!string.IsNullOrEmpty(filter.Former))
        {
            var id = Territory(refData, filter.Former, TerritoryKind.FormerNovads);
            communities = communities.Where(c => c.FormerNovadsId == id);
        }

        if (!string.IsNullOrEmpty(filter.Place))
        {
            var id = Territory(refData, filter.Place, TerritoryKind.Pagasts, TerritoryKind.Pilseta);
            communities = communities.Where(c => c.ParishId == id);
        }

        if (!string.IsNullOrEmpty(filter.Theme))
        {
            var id = refData.ThemeBySlug.GetValueOrDefault(filter.Theme)?.Id ?? -1;
            communities = communities.WithTheme(db, id);
        }

        return db.News.AsNoTracking().Where(n => communities.Any(c => c.Id == n.CommunityId));
    }

    /// <summary>One community's news, whatever its status (its page decides who sees it).</summary>
    public IQueryable<NewsItem> ForCommunity(int communityId) => db.News.AsNoTracking().Where(n => n.CommunityId == communityId);

    /// <summary>Newest first; the id breaks ties so pages never overlap.</summary>
    public static IQueryable<NewsItem> Newest(IQueryable<NewsItem> news) => news.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id);

    public static async Task<List<NewsCard>> CardsAsync(IQueryable<NewsItem> news, ReferenceData refData, CancellationToken ct) =>
        (await news.Select(n => new { n.Id, n.Title, n.PublishedAt, n.Community!.Slug, n.Community.Name, n.Community.TerritoryId }).ToListAsync(ct))
        .Select(n => new NewsCard(n.Id, n.Title, n.PublishedAt, n.Slug, n.Name, refData.PlaceLine(n.TerritoryId)))
        .ToList();

    /// <summary>The territory of this kind with the slug; -1 (nothing) for an unknown one.</summary>
    private static int Territory(ReferenceData refData, string slug, params TerritoryKind[] kinds) =>
        refData.TerritoryBySlug.TryGetValue(slug, out var t) && kinds.Contains(t.Kind) ? t.Id : -1;
}
