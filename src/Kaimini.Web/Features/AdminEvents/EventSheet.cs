using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>Builds an event's printable sheet for its organisers: what, when and where, the agenda,
/// counts by participant type and home (registered and attended), and the sign-in list.</summary>
public class EventSheet(AppDbContext db, ReferenceCache reference, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    /// <summary>The sheet of the event with this slug, or null when there is none.</summary>
    public async Task<EventSheetViewModel?> BuildAsync(string slug, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Where(e => e.Slug == slug)
            .Select(e => new
            {
                e.Id,
                e.Title,
                e.TitleEn,
                e.Kind,
                e.StartsAt,
                e.EndsAt,
                e.Venue,
                e.Address,
                e.TerritoryId,
                e.Capacity,
                Agenda = e.Agenda.OrderBy(a => a.Position).Select(a => new SheetAgendaItem(a.Time, a.Title)).ToList(),
                Organisers = e.Communities.OrderBy(c => c.Name).Select(c => c.Name).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (ev is null)
        {
            return null;
        }

        var refData = await reference.GetAsync(ct);
        string Home(int? id) => id is { } t && refData.TerritoryById.TryGetValue(t, out var unit) ? unit.Name : "—";
        var people = (await RegistrationRow.Query(db, ev.Id, RegistrationStatus.Confirmed).ToListAsync(ct))
            .OrderBy(r => r.Name, Cultures.LatvianComparer).ToList();
        // Walk-ins came without a registration: attended, not registered.
        var byType = Enum.GetValues<ParticipantType>()
            .Select(p => new SheetCount(t[$"ParticipantType.{p}"], people.Count(r => r.ParticipantType == p && !r.WalkIn), people.Count(r => r.ParticipantType == p && r.CheckedInAt != null)))
            .ToList();
        var byHome = people.GroupBy(r => Home(r.TerritoryId)).OrderBy(g => g.Key, Cultures.LatvianComparer)
            .Select(g => new SheetCount(g.Key, g.Count(r => !r.WalkIn), g.Count(r => r.CheckedInAt != null))).ToList();
        return new EventSheetViewModel(slug, new LocalText(ev.Title, ev.TitleEn), ev.Kind, RigaTime.Range(ev.StartsAt, ev.EndsAt),
            ev.Address is null ? ev.Venue : $"{ev.Venue}, {ev.Address}", Home(ev.TerritoryId), ev.Capacity, ev.Organisers, ev.Agenda,
            byType, byHome, people.Select(r => new SheetPerson(r.WalkIn && r.Name.Length == 0 ? t["Checkin.WalkIn.Status"] : r.Name,
                t[$"ParticipantType.{r.ParticipantType}"], r.Community, Home(r.TerritoryId), r.CheckedInAt != null)).ToList(),
            people.Count(r => r.WalkIn), DateOnly.FromDateTime(clock.GetUtcNow().ToRiga().DateTime));
    }
}
