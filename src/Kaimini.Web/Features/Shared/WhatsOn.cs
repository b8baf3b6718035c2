using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Shared;

public sealed record ComingEvent(string Slug, LocalText Title, EventKind Kind, DateTimeOffset StartsAt, string Venue);

public sealed record RecentIdea(int Id, string Title, IdeaKind Kind, int SupportCount, DateTimeOffset CreatedAt);

/// <summary>What is going on in a place: its coming events and latest ideas, with the lists to see
/// all of them.</summary>
public sealed record WhatsOnHere(IReadOnlyList<ComingEvent> Events, IReadOnlyList<RecentIdea> Ideas, string EventsUrl, string IdeasUrl);

/// <summary>The coming events and recent ideas that a community's or a territory's page shows, so the
/// directory leads on to what happens there (two statements, on indexed columns).</summary>
public class WhatsOnQueries(AppDbContext db, TimeProvider clock)
{
    public const int Shown = 5;

    /// <param name="units">The territory and the units inside it (events by their venue, ideas by the
    /// place they concern).</param>
    /// <param name="communityId">A community whose own events count wherever they are held.</param>
    public async Task<WhatsOnHere> ForAsync(IReadOnlyList<int> units, int? communityId, string eventsUrl, string ideasUrl, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var events = await db.Events.AsNoTracking()
            .Where(Event.NotOverAt(now))
            .Where(e => e.Status == EventStatus.Published
                && (units.Contains(e.TerritoryId) || (communityId != null && e.Communities.Any(c => c.Id == communityId))))
            .OrderBy(e => e.StartsAt).Take(Shown)
            .Select(e => new ComingEvent(e.Slug, new LocalText(e.Title, e.TitleEn), e.Kind, e.StartsAt, e.Venue))
            .ToListAsync(ct);
        var ideas = await db.Ideas.AsNoTracking()
            .Where(i => i.Status == IdeaStatus.Published && units.Contains(i.TerritoryId))
            .OrderByDescending(i => i.CreatedAt).Take(Shown)
            .Select(i => new RecentIdea(i.Id, i.Title, i.Kind, i.SupportCount, i.CreatedAt))
            .ToListAsync(ct);
        return new WhatsOnHere(events, ideas, eventsUrl, ideasUrl);
    }
}
