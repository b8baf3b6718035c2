using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>Municipality staff read the reports on the demo data, change the filters and drill down
/// by keyboard; an administrator sets a staff member's novads; anyone reads /rezultati. axe-core on
/// every page, in both languages, and every page has one h1.</summary>
public class ReportsBrowserTests(DirectoryBrowserTests.DemoServer server, BrowserFixture browser) : IClassFixture<DirectoryBrowserTests.DemoServer>
{
    [Theory]
    [InlineData("lv", "Pārskati", "Rezultāti")]
    [InlineData("en", "Reports", "Results")]
    public async Task Staff_read_filter_and_drill_down_the_reports_and_everyone_reads_the_results(string culture, string reports, string results)
    {
        var staff = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-reports"), Roles.MunicipalityStaff);
        var admin = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-reports-admin"), Roles.Administrator);
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/?culture={culture}");
        await page.ClickAsync("footer a[href='/rezultati']");
        Assert.Equal(results, (await page.InnerTextAsync("h1")).Trim());
        await CheckAsync(page);

        await BrowserLogin.LogInAsync(page, server, staff, culture);
        await page.ClickAsync("header a[href='/reports']");
        Assert.Equal(reports, (await page.InnerTextAsync("h1")).Trim());
        Assert.True(await page.Locator("tr[data-indicator=EventsHeld]").CountAsync() == 1);
        await CheckAsync(page);

        // Keyboard: a quarter, a theme-less forum filter, then down into a novads and a parish.
        await page.FocusAsync("#report-period");
        await page.SelectOptionAsync("#report-period", "quarter");
        await page.SelectOptionAsync("#report-kind", "Forum");
        await page.FocusAsync("main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("period=quarter") && u.Contains("kind=Forum"));
        await CheckAsync(page);
        await page.ClickAsync("nav[aria-label] a[href*='territory=olaines-novads']");
        await page.WaitForURLAsync(u => u.Contains("territory=olaines-novads") && u.Contains("kind=Forum"));
        await CheckAsync(page);
        await page.ClickAsync("nav[aria-label] a[href*='territory=olaines-pagasts']");
        await page.WaitForURLAsync(u => u.Contains("territory=olaines-pagasts"));
        await CheckAsync(page);

        await context.ClearCookiesAsync();
        await BrowserLogin.LogInAsync(page, server, admin, culture);
        await page.GotoAsync("/reports/settings");
        await CheckAsync(page);
        await page.SelectOptionAsync($"#novads-{staff.Id}", new SelectOptionValue { Label = "Olaines novads" });
        await page.ClickAsync($"form[action='/reports/settings/{staff.Id}'] button[type=submit]");
        await page.WaitForSelectorAsync("[role=status]");
        await CheckAsync(page);
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }
}
