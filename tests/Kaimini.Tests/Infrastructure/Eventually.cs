namespace Kaimini.Tests.Infrastructure;

/// <summary>Waits for what a background worker (the outbox, the reports' refresh) does on its own
/// time: asks the database or the mail server again every 200 ms until the condition holds, and fails
/// with <paramref name="because"/> after the deadline. Never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because);
            await Task.Delay(200);
        }
    }
}
