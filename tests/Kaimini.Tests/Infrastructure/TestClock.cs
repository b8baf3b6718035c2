namespace Kaimini.Tests.Infrastructure;

/// <summary>The portal's clock in tests: real time passing, shifted by an offset a test can set.
/// Tests take dates from it (never fixed calendar dates), so they pass on any day; a test that
/// needs a particular moment (a reminder time, the change to summer time) moves it there, and
/// timers keep running so the outbox still sends.</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
