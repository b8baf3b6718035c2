using Kaimini.Web.Features.Reports;

namespace Kaimini.Tests.Features.Reports;

/// <summary>The small-cell rule without a database: what a page may show of counts of people.</summary>
public class SmallCellsTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(140, false)]
    public void A_count_of_one_to_four_people_is_hidden_as_less_than_five(long value, bool hidden)
    {
        var cell = SmallCells.Single("x", value, FigureUnit.People);

        Assert.Equal(hidden, cell.Hidden);
        Assert.Equal(hidden ? null : value, cell.Value);
        Assert.Equal(hidden ? CellState.Small : CellState.Shown, cell.State);
    }

    [Theory]
    [InlineData(FigureUnit.Organisations)]
    [InlineData(FigureUnit.Events)]
    [InlineData(FigureUnit.Ideas)]
    public void Counts_of_organisations_events_and_ideas_are_never_hidden(FigureUnit unit)
    {
        Assert.Equal(3, SmallCells.Single("x", 3, unit).Value);
        var breakdown = SmallCells.Apply([("a", 1), ("b", 2)], 3, unit);
        Assert.True(breakdown.Shown);
        Assert.Equal([1L, 2L], breakdown.Cells.Select(c => c.Value!.Value));
    }

    [Fact]
    public void A_small_cell_hides_its_percentage_and_a_second_cell_so_it_cannot_be_found_by_subtraction()
    {
        // 20 people: 12 residents, 6 NGO representatives, 2 municipality staff. Showing 12 and 6
        // with the total would give away the 2: the smallest other non-zero cell goes too.
        var b = SmallCells.Apply([("residents", 12), ("ngo", 6), ("staff", 2), ("leaders", 0)], 20, FigureUnit.People);

        Assert.True(b.Shown);
        var cells = b.Cells.ToDictionary(c => c.Key);
        Assert.Equal(12, cells["residents"].Value);
        Assert.Equal(60, cells["residents"].Percent);
        Assert.Equal(CellState.Complementary, cells["ngo"].State);
        Assert.Null(cells["ngo"].Value);
        Assert.Null(cells["ngo"].Percent);
        Assert.Equal(CellState.Small, cells["staff"].State);
        Assert.Null(cells["staff"].Value);
        Assert.Null(cells["staff"].Percent);
        // A zero says nothing about the hidden cells: it stays.
        Assert.Equal(0, cells["leaders"].Value);
    }

    [Fact]
    public void Two_small_cells_protect_each_other_and_nothing_else_is_hidden()
    {
        var b = SmallCells.Apply([("a", 10), ("b", 3), ("c", 2)], 15, FigureUnit.People);

        Assert.Equal([CellState.Shown, CellState.Small, CellState.Small], b.Cells.Select(c => c.State));
        Assert.Equal(10, b.Cells[0].Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void A_breakdown_of_fewer_than_five_people_is_not_shown(long total)
    {
        var b = SmallCells.Apply([("a", total), ("b", 0)], total, FigureUnit.People);

        Assert.False(b.Shown);
        Assert.Empty(b.Cells);
        Assert.Null(b.Total);
    }

    [Fact]
    public void A_share_resting_on_a_small_count_of_people_is_hidden()
    {
        Assert.Null(SmallCells.Share(3, 40, FigureUnit.People));
        Assert.Null(SmallCells.Share(7, 0, FigureUnit.People));
        Assert.Equal(25, SmallCells.Share(10, 40, FigureUnit.People));
        Assert.Equal(50, SmallCells.Share(1, 2, FigureUnit.Ideas));
    }

    [Fact]
    public void Parts_of_a_figure_are_a_breakdown_of_it_attended_and_no_shows()
    {
        // 10 with a place, 9 came, 1 did not: the 1 is "<5", and the 9 would give it away.
        var shown = ReportFigures.ShowAll(new Dictionary<Indicator, RawFigure>
        {
            [Indicators.Registrations] = new(10),
            [Indicators.Attended] = new(9),
            [Indicators.NoShows] = new(1),
        });

        Assert.Equal(10, shown[Indicators.Registrations].Value);
        Assert.Equal(CellState.Complementary, shown[Indicators.Attended].State);
        Assert.Equal(CellState.Small, shown[Indicators.NoShows].State);
    }

    [Fact]
    public void A_measure_on_a_small_count_of_people_is_hidden_but_not_one_on_ideas()
    {
        Assert.Equal(CellState.Small, ReportFigures.Show(Indicators.CapacityUsed, new RawFigure(30, 3)).State);
        Assert.Equal(60, ReportFigures.Show(Indicators.CapacityUsed, new RawFigure(60, 6)).Value);
        Assert.Equal(50, ReportFigures.Show(Indicators.AnswerRate, new RawFigure(50)).Value);
    }

    [Fact]
    public void The_change_is_shown_only_when_both_periods_are()
    {
        var shownBoth = new FigureRow(Indicators.UniqueParticipants, new ShownValue(12, CellState.Shown), new ShownValue(8, CellState.Shown));
        var hiddenBefore = new FigureRow(Indicators.UniqueParticipants, new ShownValue(12, CellState.Shown), new ShownValue(null, CellState.Small));

        Assert.Equal(4, shownBoth.Change);
        Assert.Equal(50, shownBoth.ChangePercent);
        Assert.Null(hiddenBefore.Change);
        Assert.Null(hiddenBefore.ChangePercent);
    }
}
