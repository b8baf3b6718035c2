using System.Collections.Concurrent;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Counts events per key in fixed windows, on the injected clock. Unlike
/// System.Threading.RateLimiting it can look before it counts, so a post is counted only once it
/// is known to have been a real attempt (not one refused for a field's validation), and it can
/// count several at once (the messages one request queued).</summary>
public sealed class FixedWindowCounter(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();
    private long _calls;

    /// <summary>How long until <paramref name="key"/> may act again, or null when it is under <paramref name="limit"/>.</summary>
    public TimeSpan? RetryAfter(string key, int limit, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        if (!_windows.TryGetValue(key, out var current) || current.Ends <= now || current.Count < limit)
        {
            return null;
        }

        return current.Ends - now;
    }

    public void Count(string key, TimeSpan window, int amount = 1)
    {
        if (amount <= 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        _windows.AddOrUpdate(key,
            _ => new Window(now + window, amount),
            (_, w) => w.Ends <= now ? new Window(now + window, amount) : w with { Count = w.Count + amount });
        if (Interlocked.Increment(ref _calls) % 1024 == 0)
        {
            foreach (var (k, w) in _windows)
            {
                if (w.Ends <= now)
                {
                    _windows.TryRemove(new KeyValuePair<string, Window>(k, w));
                }
            }
        }
    }

    private sealed record Window(DateTimeOffset Ends, int Count);
}
