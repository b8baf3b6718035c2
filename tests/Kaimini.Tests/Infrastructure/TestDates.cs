namespace Kaimini.Tests.Infrastructure;

/// <summary>Dates relative to the test clock, as the portal's forms take them (Riga wall time).</summary>
public static class TestDates
{
    private static readonly TimeZoneInfo Riga = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    /// <summary>The day <paramref name="days"/> from the clock's today in Riga.</summary>
    public static DateOnly DaysAhead(TimeProvider clock, int days) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Riga).DateTime).AddDays(days);

    /// <summary>A datetime-local field's value: <c>2027-05-15T10:00</c>.</summary>
    public static string Field(DateOnly day, int hour, int minute = 0) => $"{day:yyyy-MM-dd}T{hour:00}:{minute:00}";

    /// <summary>The instant (in UTC, as the database stores it) of a Riga wall-clock time.</summary>
    public static DateTimeOffset AtRiga(DateOnly day, int hour, int minute = 0)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Riga.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The next Sunday on which Riga moves to summer time (the last Sunday of March), at
    /// least <paramref name="minDays"/> days after the clock's now.</summary>
    public static DateOnly NextSummerTimeChange(TimeProvider clock, int minDays = 30)
    {
        var earliest = DaysAhead(clock, minDays);
        for (var year = earliest.Year; ; year++)
        {
            var day = new DateOnly(year, 3, 31);
            while (day.DayOfWeek != DayOfWeek.Sunday)
            {
                day = day.AddDays(-1);
            }

            if (day >= earliest)
            {
                return day;
            }
        }
    }
}
