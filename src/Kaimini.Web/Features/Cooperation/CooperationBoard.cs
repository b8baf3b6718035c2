using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Cooperation;

/// <summary>What the board reads: a page of posts in two queries (a bounded count and rows), filtered on
/// indexed columns of <c>cooperation_posts</c>; names of places and themes from the reference cache.</summary>
public class CooperationBoard(AppDbContext db, ReferenceCache reference, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>Today in Riga: a post is listed through its last day.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToRiga().DateTime);

    public async Task<(PagedList<CooperationCard> Results, ReferenceData Reference)> SearchAsync(CooperationQuery query, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        // A community that left the directory takes its posts with it.
        var posts = db.CooperationPosts.AsNoTracking().Where(p => p.Community!.Status == CommunityStatus.Published);
        posts = query.Matched == true ? posts.Where(p => p.Status == CooperationStatus.Matched) : posts.Where(CooperationPost.OpenOn(Today));
        posts = Filter(posts, query, refData);
        var page = PagedList<CooperationCard>.Normalize(query.Page);
        // Counted only a little past the page (BoundedCount), as the ideas are.
        var limit = BoundedCount.Limit(page, PageSize);
        var counted = await posts.Take(limit + 1).CountAsync(ct);
        var rows = await posts.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.Id,
                p.Title,
                Excerpt = p.Body.Length > 280 ? p.Body.Substring(0, 280) + "…" : p.Body,
                p.Direction,
                p.Kind,
                p.Status,
                p.Community!.Name,
                p.Community.Slug,
                p.Community.Latitude,
                p.Community.Longitude,
                p.TerritoryId,
                p.ThemeId,
                p.ValidUntil,
            })
            .ToListAsync(ct);
        var culture = Cultures.Current;
        var cards = rows.Select(r => new CooperationCard(r.Id, r.Title, r.Excerpt, r.Direction, r.Kind, r.Status, r.Name, r.Slug,
            refData.PlaceLine(r.TerritoryId), r.ThemeId is { } t && refData.ThemeById.TryGetValue(t, out var theme) ? theme.Name(culture) : null,
            r.ValidUntil, GeoPoint.Of(r.Latitude, r.Longitude) ?? refData.PointOf(r.TerritoryId))).ToList();
        return (new PagedList<CooperationCard>(cards, page, PageSize, Math.Min(counted, limit), counted > limit), refData);
    }

    /// <summary>Unknown slugs match nothing (an empty result, not every post). Search: every typed
    /// word, folded and without its Latvian ending, must occur in the folded document (LIKE on the
    /// trigram-indexed search document, as the ideas do).</summary>
    public static IQueryable<CooperationPost> Filter(IQueryable<CooperationPost> posts, CooperationQuery q, ReferenceData refData)
    {
        int? Id(string? slug, params TerritoryKind[] kinds) =>
            slug is null ? null
            : refData.TerritoryBySlug.TryGetValue(slug, out var t) && kinds.Contains(t.Kind) ? t.Id
            : -1;

        if (q.Kind is { } kind)
        {
            posts = posts.Where(p => p.Kind == kind);
        }

        if (q.Direction is { } direction)
        {
            posts = posts.Where(p => p.Direction == direction);
        }

        if (q.Theme is not null)
        {
            var theme = refData.ThemeBySlug.TryGetValue(q.Theme, out var t) ? t.Id : -1;
            posts = posts.Where(p => p.ThemeId == theme);
        }

        if (Id(q.Novads, TerritoryKind.Novads) is { } novads)
        {
            posts = posts.Where(p => p.NovadsId == novads);
        }

        if (Id(q.Former, TerritoryKind.FormerNovads) is { } former)
        {
            posts = posts.Where(p => p.FormerNovadsId == former);
        }

        if (Id(q.Place, TerritoryKind.Pagasts, TerritoryKind.Pilseta) is { } place)
        {
            posts = posts.Where(p => p.ParishId == place);
        }

        foreach (var word in SearchWords(q.SearchText))
        {
            var pattern = $"%{word}%";
            posts = posts.Where(p => EF.Functions.Like(p.SearchDocument, pattern));
        }

        return posts;
    }

    /// <summary>Folded words are letters and digits only, so they carry no LIKE wildcards.</summary>
    public static IReadOnlyList<string> SearchWords(string? typed) =>
        SearchText.Fold(typed).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => SearchText.Stem(w.Length > 40 ? w[..40] : w))
            .Distinct().Take(8).ToList();

    /// <summary>The communities this person may post for: published ones they lead, and the one
    /// named (for an organiser, who may post for any).</summary>
    public async Task<IReadOnlyList<CommunityChoice>> CommunitiesForAsync(string userId, bool organiser, int? named, CancellationToken ct)
    {
        var rows = await db.Communities.AsNoTracking()
            .Where(c => c.Status == CommunityStatus.Published
                && (c.Memberships.Any(m => m.UserId == userId && m.IsLeader) || (organiser && c.Id == named)))
            .Select(c => new CommunityChoice(c.Id, c.Name, c.Slug))
            .ToListAsync(ct);
        return rows.OrderBy(c => c.Name, Cultures.LatvianComparer).ToList();
    }

    /// <summary>The leaders of a community who can be mailed, in their language.</summary>
    public async Task<IReadOnlyList<(string Email, string Name, string Culture)>> LeadersAsync(int communityId, CancellationToken ct) =>
        (await db.CommunityMemberships.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.IsLeader && m.User!.Email != null)
            .Select(m => new { Email = m.User!.Email!, m.User.DisplayName, m.User.PreferredCulture })
            .ToListAsync(ct))
        .Select(l => (l.Email, l.DisplayName, l.PreferredCulture)).ToList();
}
