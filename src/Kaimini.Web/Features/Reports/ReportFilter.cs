using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Web.Features.Reports;

/// <summary>The length of a report's period.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Year,

    /// <summary>Any from–to range of days.</summary>
    Range,
}

/// <summary>The filters every report shares, as they come in the URL:
/// <c>?period=quarter&amp;from=2026-07-01&amp;territory=olaines-novads&amp;theme=youth&amp;kind=Forum&amp;participant=Resident</c>.
/// <c>territory=all</c> is the whole network; no territory at all means the staff member's own novads.</summary>
public sealed class ReportFilter
{
    public const string AllTerritories = "all";

    public PeriodKind? Period { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Territory { get; set; }
    public string? Theme { get; set; }
    public EventKind? Kind { get; set; }
    public ParticipantClass? Participant { get; set; }

    /// <summary>The query string of this filter with one value changed (null removes it).</summary>
    public string With(string name, string? value)
    {
        var values = new Dictionary<string, string?>
        {
            ["period"] = Period?.ToString().ToLowerInvariant(),
            ["from"] = From?.ToString("yyyy-MM-dd"),
            ["to"] = Period == PeriodKind.Range ? To?.ToString("yyyy-MM-dd") : null,
            ["territory"] = Territory,
            ["theme"] = Theme,
            ["kind"] = Kind?.ToString(),
            ["participant"] = Participant?.ToString(),
        };
        values[name] = value;
        return "?" + string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }
}

/// <summary>[From, To) in UTC, with the Riga days it covers.</summary>
public sealed record Window(DateOnly FirstDay, DateOnly LastDay)
{
    public DateTimeOffset From { get; } = RigaTime.FromRiga(FirstDay.ToDateTime(TimeOnly.MinValue));
    public DateTimeOffset To { get; } = RigaTime.FromRiga(LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue));
    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;
}

/// <summary>A filter resolved against the reference data and today's date: what the queries use.</summary>
public sealed record ReportScope(
    PeriodKind Period,
    Window Current,
    Window Previous,
    TerritoryInfo? Territory,
    IReadOnlyList<int>? TerritoryIds,
    ThemeInfo? Theme,
    EventKind? Kind,
    ParticipantClass? Participant,
    DateTimeOffset Now)
{
    /// <summary>The earliest day a report may start (long before the portal's data).</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>Resolves the period: a month, quarter or year containing <c>from</c> (today when
    /// absent), or the days from–to; the previous period is as long and ends the day before.</summary>
    public static ReportScope Resolve(ReportFilter filter, ReferenceData reference, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToRiga().DateTime);
        var period = filter.Period ?? PeriodKind.Year;
        // Dates typed into the address are kept within reason, so no period runs off the calendar.
        DateOnly Clamp(DateOnly day) => day < Earliest ? Earliest : day > today.AddYears(5) ? today.AddYears(5) : day;
        filter.From = filter.From is { } f ? Clamp(f) : null;
        filter.To = filter.To is { } t0 ? Clamp(t0) : null;
        var anchor = filter.From ?? today;
        Window current, previous;
        switch (period)
        {
            case PeriodKind.Month:
                var month = new DateOnly(anchor.Year, anchor.Month, 1);
                current = new Window(month, month.AddMonths(1).AddDays(-1));
                previous = new Window(month.AddMonths(-1), month.AddDays(-1));
                break;
            case PeriodKind.Quarter:
                var quarter = new DateOnly(anchor.Year, (anchor.Month - 1) / 3 * 3 + 1, 1);
                current = new Window(quarter, quarter.AddMonths(3).AddDays(-1));
                previous = new Window(quarter.AddMonths(-3), quarter.AddDays(-1));
                break;
            case PeriodKind.Year:
                var year = new DateOnly(anchor.Year, 1, 1);
                current = new Window(year, year.AddYears(1).AddDays(-1));
                previous = new Window(year.AddYears(-1), year.AddDays(-1));
                break;
            default:
                var to = filter.To ?? today;
                var from = filter.From ?? to.AddYears(-1).AddDays(1);
                if (from > to)
                {
                    (from, to) = (to, from);
                }

                current = new Window(from, to);
                previous = new Window(from.AddDays(-current.Days), from.AddDays(-1));
                break;
        }

        var territory = filter.Territory is { } slug && reference.TerritoryBySlug.TryGetValue(slug, out var t) && t.Kind != TerritoryKind.Ciems ? t : null;
        var theme = filter.Theme is { } th && reference.ThemeBySlug.TryGetValue(th, out var themeInfo) ? themeInfo : null;
        return new ReportScope(period, current, previous, territory, territory is null ? null : reference.UnitsWithin(territory), theme,
            filter.Kind is { } k && Enum.IsDefined(k) ? k : null,
            filter.Participant is { } p && Enum.IsDefined(p) ? p : null, now);
    }

    /// <summary>The same scope over the previous period (for the comparison column).</summary>
    public ReportScope ForPrevious() => this with { Current = Previous };
}
