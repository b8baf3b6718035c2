namespace Kaimini.Web.Features.Reports;

/// <summary>One report, already through the small-cell rule and written in the request's language:
/// the screen, print, the charts, CSV and XLSX all render this same object, so they cannot disagree.
/// <see cref="ReportBuilder"/> makes it.</summary>
public sealed record Report(ReportHeader Header, IReadOnlyList<AimSection> Aims, IReadOnlyList<TieRow> Ties, IReadOnlyList<FunnelStage> Funnel)
{
    public IEnumerable<FigureRow> Figures => Aims.SelectMany(a => a.Figures);

    public FigureRow Figure(Indicator indicator) => Figures.First(f => f.Indicator == indicator);
}

/// <summary>What every output names first: the report, the period against the previous one, the
/// territory and the other filters in words, and the day it was made (Riga time).</summary>
public sealed record ReportHeader(string Title, PeriodKind Period, Window Current, Window Previous, string Territory,
    IReadOnlyList<ReportFilterLine> Filters, DateOnly Prepared);

/// <summary>One filter in words: "Tēma: Izglītība".</summary>
public sealed record ReportFilterLine(string Label, string Value);

/// <summary>The figures of one aim with the breakdowns of its indicators.</summary>
public sealed record AimSection(Aim Aim, IReadOnlyList<FigureRow> Figures, IReadOnlyList<BreakdownTable> Breakdowns);

/// <summary>A named breakdown (its cells already through the small-cell rule, labelled in the
/// request's language) with the indicator it breaks down; <see cref="Chart"/> draws it as bars too.</summary>
public sealed record BreakdownTable(string TitleKey, Indicator Indicator, Breakdown Breakdown, IReadOnlyDictionary<string, string> Labels, bool Chart = false)
{
    /// <summary>The breakdown's last key part, for element ids ("Reports.Breakdown.EventKind" → "eventkind").</summary>
    public string Id => TitleKey.Split('.').Last().ToLowerInvariant();

    public string Label(Cell cell) => Labels.GetValueOrDefault(cell.Key) ?? cell.Key;
}

/// <summary>One stage of the idea funnel and its share of the stage before (whole percent).</summary>
public sealed record FunnelStage(Indicator Indicator, ShownValue Count, double? OfPrevious);
