using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Events;

/// <summary>Published events as a list and as a month's calendar, with the same filters.</summary>
[Route("events")]
public class EventsController(AppDbContext db, ReferenceCache reference, TimeProvider clock) : Controller
{
    /// <summary>Events as a list: upcoming first (soonest on top), or past ones (latest on top),
    /// filtered by kind, novads, former novads and theme.</summary>
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["kind", "novads", "former", "theme", "past", "page"])]
    public async Task<IActionResult> Index([FromQuery] EventFilter filter, int? page, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var now = clock.GetUtcNow();
        var query = Filtered(filter, refData);
        query = filter.Past
            ? query.Where(e => e.EndsAt < now).OrderByDescending(e => e.StartsAt)
            : query.Where(Event.NotOverAt(now)).OrderBy(e => e.StartsAt);
        var current = PagedList<EventCard>.Normalize(page);
        var total = await query.CountAsync(ct);
        var rows = await Cards(query.Skip((current - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return View(new EventListViewModel(filter, refData, new PagedList<EventCard>(rows.Select(r => r.ToCard(refData)).ToList(), current, PageSize, total)));
    }

    /// <summary>A month at a glance (Monday first, Riga time); ?month=2026-12, filters as on the list.</summary>
    [HttpGet("calendar")]
    [OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["kind", "novads", "former", "theme", "past", "month"])]
    public async Task<IActionResult> Calendar([FromQuery] EventFilter filter, string? month, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var now = clock.GetUtcNow();
        var today = now.ToRiga();
        var chosen = DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            && parsed.Year is > 2000 and < 2100;
        var first = chosen ? parsed : new DateOnly(today.Year, today.Month, 1);
        var monthStart = RigaTime.FromRiga(first.ToDateTime(TimeOnly.MinValue));
        var to = RigaTime.FromRiga(first.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        // Nothing (more) to come in this month: the next event that is, so the page can say where
        // the next ones are.
        var after = monthStart > now ? monthStart : now;
        var soonest = await Cards(Filtered(filter, refData).Where(e => e.Status != EventStatus.Cancelled).Where(Event.NotOverAt(after))
            .OrderBy(e => e.StartsAt).Take(1)).FirstOrDefaultAsync(ct);
        var next = soonest is not null && soonest.StartsAt >= to ? soonest : null;
        var moved = false;
        if (!chosen && next is not null)
        {
            // Opening the calendar without a month on an empty rest of the month shows the month of
            // the next event instead, and says so.
            var nextDay = next.StartsAt.ToRiga();
            first = new DateOnly(nextDay.Year, nextDay.Month, 1);
            moved = first != new DateOnly(today.Year, today.Month, 1);
            next = null;
        }

        var from = RigaTime.FromRiga(first.ToDateTime(TimeOnly.MinValue));
        to = RigaTime.FromRiga(first.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var rows = await Cards(Filtered(filter, refData).Where(Event.NotOverAt(from)).Where(e => e.StartsAt < to).OrderBy(e => e.StartsAt).Take(500)).ToListAsync(ct);
        return View(new EventCalendarViewModel(filter, refData, first, DateOnly.FromDateTime(today.Date), rows.Select(r => r.ToCard(refData)).ToList(),
            next?.ToCard(refData), moved));
    }

    private const int PageSize = 20;

    private IQueryable<Event> Filtered(EventFilter filter, ReferenceData refData)
    {
        var query = db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published || e.Status == EventStatus.Completed || e.Status == EventStatus.Cancelled);
        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (!string.IsNullOrEmpty(filter.Novads))
        {
            var inside = refData.TerritoriesInNovads(filter.Novads);
            query = query.Where(e => inside.Contains(e.TerritoryId));
        }

        if (!string.IsNullOrEmpty(filter.Former))
        {
            var inside = refData.TerritoriesInFormerNovads(filter.Former);
            query = query.Where(e => inside.Contains(e.TerritoryId));
        }

        if (!string.IsNullOrEmpty(filter.Theme))
        {
            var theme = refData.ThemeBySlug.GetValueOrDefault(filter.Theme)?.Id ?? -1;
            query = query.Where(e => e.ThemeId == theme);
        }

        return query;
    }

    private static IQueryable<EventCardRow> Cards(IQueryable<Event> events) =>
        events.Select(e => new EventCardRow(e.Slug, e.Title, e.TitleEn, e.Kind, e.Status, e.Audience, e.StartsAt, e.EndsAt, e.Venue, e.TerritoryId, e.Latitude, e.Longitude));
}
