using Kaimini.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Reports;

/// <summary>One bar: its value (null when hidden: no bar is drawn) and the label written on it, so
/// nothing is told by length or colour alone.</summary>
public sealed record ChartBar(double? Value, string Text, bool Previous = false);

/// <summary>A labelled row of one bar, or of two (this period and the previous one).</summary>
public sealed record ChartRow(string Label, IReadOnlyList<ChartBar> Bars);

/// <summary>A horizontal bar chart drawn as SVG on the server (no script). <see cref="ScalePerRow"/>:
/// each row has its own scale (figures of different sizes, each compared with its previous period).</summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<ChartRow> Rows, bool ScalePerRow = false, bool Narrow = false)
{
    public bool HasBars => Rows.Any(r => r.Bars.Any(b => b.Value > 0));
}

/// <summary>The charts of a <see cref="Report"/>, made from the same figures as its tables (hidden
/// cells stay hidden: "&lt;5" is written where a bar would be): for each aim a few headline figures
/// against the previous period, the breakdowns marked for a chart, and the idea funnel.</summary>
public sealed record ReportCharts(IReadOnlyDictionary<Aim, BarChart> Headlines, IReadOnlyDictionary<string, BarChart> Breakdowns, BarChart Funnel)
{
    public static readonly IReadOnlyDictionary<Aim, Indicator[]> HeadlineIndicators = new Dictionary<Aim, Indicator[]>
    {
        [Aim.NgoCapacity] = [Indicators.Communities, Indicators.OrganisationsReached, Indicators.LeadersTrained],
        [Aim.Participation] = [Indicators.EventsHeld, Indicators.UniqueParticipants, Indicators.IdeasCollected],
        [Aim.Cooperation] = [Indicators.IdeasToMunicipality, Indicators.IdeasAnswered, Indicators.IdeasImplemented],
    };

    public static ReportCharts For(Report report, IStringLocalizer<SharedResource> t)
    {
        var current = t["Reports.Column.Current"].Value;
        var previous = t["Reports.Column.Previous"].Value;
        var headlines = HeadlineIndicators.ToDictionary(p => p.Key, p => Chart($"chart-aim-{(int)p.Key}", t["Reports.Chart.Headlines"], t,
            p.Value.Select(i => report.Figure(i)).Select(f => new ChartRow(t[f.Indicator.NameKey],
            [
                new ChartBar(f.Current.Value, $"{current}: {ReportFormat.Value(f.Current, f.Indicator, t)}"),
                new ChartBar(f.Previous.Value, $"{previous}: {ReportFormat.Value(f.Previous, f.Indicator, t)}", Previous: true),
            ])).ToList(), scalePerRow: true));

        var breakdowns = report.Aims.SelectMany(a => a.Breakdowns)
            .Where(b => b.Chart && b.Breakdown.Shown && b.Breakdown.Cells.Count > 0)
            .ToDictionary(b => b.TitleKey, b => Chart($"chart-{b.Id}", t[b.TitleKey], t,
                b.Breakdown.Cells.Select(c => new ChartRow(b.Label(c),
                    [new ChartBar(c.Value, ReportFormat.Value(new ShownValue(c.Value, c.State), b.Indicator, t))])).ToList(), narrow: true));

        var funnel = Chart("chart-funnel", t["Reports.Funnel.Title"], t, report.Funnel.Select(s => new ChartRow(t[s.Indicator.NameKey],
            [
                new ChartBar(s.Count.Value, ReportFormat.Value(s.Count, s.Indicator, t)
                    + (s.OfPrevious is { } p ? " " + t["Reports.Chart.OfPrevious", p.ToString("0", System.Globalization.CultureInfo.CurrentCulture)] : "")),
            ])).ToList());
        return new ReportCharts(headlines, breakdowns, funnel);
    }

    /// <summary>The description read out for the image: where its figures are, then each row's labels.</summary>
    private static BarChart Chart(string id, string title, IStringLocalizer<SharedResource> t, List<ChartRow> rows, bool scalePerRow = false, bool narrow = false) =>
        new(id, title, t["Reports.Chart.Description"] + " " + string.Join("; ", rows.Select(r => $"{r.Label}: {string.Join(", ", r.Bars.Select(b => b.Text))}")) + ".",
            rows, scalePerRow, narrow);
}
