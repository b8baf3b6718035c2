using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Tests.Domain;

/// <summary>Riga is on UTC+2 in winter and UTC+3 in summer; the clocks change at 01:00 UTC on the
/// last Sundays of March (03:00 → 04:00) and October (04:00 → 03:00). The days are computed from
/// the year, so the tests hold whatever today is.</summary>
public class RigaTimeTests
{
    public static TheoryData<int> Years => [2024, 2026, 2027, 2031, 2040];

    private static DateOnly LastSunday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private static DateTimeOffset Utc(DateOnly day, int hour, int minute = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private static DateTime Local(DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute));

    [Theory]
    [MemberData(nameof(Years))]
    public void In_spring_the_clock_jumps_from_three_to_four(int year)
    {
        var day = LastSunday(year, 3);

        var before = Utc(day, 0, 59).ToRiga();
        var after = Utc(day, 1).ToRiga();

        Assert.Equal(Local(day, 2, 59), before.DateTime);
        Assert.Equal(TimeSpan.FromHours(2), before.Offset);
        Assert.Equal(Local(day, 4), after.DateTime);
        Assert.Equal(TimeSpan.FromHours(3), after.Offset);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void In_autumn_the_clock_goes_back_from_four_to_three(int year)
    {
        var day = LastSunday(year, 10);

        var before = Utc(day, 0, 59).ToRiga();
        var after = Utc(day, 1).ToRiga();

        Assert.Equal(Local(day, 3, 59), before.DateTime);
        Assert.Equal(TimeSpan.FromHours(3), before.Offset);
        Assert.Equal(Local(day, 3), after.DateTime);
        Assert.Equal(TimeSpan.FromHours(2), after.Offset);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void A_typed_time_is_read_with_the_offset_of_its_own_day(int year)
    {
        var spring = LastSunday(year, 3);
        var autumn = LastSunday(year, 10);

        // Noon on the days around each change: winter is two hours ahead of UTC, summer three.
        Assert.Equal(Utc(spring.AddDays(-1), 10), RigaTime.FromRiga(Local(spring.AddDays(-1), 12)));
        Assert.Equal(Utc(spring.AddDays(1), 9), RigaTime.FromRiga(Local(spring.AddDays(1), 12)));
        Assert.Equal(Utc(autumn.AddDays(-1), 9), RigaTime.FromRiga(Local(autumn.AddDays(-1), 12)));
        Assert.Equal(Utc(autumn.AddDays(1), 10), RigaTime.FromRiga(Local(autumn.AddDays(1), 12)));

        // On the day itself, either side of the change.
        Assert.Equal(Utc(spring, 0), RigaTime.FromRiga(Local(spring, 2)));
        Assert.Equal(Utc(spring, 1), RigaTime.FromRiga(Local(spring, 4)));
        Assert.Equal(Utc(autumn.AddDays(-1), 23, 59), RigaTime.FromRiga(Local(autumn, 2, 59)));
        Assert.Equal(Utc(autumn, 2), RigaTime.FromRiga(Local(autumn, 4)));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_instant_across_both_changes_comes_back_from_its_Riga_time(int year)
    {
        foreach (var day in new[] { LastSunday(year, 3), LastSunday(year, 10) })
        {
            for (var instant = Utc(day.AddDays(-1), 20); instant < Utc(day, 6); instant = instant.AddMinutes(15))
            {
                var riga = instant.ToRiga();
                var repeatedHour = day.Month == 10 && riga.DateTime >= Local(day, 3) && riga.DateTime < Local(day, 4);
                if (!repeatedHour)
                {
                    Assert.Equal(instant, RigaTime.FromRiga(riga.DateTime));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void The_repeated_autumn_hour_is_read_as_winter_time(int year)
    {
        var day = LastSunday(year, 10);

        // 03:30 happens twice (00:30 and 01:30 UTC); a typed 03:30 is the second, in winter time.
        Assert.Equal(Utc(day, 1, 30), RigaTime.FromRiga(Local(day, 3, 30)));
    }

    /// <summary>A summer day of a year that has not passed, whenever the test runs.</summary>
    private static int NextYear => TimeProvider.System.GetUtcNow().Year + 1;

    [Fact]
    public void The_stored_instant_is_in_UTC() =>
        Assert.Equal(TimeSpan.Zero, RigaTime.FromRiga(new DateTime(NextYear, 7, 1, 12, 0, 0)).Offset);
}
