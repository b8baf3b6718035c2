using Kaimini.Web.Data;
using Kaimini.Web.Data.Configurations;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Kaimini.Web.Features.Communities;

/// <summary>The public directory's query: published communities, filtered on indexed columns,
/// searched with PostgreSQL full-text search over the folded search document. Two queries per
/// page (count and rows); names of places and themes come from the reference cache.</summary>
public class CommunityDirectory(AppDbContext db, ReferenceCache reference)
{
    public const int PageSize = 20;

    public async Task<DirectoryViewModel> SearchAsync(DirectoryQuery query, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var communities = Filter(Published(), query, refData);
        var tsQuery = SearchText.PrefixQuery(query.SearchText);
        if (tsQuery is not null)
        {
            communities = Matching(communities, tsQuery);
        }

        var total = await communities.CountAsync(ct);
        var ordered = (query.Sort, tsQuery) switch
        {
            ("newest", _) => communities.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id),
            (null or "" or "relevance", not null) => ByRelevance(communities, tsQuery),
            _ => communities.OrderBy(c => c.Name).ThenBy(c => c.Id),
        };
        var page = PagedList<CommunityCard>.Normalize(query.Page);
        var rows = await ordered.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(c => new
            {
                c.Slug,
                c.Name,
                c.ShortDescription,
                c.ShortDescriptionEn,
                c.LegalForm,
                c.Verified,
                c.TerritoryId,
                c.Latitude,
                c.Longitude,
                // One text column (string_agg), not a nested collection: EF Core's shaper for a
                // collection builds delegates for every row it reads (~7 % of the page's CPU).
                ThemeIds = string.Join(",", db.CommunityThemes.Where(x => EF.Property<int>(x, CommunityThemeQueries.CommunityId) == c.Id)
                    .Select(x => EF.Property<int>(x, CommunityThemeQueries.ThemeId).ToString())),
            })
            .ToListAsync(ct);
        var culture = Cultures.Current;
        var cards = rows.Select(r => new CommunityCard(r.Slug, r.Name, new LocalText(r.ShortDescription, r.ShortDescriptionEn), r.LegalForm, r.Verified,
                refData.PlaceLine(r.TerritoryId),
                CommunityThemeQueries.Ids(r.ThemeIds).Select(id => refData.ThemeById[id]).OrderBy(t => t.Id).Select(t => t.Name(culture)).ToList(),
                GeoPoint.Of(r.Latitude, r.Longitude) ?? refData.PointOf(r.TerritoryId)))
            .ToList();
        return new DirectoryViewModel(query, new PagedList<CommunityCard>(cards, page, PageSize, total), refData);
    }

    /// <summary>The published communities the directory finds for typed text, best first: for a
    /// form that picks a community (co-organisers), so that it finds what the directory finds.</summary>
    public async Task<IReadOnlyList<CommunityMatch>> MatchesAsync(string? text, int limit, CancellationToken ct)
    {
        var tsQuery = SearchText.PrefixQuery(text is { Length: > DirectoryQuery.MaxQueryLength } ? text[..DirectoryQuery.MaxQueryLength] : text);
        if (tsQuery is null)
        {
            return [];
        }

        var refData = await reference.GetAsync(ct);
        var rows = await ByRelevance(Matching(Published(), tsQuery), tsQuery).Take(limit)
            .Select(c => new { c.Id, c.Name, c.Slug, c.TerritoryId })
            .ToListAsync(ct);
        return rows.Select(r => new CommunityMatch(r.Id, r.Name, r.Slug, refData.PlaceLine(r.TerritoryId))).ToList();
    }

    private IQueryable<Community> Published() => db.Communities.AsNoTracking().Where(c => c.Status == CommunityStatus.Published);

    /// <summary>The prefix query goes through <c>to_tsquery('simple', …)</c>, PostgreSQL's own parser,
    /// as the search document does through <c>to_tsvector</c>: a word such as "3e8a1b" is two tokens
    /// to it ("3e8" and "a1b"), and a query built outside it would miss such a name.</summary>
    private static IQueryable<Community> Matching(IQueryable<Community> communities, string tsQuery) =>
        communities.Where(c => EF.Property<NpgsqlTsVector>(c, CommunityConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery("simple", tsQuery)));

    private static IOrderedQueryable<Community> ByRelevance(IQueryable<Community> communities, string tsQuery) =>
        communities.OrderByDescending(c => EF.Property<NpgsqlTsVector>(c, CommunityConfiguration.SearchVector).Rank(EF.Functions.ToTsQuery("simple", tsQuery)))
            .ThenBy(c => c.Name).ThenBy(c => c.Id);

    /// <summary>Unknown slugs match nothing (an empty result, not every community).</summary>
    private IQueryable<Community> Filter(IQueryable<Community> communities, DirectoryQuery q, ReferenceData refData)
    {
        int? Id(string? slug, params TerritoryKind[] kinds) =>
            slug is null ? null
            : refData.TerritoryBySlug.TryGetValue(slug, out var t) && kinds.Contains(t.Kind) ? t.Id
            : -1;

        if (Id(q.Novads, TerritoryKind.Novads) is { } novads)
        {
            communities = communities.Where(c => c.NovadsId == novads);
        }

        if (Id(q.Former, TerritoryKind.FormerNovads) is { } former)
        {
            communities = communities.Where(c => c.FormerNovadsId == former);
        }

        if (Id(q.Place, TerritoryKind.Pagasts, TerritoryKind.Pilseta) is { } place)
        {
            communities = communities.Where(c => c.ParishId == place);
        }

        if (q.Theme is not null)
        {
            var theme = refData.ThemeBySlug.TryGetValue(q.Theme, out var t) ? t.Id : -1;
            communities = communities.WithTheme(db, theme);
        }

        if (q.Form is { } form)
        {
            communities = communities.Where(c => c.LegalForm == form);
        }

        return communities;
    }
}
