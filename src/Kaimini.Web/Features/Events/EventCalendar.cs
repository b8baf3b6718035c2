using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;

namespace Kaimini.Web.Features.Events;

/// <summary>iCalendar (RFC 5545) for events, with Ical.Net: times in Europe/Riga with its time-zone
/// definition, the event's page as URL, and a stable UID, so calendars update rather than duplicate.</summary>
public class EventCalendar(PublicUrls urls, TimeProvider clock)
{
    public const string ContentType = "text/calendar";

    private static readonly DateTimeOffset SequenceEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="name">The calendar's name as calendar programs list it (RFC 7986 NAME and the
    /// X-WR-CALNAME that Google and Outlook read), for feeds people subscribe to.</param>
    public string Serialize(IEnumerable<CalendarEntry> events, string? name = null)
    {
        var calendar = new Calendar { ProductId = "-//Kaimini//Kaimini portal//LV" };
        // RFC 5545 wants the zone's STANDARD and DAYLIGHT rules, and Outlook misplaces events
        // without them: the rules in force from a year back cover every event a feed carries.
        var entries = events.ToList();
        var earliest = entries.Select(e => e.StartsAt).Append(clock.GetUtcNow()).Min().UtcDateTime.AddYears(-1);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(RigaTime.Zone.Id, earliest, includeHistoricalData: false));
        if (name is not null)
        {
            calendar.AddProperty("NAME", name);
            calendar.AddProperty("X-WR-CALNAME", name);
            calendar.AddProperty("X-WR-TIMEZONE", RigaTime.Zone.Id);
        }

        foreach (var e in entries)
        {
            var url = urls.Absolute(Links.Events.Show(e.Slug));
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

    /// <summary>"Add to Google Calendar" and "add to Outlook" addresses for one event: the same
    /// title, times (in UTC, so no zone can be misread), place and a link back to the event page.</summary>
    public (string Google, string Outlook) AddLinks(CalendarEntry e)
    {
        var page = urls.Absolute(Links.Events.Show(e.Slug));
        static string Q(string value) => Uri.EscapeDataString(value);
        var google = "https://calendar.google.com/calendar/render?action=TEMPLATE"
            + $"&text={Q(e.Title)}&dates={e.StartsAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}/{e.EndsAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}"
            + $"&details={Q(page)}&location={Q(e.Location)}";
        var outlook = "https://outlook.live.com/calendar/0/action/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent"
            + $"&subject={Q(e.Title)}&startdt={Q(e.StartsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"))}"
            + $"&enddt={Q(e.EndsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"))}&body={Q(page)}&location={Q(e.Location)}";
        return (google, outlook);
    }

    private static CalDateTime Local(DateTimeOffset utc) =>
        new(DateTime.SpecifyKind(utc.ToRiga().DateTime, DateTimeKind.Unspecified), RigaTime.Zone.Id);
}

public sealed record CalendarEntry(int Id, string Slug, string Title, string? Summary, string Location, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Cancelled,
    DateTimeOffset? UpdatedAt = null)
{
    /// <summary>The event as a calendar entry for someone reading <paramref name="culture"/> (its
    /// English title when there is one and they read English).</summary>
    public static CalendarEntry Of(Kaimini.Web.Domain.Event ev, string culture)
    {
        using var _ = new CultureScope(culture);
        return new(ev.Id, ev.Slug, ev.LocalTitle().Text, null, ev.Location, ev.StartsAt, ev.EndsAt,
            ev.Status == Kaimini.Web.Domain.EventStatus.Cancelled, ev.UpdatedAt);
    }
}
