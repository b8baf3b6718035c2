namespace Kaimini.Web.Infrastructure.Localization;

/// <summary>Times are stored in UTC and shown in Riga's time: Latvian dd.MM.yyyy and a 24-hour
/// clock; in English the month is written out ("10 December 2026"), which no reader misreads.</summary>
public static class RigaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    public static DateTimeOffset ToRiga(this DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    /// <summary>A wall-clock time in Riga (as typed in a form), to UTC, daylight saving time included.
    /// A typed 0001-01-01 or 9999-12-31 has no UTC instant a day away: it becomes the earliest or
    /// latest instant, for validation to refuse.</summary>
    public static DateTimeOffset FromRiga(System.DateTime local)
    {
        if (local < System.DateTime.MinValue.AddDays(1))
        {
            return DateTimeOffset.MinValue;
        }

        if (local > System.DateTime.MaxValue.AddDays(-1))
        {
            return DateTimeOffset.MaxValue;
        }

        var wallClock = System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, Zone.GetUtcOffset(wallClock)).ToUniversalTime();
    }

    public static string Date(DateTimeOffset value) =>
        value.ToRiga().ToString(Cultures.Current == Cultures.English ? "d MMMM yyyy" : "dd.MM.yyyy");

    /// <summary>A calendar day (already a Riga day), written like <see cref="Date"/>.</summary>
    public static string Day(DateOnly value) =>
        value.ToString(Cultures.Current == Cultures.English ? "d MMMM yyyy" : "dd.MM.yyyy", System.Globalization.CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset value) =>
        value.ToRiga().ToString(Cultures.Current == Cultures.English ? "d MMM yyyy HH:mm" : "dd.MM.yyyy HH:mm");

    /// <summary>"10.12.2026 10:00–14:00" on one day, both dates and times across days.</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end) =>
        start.ToRiga().Date == end.ToRiga().Date
            ? $"{DateTime(start)}–{end.ToRiga():HH:mm}"
            : $"{DateTime(start)} – {DateTime(end)}";
}
