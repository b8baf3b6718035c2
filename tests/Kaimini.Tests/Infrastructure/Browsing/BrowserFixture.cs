using Microsoft.Playwright;

namespace Kaimini.Tests.Infrastructure.Browsing;

/// <summary>One headless Debian Chromium for the whole run, driven by Playwright. Playwright's own
/// browser download is not available here, so it launches /usr/bin/chromium (KAIMINI_CHROMIUM
/// overrides the path). Without Chromium every other test still runs; the browser journeys are
/// skipped, each saying why.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    private IBrowser? _browser;
    private string? _missing;

    public IBrowser Browser => _browser ?? throw SkipWithReason();

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("KAIMINI_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            _missing = $"Chromium not found at {executable}: apt-get install chromium (./kaimini test does it as root). Browser journey skipped.";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>How long a step may wait for a page or an element. Playwright's 30 s was once too
    /// short for the first request to a test server that had just started while the whole suite
    /// ran in parallel on two cores (a journey's login timed out once in 1,576 tests); a step
    /// that really hangs still fails.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    /// <summary>A fresh context (cookies, language) for one journey. <paramref name="locale"/>
    /// sets the browser's Accept-Language.</summary>
    public async Task<IBrowserContext> NewContextAsync(string baseUrl, string locale = "de-DE")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = locale });
        context.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)StepTimeout.TotalMilliseconds);
        return context;
    }

    private Exception SkipWithReason()
    {
        Assert.Skip(_missing ?? "The browser did not start.");
        return new InvalidOperationException(_missing);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
