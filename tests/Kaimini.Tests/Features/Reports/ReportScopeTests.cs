using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Features.Reports;

namespace Kaimini.Tests.Features.Reports;

/// <summary>Periods from the address, without a database: the previous period is as long and ends
/// the day before; dates far off the calendar are kept within reason.</summary>
public class ReportScopeTests
{
    private static readonly ReferenceData Empty = new([], []);
    private readonly TestClock _clock = new();

    [Fact]
    public void A_range_is_compared_with_the_days_just_before_it()
    {
        var today = TestDates.DaysAhead(_clock, 0);
        var scope = ReportScope.Resolve(new ReportFilter { Period = PeriodKind.Range, From = today.AddDays(-9), To = today }, Empty, _clock.GetUtcNow());

        Assert.Equal(10, scope.Current.Days);
        Assert.Equal((today.AddDays(-19), today.AddDays(-10)), (scope.Previous.FirstDay, scope.Previous.LastDay));
    }

    [Fact]
    public void A_quarter_is_the_one_containing_the_day_and_the_previous_one_before_it()
    {
        var day = TestDates.DaysAhead(_clock, 0);
        var scope = ReportScope.Resolve(new ReportFilter { Period = PeriodKind.Quarter, From = day }, Empty, _clock.GetUtcNow());

        Assert.Equal(1, scope.Current.FirstDay.Day);
        Assert.Equal(0, (scope.Current.FirstDay.Month - 1) % 3);
        Assert.True(scope.Current.FirstDay <= day && day <= scope.Current.LastDay);
        Assert.Equal(scope.Current.FirstDay.AddDays(-1), scope.Previous.LastDay);
        Assert.Equal(scope.Current.FirstDay.AddMonths(-3), scope.Previous.FirstDay);
    }

    [Theory]
    [InlineData(PeriodKind.Range, 1, 1, 1, 9999, 12, 31)]
    [InlineData(PeriodKind.Month, 9999, 12, 31, 9999, 12, 31)]
    [InlineData(PeriodKind.Year, 1, 1, 1, 1, 1, 1)]
    public void Dates_off_the_calendar_give_a_period_not_an_error(PeriodKind period, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var scope = ReportScope.Resolve(new ReportFilter { Period = period, From = new DateOnly(y1, m1, d1), To = new DateOnly(y2, m2, d2) }, Empty,
            _clock.GetUtcNow());

        Assert.True(scope.Previous.From < scope.Current.From && scope.Current.From < scope.Current.To);
    }
}
