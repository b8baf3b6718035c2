using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Feeds;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Events;

/// <summary>Calendar files: the feed of events to come, and one event's .ics.</summary>
[Route("events")]
public class EventFeedsController(AppDbContext db, ReferenceCache reference, TimeProvider clock, IStringLocalizer<SharedResource> t,
    EventCalendar calendar) : Controller
{
    /// <summary>Every published event still to come, as a calendar feed; ?novads= narrows it.</summary>
    [HttpGet("/events.ics")]
    public async Task<IActionResult> Feed(string? novads, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var now = clock.GetUtcNow();
        var events = db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published).Where(Event.NotOverAt(now));
        if (novads is not null)
        {
            var inside = refData.TerritoriesInNovads(novads);
            events = events.Where(e => inside.Contains(e.TerritoryId));
        }

        var entries = await events.OrderBy(e => e.StartsAt).Take(500)
            .Select(e => new CalendarEntry(e.Id, e.Slug, new LocalText(e.Title, e.TitleEn).Text, null, e.Venue + (e.Address == null ? "" : ", " + e.Address), e.StartsAt, e.EndsAt, false, e.UpdatedAt))
            .ToListAsync(ct);
        var name = novads is not null && refData.TerritoryBySlug.TryGetValue(novads, out var unit)
            ? t["Events.FeedNameIn", unit.Name].Value
            : t["Events.FeedName"].Value;
        return Content(calendar.Serialize(entries, name), EventCalendar.ContentType, System.Text.Encoding.UTF8);
    }

    /// <summary>The network's events as Atom, the most recently announced first.</summary>
    [HttpGet("feed")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Atom([FromServices] AtomFeeds feeds, CancellationToken ct) =>
        AtomFeeds.Result(await feeds.BuildAsync(t["Events.AtomFeedTitle"], Links.Events.AtomFeed, Links.Events.Index, FeedScope.Network, ct, EventFeedSource.Key));

    [HttpGet("{slug}.ics")]
    public async Task<IActionResult> Ics(string slug, CancellationToken ct)
    {
        var entry = await db.Events.AsNoTracking().Where(e => e.Slug == slug && e.Status != EventStatus.Draft)
            .Select(e => new CalendarEntry(e.Id, e.Slug, new LocalText(e.Title, e.TitleEn).Text, null, e.Venue + (e.Address == null ? "" : ", " + e.Address), e.StartsAt, e.EndsAt,
                e.Status == EventStatus.Cancelled, e.UpdatedAt))
            .SingleOrDefaultAsync(ct);
        if (entry is null)
        {
            return NotFound();
        }

        Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}.ics\"";
        return Content(calendar.Serialize([entry]), EventCalendar.ContentType, System.Text.Encoding.UTF8);
    }
}
