using Kaimini.Web.Domain;
using Microsoft.Playwright;

namespace Kaimini.Tests.Infrastructure.Browsing;

public static class BrowserLogin
{
    /// <summary>Logs in through the form with the test password and, when the account asks for it,
    /// the authenticator's current code.</summary>
    public static async Task LogInAsync(IPage page, KaiminiApp app, AppUser user, string? culture = null)
    {
        await page.GotoAsync(culture is null ? "/account/login" : $"/account/login?culture={culture}");
        await page.FillAsync("#Email", user.Email!);
        await page.FillAsync("#Password", TestUsers.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(u => !u.EndsWith("/account/login", StringComparison.Ordinal) && !u.Contains("/account/login?", StringComparison.Ordinal));
        if (page.Url.Contains("/account/login/two-factor", StringComparison.Ordinal))
        {
            await page.FillAsync("#Code", await TestUsers.CurrentCodeAsync(app, user));
            await page.ClickAsync("main button[type=submit]");
            await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        }
    }
}
