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
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Local(DateTimeOffset utc) =>
        new(DateTime.SpecifyKind(utc.ToRiga().DateTime, DateTimeKind.Unspecified), RigaTime.Zone.Id);
}

public sealed record CalendarEntry(int Id, string Slug, string Title, string? Summary, string Location, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Cancelled);
