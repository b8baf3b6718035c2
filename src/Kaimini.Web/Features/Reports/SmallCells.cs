namespace Kaimini.Web.Features.Reports;

/// <summary>What a figure counts. Only counts of people are protected: organisations, events and
/// ideas are public anyway.</summary>
public enum FigureUnit
{
    People,
    Organisations,
    Events,
    Ideas,

    /// <summary>Days, a median or a share: shown as computed, hidden when it rests on a small count of people.</summary>
    Measure,
}

public enum CellState
{
    Shown,

    /// <summary>A count of 1–4 people: shown as "&lt;5", without its percentage.</summary>
    Small,

    /// <summary>Hidden although large, so that a small cell cannot be worked out by subtraction.</summary>
    Complementary,
}

/// <summary>One figure as the page may show it. <see cref="Value"/> is null when it must not be shown.</summary>
public sealed record Cell(string Key, long? Value, CellState State, double? Percent)
{
    public bool Hidden => State != CellState.Shown;
}

/// <summary>A breakdown after the small-cell rule: <see cref="Shown"/> is false when it covers fewer
/// than five people and must not be shown at all.</summary>
public sealed record Breakdown(bool Shown, long? Total, IReadOnlyList<Cell> Cells);

/// <summary>The small-cell rule, in this one place on the server: every count of people a report or
/// the public page shows goes through it before it reaches a view.
/// <list type="bullet">
/// <item>a count of 1–4 people is shown as "&lt;5" and its percentage is hidden;</item>
/// <item>where a breakdown's total and all but one of its cells would give a hidden cell away by
/// subtraction, the smallest other non-zero cell is hidden too;</item>
/// <item>a breakdown covering fewer than 5 people is not shown.</item>
/// </list>
/// Counts of organisations, events and ideas pass unchanged.</summary>
public static class SmallCells
{
    public const int Threshold = 5;

    public static bool IsSmall(long value) => value is > 0 and < Threshold;

    /// <summary>A single figure.</summary>
    public static Cell Single(string key, long value, FigureUnit unit) =>
        unit == FigureUnit.People && IsSmall(value) ? new Cell(key, null, CellState.Small, null) : new Cell(key, value, CellState.Shown, null);

    /// <summary>A share <paramref name="part"/>/<paramref name="whole"/> in percent: hidden when
    /// either is a small count of people, null when the whole is zero.</summary>
    public static double? Share(long part, long whole, FigureUnit unit) =>
        whole == 0 || (unit == FigureUnit.People && (IsSmall(part) || IsSmall(whole))) ? null : 100.0 * part / whole;

    /// <summary>A breakdown of one total into sibling cells (each counted once: the cells add up
    /// to <paramref name="total"/>), with percentages of the total.</summary>
    public static Breakdown Apply(IReadOnlyList<(string Key, long Count)> cells, long total, FigureUnit unit)
    {
        if (unit != FigureUnit.People)
        {
            return new Breakdown(true, total, cells.Select(c => new Cell(c.Key, c.Count, CellState.Shown, Percent(c.Count, total))).ToList());
        }

        if (total < Threshold)
        {
            return new Breakdown(false, null, []);
        }

        var states = cells.Select(c => IsSmall(c.Count) ? CellState.Small : CellState.Shown).ToArray();
        if (states.Count(s => s != CellState.Shown) == 1)
        {
            // The total minus every shown cell would give the one hidden cell: hide the smallest
            // other non-zero cell with it (a zero is no help to anyone subtracting).
            var other = cells.Select((c, i) => (c.Count, i))
                .Where(x => states[x.i] == CellState.Shown && x.Count > 0)
                .OrderBy(x => x.Count).ThenBy(x => x.i)
                .Select(x => (int?)x.i).FirstOrDefault();
            if (other is { } index)
            {
                states[index] = CellState.Complementary;
            }
        }

        var result = cells.Select((c, i) => states[i] == CellState.Shown
            ? new Cell(c.Key, c.Count, CellState.Shown, Percent(c.Count, total))
            : new Cell(c.Key, null, states[i], null)).ToList();
        return new Breakdown(true, total, result);
    }

    private static double? Percent(long part, long total) => total == 0 ? null : 100.0 * part / total;
}
