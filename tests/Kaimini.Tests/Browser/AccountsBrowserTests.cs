using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>Two-factor set-up and sign-in, /admin/people and a community's leaders, with axe on every page.</summary>
public class AccountsBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task An_administrator_enrols_an_authenticator_signs_in_with_codes_and_manages_people(string culture)
    {
        var admin = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-2fa"), Roles.Administrator, twoFactor: false);
        var leader = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-led"), Roles.Leader);
        var community = await TestCommunities.CreateAsync(server, "Pārlūka biedrība " + Guid.NewGuid().ToString("N")[..4], "olaine", leaderId: leader.Id);
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, admin, culture);

        // /admin leads to the set-up first.
        await page.GotoAsync("/admin");
        Assert.Contains("/account/two-factor/setup", page.Url);
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main button[type=submit]");
        Assert.Equal(1, await page.Locator("[role=alert]").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        var key = (await page.InnerTextAsync("#authenticator-key")).Replace(" ", "").ToUpperInvariant();
        await page.FillAsync("#form_Code", TestUsers.Totp(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("/account/two-factor/recovery-codes"));
        Assert.Equal(10, await page.Locator(".recovery-code").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        var recoveryCode = await page.Locator(".recovery-code").First.InnerTextAsync();
        await page.ClickAsync("main a.btn-primary");
        await page.WaitForURLAsync(u => u.EndsWith("/admin", StringComparison.Ordinal));
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/account/two-factor");
        await Axe.AssertNoViolationsAsync(page);

        // The leader's own address: the other language's run adds a "browser-led" leader too.
        await page.GotoAsync($"/admin/people?q={Uri.EscapeDataString(leader.Email!)}");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("tr.person-row a");
        await page.WaitForURLAsync(u => u.Contains($"/admin/people/{leader.Id}"));
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/admin/communities/{community.Id}/leaders");
        Assert.Equal(1, await page.Locator(".leader-row").CountAsync());
        await Axe.AssertNoViolationsAsync(page);

        // The audit log, with the filters in use.
        await page.GotoAsync("/admin");
        await page.ClickAsync("main a[href='/admin/audit']");
        await page.WaitForURLAsync(u => u.EndsWith("/admin/audit", StringComparison.Ordinal));
        await Axe.AssertNoViolationsAsync(page);
        await page.SelectOptionAsync("#type", "AppUser");
        await page.ClickAsync("main form[role=search] button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("type=AppUser"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);

        // Signing in again asks for the code; a recovery code does instead of the phone.
        await page.ClickAsync("header form button[type=submit]");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", admin.Email!);
        await page.FillAsync("#Password", TestUsers.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("/account/login/two-factor"));
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main a[href^='/account/login/recovery-code']");
        await page.WaitForURLAsync(u => u.Contains("/account/login/recovery-code"));
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#Code", recoveryCode);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));
        await page.GotoAsync("/admin/people");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Contains("/admin/people", page.Url);
    }
}
