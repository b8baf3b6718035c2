namespace Kaimini.Web.Features.Reports;

/// <summary>A figure as the page shows it: the value (null when hidden) and why it is hidden, with the
/// note that goes under it, if any.</summary>
public sealed record ShownValue(double? Value, CellState State, FigureNote? Note = null)
{
    public bool Hidden => State != CellState.Shown;
}

/// <summary>One indicator of one report: this period, the previous period of the same length, and
/// the change (only when both are shown).</summary>
public sealed record FigureRow(Indicator Indicator, ShownValue Current, ShownValue Previous)
{
    public double? Change => Current.Value is { } c && Previous.Value is { } p ? ReportFigures.Round(c - p) : null;

    /// <summary>The change in whole percent of the previous value (counts only, when it was not zero).</summary>
    public double? ChangePercent => Indicator.Unit != FigureUnit.Measure && Change is { } d && Previous.Value is { } p && p > 0
        ? Math.Round(100.0 * d / p, MidpointRounding.AwayFromZero) : null;

    /// <summary>What the figure rests on, written beside its definition (on screen and in the exports):
    /// one note when both periods have the same, else each with its period (<c>Reports.Column.Current</c>
    /// or <c>.Previous</c>); none when neither has one.</summary>
    public IReadOnlyList<(string? PeriodKey, FigureNote Note)> Notes =>
        (Current.Note, Previous.Note) switch
        {
            (null, null) => [],
            ({ } c, { } p) when c.Key == p.Key && c.Args.SequenceEqual(p.Args) => [(null, c)],
            var (c, p) => new (string? PeriodKey, FigureNote? Note)[] { ("Reports.Column.Current", c), ("Reports.Column.Previous", p) }
                .Where(n => n.Note is not null).Select(n => (n.PeriodKey, n.Note!)).ToList(),
        };

    /// <summary>The notes as one line of text, as the exports write them after the definition.</summary>
    public string NotesText(Microsoft.Extensions.Localization.IStringLocalizer t) =>
        string.Join(" ", Notes.Select(n => (n.PeriodKey is null ? "" : t[n.PeriodKey] + ": ") + t[n.Note.Key, n.Note.Args] + "."));
}

/// <summary>Turns raw figures into what may be shown: every figure passes through
/// <see cref="SmallCells"/> here and nowhere else.</summary>
public static class ReportFigures
{
    /// <summary>Figures that split another into parts (registered = attended + no-shows): the parts
    /// are a breakdown of the whole, so a small part hides a second one.</summary>
    public static readonly IReadOnlyList<(Indicator Whole, Indicator[] Parts)> Splits =
    [
        (Indicators.Registrations, [Indicators.Attended, Indicators.NoShows]),
        (Indicators.UniqueParticipants, [Indicators.NewParticipants, Indicators.ReturningParticipants]),
    ];

    public static ShownValue Show(Indicator indicator, RawFigure raw)
    {
        if (raw.Value is not { } value)
        {
            return new ShownValue(null, CellState.Shown, raw.Note);
        }

        return indicator.Unit switch
        {
            FigureUnit.People => SmallCells.Single(indicator.Key, (long)Math.Round(value), FigureUnit.People) is { Hidden: true } hidden
                ? new ShownValue(null, hidden.State, raw.Note)
                : new ShownValue(value, CellState.Shown, raw.Note),
            FigureUnit.Measure when raw.PeopleBase is { } peopleBase && SmallCells.IsSmall(peopleBase) => new ShownValue(null, CellState.Small, raw.Note),
            _ => new ShownValue(Round(value), CellState.Shown, raw.Note),
        };
    }

    /// <summary>Values are kept to the one decimal every output shows, so the screen, CSV and XLSX
    /// carry the same number.</summary>
    public static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    /// <summary>Every indicator of one period, the splits applied as breakdowns.</summary>
    public static Dictionary<Indicator, ShownValue> ShowAll(IReadOnlyDictionary<Indicator, RawFigure> raw)
    {
        var shown = raw.ToDictionary(p => p.Key, p => Show(p.Key, p.Value));
        foreach (var (whole, parts) in Splits)
        {
            if (!raw.TryGetValue(whole, out var total) || total.Value is not { } t || parts.Any(p => !raw.ContainsKey(p)))
            {
                continue;
            }

            var breakdown = SmallCells.Apply(parts.Select(p => (p.Key, (long)Math.Round(raw[p].Value ?? 0))).ToList(), (long)Math.Round(t), FigureUnit.People);
            foreach (var part in parts)
            {
                var cell = breakdown.Cells.FirstOrDefault(c => c.Key == part.Key);
                shown[part] = !breakdown.Shown ? (t == 0 ? new ShownValue(0, CellState.Shown) : new ShownValue(null, CellState.Small))
                    : cell!.Hidden ? new ShownValue(null, cell.State) : new ShownValue(cell.Value, CellState.Shown);
            }
        }

        return shown;
    }

    public static IReadOnlyList<FigureRow> Rows(IEnumerable<Indicator> indicators, IReadOnlyDictionary<Indicator, ShownValue> current,
        IReadOnlyDictionary<Indicator, ShownValue> previous) =>
        indicators.Select(i => new FigureRow(i, current[i], previous[i])).ToList();
}
