using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Web.Features.Digest;

/// <summary>A week of the weekly digest: it goes out on <see cref="Monday"/> at the sending hour (Riga
/// time) and carries what was announced in the seven days before that moment, [<see cref="From"/>,
/// <see cref="To"/>). Daylight saving changes move the hour, not the day.</summary>
public sealed record DigestWeek(DateOnly Monday, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The week whose Monday is on or before <paramref name="now"/> (in Riga).</summary>
    public static DigestWeek Containing(DateTimeOffset now, int sendAtHour)
    {
        var day = DateOnly.FromDateTime(now.ToRiga().DateTime);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new DigestWeek(monday, SendsAt(monday.AddDays(-7), sendAtHour), SendsAt(monday, sendAtHour));
    }

    /// <summary>Whether the week's digest may go out: its Monday's hour has come.</summary>
    public bool IsDueAt(DateTimeOffset now) => now >= To;

    private static DateTimeOffset SendsAt(DateOnly monday, int hour) => RigaTime.FromRiga(monday.ToDateTime(new TimeOnly(hour, 0)));
}
