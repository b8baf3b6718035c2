using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Feeds;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Text;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Events;

/// <summary>Events in the Atom feeds: published (and held) events, the most recently announced
/// first; a community's are those it organises, a territory's those held in it.</summary>
public sealed class EventFeedSource(AppDbContext db, ReferenceCache reference, MarkdownRenderer markdown) : IFeedSource
{
    public const string Key = "events";

    string IFeedSource.Key => Key;

    public async Task<IReadOnlyList<FeedEntry>> EntriesAsync(FeedScope scope, int limit, CancellationToken ct)
    {
        var events = db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published || e.Status == EventStatus.Completed);
        if (scope.CommunityId is { } community)
        {
            events = events.Where(e => e.OwnerCommunityId == community || e.Communities.Any(c => c.Id == community));
        }

        var refData = await reference.GetAsync(ct);
        if (scope.Territory is { } territory)
        {
            var inside = refData.UnitsWithin(territory);
            events = events.Where(e => inside.Contains(e.TerritoryId));
        }

        var rows = await events.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(limit)
            .Select(e => new { e.Slug, e.Title, e.TitleEn, e.Description, e.DescriptionEn, e.StartsAt, e.EndsAt, e.Venue, e.TerritoryId, e.CreatedAt, e.UpdatedAt })
            .ToListAsync(ct);
        return rows.Select(e => new FeedEntry(Links.Events.Show(e.Slug), new LocalText(e.Title, e.TitleEn).Text,
                markdown.Render(new LocalText(e.Description ?? "", e.DescriptionEn)),
                $"{RigaTime.Range(e.StartsAt, e.EndsAt)} · {e.Venue}, {refData.PlaceLine(e.TerritoryId)}",
                e.CreatedAt, e.UpdatedAt, null, Key))
            .ToList();
    }
}
