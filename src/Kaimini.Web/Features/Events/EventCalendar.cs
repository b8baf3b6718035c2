using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;

namespace Kaimini.Web.Features.Events;

/// <summary>iCalendar (RFC 5545) for events, with Ical.Net: times in Europe/Riga with its time-zone
/// definition, the event's page as URL, and a stable UID, so calendars update rather than duplicate.</summary>
public class EventCalendar(PublicUrls urls)
{
    public const string ContentType = "text/calendar";

    private static readonly DateTimeOffset SequenceEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Serialize(IEnumerable<CalendarEntry> events)
    {
        var calendar = new Calendar { ProductId = "-//Kaimini//Kaimini portal//LV" };
        calendar.AddTimeZone(new VTimeZone(RigaTime.Zone.Id));
        foreach (var e in events)
        {
            var url = urls.Absolute($"/events/{e.Slug}");
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"event-{e.Id}@kaimini",
                Summary = e.Title,
                Description = $"{e.Summary}\n\n{url}".Trim(),
                Location = e.Location,
                Url = new Uri(url),
                DtStart = Local(e.StartsAt),
                DtEnd = Local(e.EndsAt),
                Status = e.Cancelled ? "CANCELLED" : "CONFIRMED",
                // A later revision of the same UID replaces the earlier one in people's calendars.
                Sequence = e.UpdatedAt is { } updated ? (int)((updated - SequenceEpoch).TotalMinutes) : 0,
                DtStamp = e.UpdatedAt is { } stamp ? new CalDateTime(stamp.UtcDateTime) : null,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Local(DateTimeOffset utc) =>
        new(DateTime.SpecifyKind(utc.ToRiga().DateTime, DateTimeKind.Unspecified), RigaTime.Zone.Id);
}

public sealed record CalendarEntry(int Id, string Slug, string Title, string? Summary, string Location, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Cancelled,
    DateTimeOffset? UpdatedAt = null)
{
    public static CalendarEntry Of(Kaimini.Web.Domain.Event ev) =>
        new(ev.Id, ev.Slug, ev.Title, null, ev.Location, ev.StartsAt, ev.EndsAt,
            ev.Status == Kaimini.Web.Domain.EventStatus.Cancelled, ev.UpdatedAt);
}
