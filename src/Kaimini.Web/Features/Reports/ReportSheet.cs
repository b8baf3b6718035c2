using Kaimini.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Reports;

/// <summary>How a number is written: whole, one decimal, or either with its sign (a change).</summary>
public enum SheetNumber
{
    Whole,
    Decimal,
    SignedWhole,
    SignedDecimal,
}

/// <summary>One cell of an export: text, a number (with how it is written) or a day.</summary>
public sealed record SheetCell(string? Text, double? Number = null, DateOnly? Day = null, SheetNumber Format = SheetNumber.Whole, bool Bold = false)
{
    public static SheetCell Of(string text, bool bold = false) => new(text, Bold: bold);

    public static SheetCell Of(double number, SheetNumber format) => new(null, number, null, format);

    public static SheetCell Of(DateOnly day) => new(null, null, day);
}

/// <summary>One table as it is on screen: its caption, its columns, its rows; <see cref="Note"/>
/// stands instead of rows when the screen says why there are none.</summary>
public sealed record SheetTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<SheetCell>> Rows, string? Note = null);

/// <summary>A <see cref="Report"/> laid out for CSV and XLSX: the header block naming the report,
/// the period, the territory and the filters; every table on screen with its caption; and (XLSX's
/// second sheet) every indicator's definition. Hidden cells stay hidden: "&lt;5" and "slēpts" are
/// text, never the number.</summary>
public sealed record ReportSheet(string SheetName, IReadOnlyList<IReadOnlyList<SheetCell>> Header, IReadOnlyList<SheetTable> Tables,
    string DefinitionsName, SheetTable Definitions)
{
    public static ReportSheet From(Report report, IStringLocalizer<SharedResource> t)
    {
        var h = report.Header;
        var header = new List<IReadOnlyList<SheetCell>>
        {
            new[] { SheetCell.Of(h.Title, bold: true) },
            new[] { SheetCell.Of(t["Reports.Period"]), SheetCell.Of(h.Current.FirstDay), SheetCell.Of(h.Current.LastDay) },
            new[] { SheetCell.Of(t["Reports.PreviousPeriod"]), SheetCell.Of(h.Previous.FirstDay), SheetCell.Of(h.Previous.LastDay) },
            new[] { SheetCell.Of(t["Reports.Territory"]), SheetCell.Of(h.Territory) },
        };
        header.AddRange(h.Filters.Select(f => new[] { SheetCell.Of(f.Label), SheetCell.Of(f.Value) }));
        header.Add([SheetCell.Of(t["Reports.Prepared"]), SheetCell.Of(h.Prepared)]);
        header.Add([SheetCell.Of(t["Reports.SmallCellNote"])]);

        var tables = new List<SheetTable>();
        foreach (var aim in report.Aims)
        {
            tables.Add(Figures(aim, t));
            if (aim.Aim == Aim.NgoCapacity)
            {
                tables.Add(Ties(report.Ties, t));
            }

            if (aim.Aim == Aim.Cooperation)
            {
                tables.Add(Funnel(report.Funnel, t));
            }

            tables.AddRange(aim.Breakdowns.Select(b => Breakdown(b, t)));
        }

        var definitions = new SheetTable(t["Reports.Export.DefinitionsSheet"],
            [t["Reports.Column.Indicator"], t["Reports.Column.Aim"], t["Reports.Column.Definition"], t["Reports.Column.Basis"], t["Reports.Column.Unit"]],
            Indicators.All.Select(i => (IReadOnlyList<SheetCell>)
            [
                SheetCell.Of(t[i.NameKey]), SheetCell.Of(t[$"Reports.Aim.{i.Aim}"]), SheetCell.Of(t[i.DefinitionKey]),
                SheetCell.Of(t[i.BasisKey]), SheetCell.Of(Unit(i, t)),
            ]).ToList());
        return new ReportSheet(t["Reports.Export.ReportSheet"], header, tables, t["Reports.Export.DefinitionsSheet"], definitions);
    }

    /// <summary>The columns of the screen's figure table, the name and its definition, and the change
    /// and its percentage, each in a column of their own; the unit the screen writes beside a value
    /// ("%", "d.") gets its own column, so every value is a plain number.</summary>
    private static SheetTable Figures(AimSection aim, IStringLocalizer<SharedResource> t) => new(
        t[$"Reports.Aim.{aim.Aim}"],
        [
            t["Reports.Column.Indicator"], t["Reports.Column.Unit"], t["Reports.Column.Current"], t["Reports.Column.Previous"],
            t["Reports.Column.Change"], t["Reports.Column.ChangePercent"], t["Reports.Column.Basis"], t["Reports.Column.Definition"],
        ],
        aim.Figures.Select(row => (IReadOnlyList<SheetCell>)
        [
            SheetCell.Of(t[row.Indicator.NameKey]), SheetCell.Of(Unit(row.Indicator, t)),
            Value(row.Current, row.Indicator, t), Value(row.Previous, row.Indicator, t),
            row.Change is { } change ? SheetCell.Of(change, row.Indicator.Measure == MeasureKind.Count ? SheetNumber.SignedWhole : SheetNumber.SignedDecimal) : SheetCell.Of("—"),
            row.ChangePercent is { } pct ? SheetCell.Of(pct, SheetNumber.SignedWhole) : SheetCell.Of(""),
            SheetCell.Of(t[row.Indicator.BasisKey]),
            SheetCell.Of(row.Notes.Count == 0 ? t[row.Indicator.DefinitionKey] : $"{t[row.Indicator.DefinitionKey]} {row.NotesText(t)}"),
        ]).ToList());

    private static SheetTable Ties(IReadOnlyList<TieRow> ties, IStringLocalizer<SharedResource> t) => new(
        t["Reports.Ties.Title"],
        [t["Reports.Ties.Community"], t["Reports.Ties.Partner"], t["Reports.Ties.Events"], t["Reports.Ties.Matches"]],
        ties.Select(x => (IReadOnlyList<SheetCell>)[SheetCell.Of(x.FirstName), SheetCell.Of(x.SecondName), SheetCell.Of(x.Events, SheetNumber.Whole),
            SheetCell.Of(x.Matches, SheetNumber.Whole)]).ToList(),
        ties.Count == 0 ? t["Reports.Ties.None"].Value : null);

    private static SheetTable Funnel(IReadOnlyList<FunnelStage> stages, IStringLocalizer<SharedResource> t) => new(
        t["Reports.Funnel.Title"],
        [t["Reports.Funnel.Stage"], t["Reports.Column.Count"], t["Reports.Funnel.OfPreviousPercent"]],
        stages.Select(s => (IReadOnlyList<SheetCell>)
        [
            SheetCell.Of(t[s.Indicator.NameKey]), Value(s.Count, s.Indicator, t),
            s.OfPrevious is { } p ? SheetCell.Of(p, SheetNumber.Whole) : SheetCell.Of("—"),
        ]).ToList());

    private static SheetTable Breakdown(BreakdownTable b, IStringLocalizer<SharedResource> t) => new(
        t[b.TitleKey],
        [t["Reports.Column.Group"], t["Reports.Column.Count"], t["Reports.Column.SharePercent"]],
        b.Breakdown.Shown
            ? b.Breakdown.Cells.Select(c => (IReadOnlyList<SheetCell>)
            [
                SheetCell.Of(b.Label(c)), Value(new ShownValue(c.Value, c.State), b.Indicator, t),
                c.Percent is { } p ? SheetCell.Of(Math.Round(p, MidpointRounding.AwayFromZero), SheetNumber.Whole) : SheetCell.Of("—"),
            ]).ToList()
            : [],
        !b.Breakdown.Shown ? t["Reports.BreakdownTooSmall"].Value : b.Breakdown.Cells.Count == 0 ? t["Reports.BreakdownEmpty"].Value : null);

    /// <summary>A figure as the screen shows it: "&lt;5", "slēpts", "—", or the number.</summary>
    public static SheetCell Value(ShownValue v, Indicator indicator, IStringLocalizer<SharedResource> t) => v.State switch
    {
        CellState.Small => SheetCell.Of("<5"),
        CellState.Complementary => SheetCell.Of(t["Reports.Hidden"]),
        _ => v.Value is { } value
            ? SheetCell.Of(value, indicator.Measure == MeasureKind.Count && value % 1 == 0 ? SheetNumber.Whole : SheetNumber.Decimal)
            : SheetCell.Of("—"),
    };

    public static string Unit(Indicator i, IStringLocalizer<SharedResource> t) => i.Measure switch
    {
        MeasureKind.Percent => "%",
        MeasureKind.Days => t["Reports.Unit.Days"],
        MeasureKind.PerThousand => t["Reports.Unit.PerThousand"],
        _ => t[$"Reports.Unit.{i.Unit}"],
    };
}
