using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Feeds;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Text;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Cooperation;

/// <summary>Cooperation posts in the Atom feeds: the open ones of published communities (as the board
/// lists them), the newest first; a territory's feed has the posts about a place within it.</summary>
public sealed class CooperationFeedSource(AppDbContext db, ReferenceCache reference, MarkdownRenderer markdown, TimeProvider clock) : IFeedSource
{
    public const string Key = "cooperation";

    string IFeedSource.Key => Key;

    public async Task<IReadOnlyList<FeedEntry>> EntriesAsync(FeedScope scope, int limit, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToRiga().Date);
        var posts = db.CooperationPosts.AsNoTracking().Where(CooperationPost.OpenOn(today))
            .Where(p => p.Community!.Status == CommunityStatus.Published);
        if (scope.CommunityId is { } community)
        {
            posts = posts.Where(p => p.CommunityId == community);
        }

        if (scope.Territory is { } territory)
        {
            var units = (await reference.GetAsync(ct)).UnitsWithin(territory);
            posts = posts.Where(p => units.Contains(p.TerritoryId));
        }

        var rows = await posts.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(limit)
            .Select(p => new { p.Id, p.Title, p.Body, p.CreatedAt, p.UpdatedAt, Community = p.Community!.Name })
            .ToListAsync(ct);
        return rows.Select(p => new FeedEntry(Links.Cooperation.Show(p.Id), p.Title, markdown.Render(p.Body), null, p.CreatedAt, p.UpdatedAt, p.Community, Key))
            .ToList();
    }
}
