using Microsoft.Playwright;

namespace Kaimini.Tests.Infrastructure.Browsing;

/// <summary>One headless Debian Chromium for the whole run, driven by Playwright. Playwright's own
/// browser download is not available here, so it launches /usr/bin/chromium (KAIMINI_CHROMIUM
/// overrides the path).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("KAIMINI_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium not found at {executable}: apt-get install chromium (./kaimini test does it as root).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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

    /// <summary>A fresh context (cookies, language) for one journey. <paramref name="locale"/>
    /// sets the browser's Accept-Language.</summary>
    public Task<IBrowserContext> NewContextAsync(string baseUrl, string locale = "de-DE") =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = locale });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
