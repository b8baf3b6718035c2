using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Features.Digest;

namespace Kaimini.Tests.Features.Digest;

/// <summary>The digest's week: Monday's hour in Riga, and the seven days before it.</summary>
public class DigestWeekTests
{
    private readonly TestClock _clock = new();

    [Fact]
    public void A_week_runs_from_the_previous_mondays_hour_to_this_ones_and_is_due_from_it()
    {
        var day = TestDates.DaysAhead(_clock, 30);
        var monday = day.AddDays((8 - (int)day.DayOfWeek) % 7);
        var sunday = monday.AddDays(6);

        var week = DigestWeek.Containing(TestDates.AtRiga(sunday, 23, 30), 9);

        Assert.Equal(monday, week.Monday);
        Assert.Equal(TestDates.AtRiga(monday, 9), week.To);
        Assert.Equal(TestDates.AtRiga(monday.AddDays(-7), 9), week.From);
        Assert.True(week.IsDueAt(TestDates.AtRiga(sunday, 23, 30)));
        var early = DigestWeek.Containing(TestDates.AtRiga(monday, 8, 59), 9);
        Assert.Equal(monday, early.Monday);
        Assert.False(early.IsDueAt(TestDates.AtRiga(monday, 8, 59)));
    }

    [Fact]
    public void A_week_across_the_change_to_summer_time_keeps_mondays_hour_in_riga()
    {
        var change = TestDates.NextSummerTimeChange(_clock);
        var monday = change.AddDays(1);

        var week = DigestWeek.Containing(TestDates.AtRiga(monday, 12), 9);

        Assert.Equal(TestDates.AtRiga(monday, 9), week.To);
        Assert.Equal(TestDates.AtRiga(monday.AddDays(-7), 9), week.From);
        Assert.Equal(TimeSpan.FromDays(7) - TimeSpan.FromHours(1), week.To - week.From);
    }
}
