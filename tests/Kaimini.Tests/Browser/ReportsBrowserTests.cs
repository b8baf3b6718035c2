using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>Municipality staff read the reports on the demo data, change the filters and drill down
/// by keyboard; an administrator sets a staff member's novads and opens the population import;
/// anyone reads /rezultati. axe-core on every page, in both languages, and every page has one h1.</summary>
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
        // The charts are images with names, checked by axe with the rest of the page; on paper too.
        Assert.True(await page.Locator("svg[role=img][aria-labelledby]").CountAsync() >= 4);
        // Shown by print.js, which may still be on its way when the heading is there.
        await Assertions.Expect(page.Locator("[data-scope=exports] button[data-print]")).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("header nav").IsVisibleAsync());
        Assert.False(await page.Locator("main form").IsVisibleAsync());
        Assert.True(await page.Locator("[data-scope=printed]").IsVisibleAsync());
        await CheckAsync(page);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

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

        // The population behind the per-1,000 figures: the demo's illustrative years, and a file with a bad line.
        await page.GotoAsync("/admin");
        await page.ClickAsync("main a[href='/admin/population']");
        Assert.True(await page.Locator("table[data-table=population] tbody tr").CountAsync() > 0);
        await CheckAsync(page);
        await page.SetInputFilesAsync("#form_File", new FilePayload
        {
            Name = "iedzivotaji.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("territory;year;population;source\nolaine;2020;10000;CSP\nnekur;2020;5;CSP\n"),
        });
        await page.ClickAsync("main form[action='/admin/population'] button[type=submit]");
        await page.WaitForSelectorAsync("[data-list=line-errors] li[data-line='3']");
        await CheckAsync(page);

        // The printable sheet of a past demo event, from the organiser's tools.
        var slug = await server.WithDbAsync(db => db.Events.Where(e => e.Registrations.Any(r => r.CheckedInAt != null)).OrderBy(e => e.StartsAt).Select(e => e.Slug).FirstAsync());
        await page.GotoAsync($"/admin/events/{slug}/edit");
        await page.ClickAsync($"a[href='/admin/events/{slug}/sheet']");
        await page.WaitForURLAsync(u => u.EndsWith("/sheet"));
        Assert.True(await page.Locator("table[data-sheet-table=sign-in] tbody tr").CountAsync() > 5);
        await CheckAsync(page);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await CheckAsync(page);
    }

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task A_municipality_employee_goes_from_this_year_in_their_novads_to_Baldones_pagasts_in_2021_and_downloads_it(string culture)
    {
        var staff = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-journey"), Roles.MunicipalityStaff);
        await server.WithDbAsync(async db => await db.Users.Where(u => u.Id == staff.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.NovadsId,
            db.Territories.Where(t => t.Slug == "kekavas-novads").Select(t => (int?)t.Id).First())));
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, staff, culture);

        // Their novads, this year.
        await page.ClickAsync("header a[href='/reports']");
        await page.WaitForURLAsync(u => u.Contains("territory=kekavas-novads"));
        Assert.Contains("Ķekavas novads", await page.InnerTextAsync("[data-scope=territory]"));
        var thisYear = TestDates.DaysAhead(server.Clock, 0).Year;
        Assert.Equal($"{thisYear}-01-01", await page.InputValueAsync("#report-from"));
        await CheckAsync(page);

        // 2021, the year of the first run.
        await page.SelectOptionAsync("#report-period", "year");
        await page.FillAsync("#report-from", "2021-01-01");
        await page.ClickAsync("main form[method=get] button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("from=2021-01-01"));
        await CheckAsync(page);

        // Down into Baldones pagasts: the Dižkūre was held there, nine forum ideas are about it.
        await page.ClickAsync("nav[aria-label] a[href*='territory=baldones-pagasts']");
        await page.WaitForURLAsync(u => u.Contains("territory=baldones-pagasts") && u.Contains("from=2021-01-01"));
        Assert.Equal("1", (await page.InnerTextAsync("tr[data-indicator=EventsHeld] td[data-period=current]")).Trim());
        Assert.Equal("9", (await page.InnerTextAsync("tr[data-indicator=IdeasCollected] td[data-period=current]")).Trim());
        await CheckAsync(page);

        // The funnel, from collected to implemented.
        var funnel = page.Locator("table[data-table=funnel]");
        await funnel.ScrollIntoViewIfNeededAsync();
        Assert.True(await funnel.IsVisibleAsync());
        Assert.Equal("9", (await funnel.Locator("tr[data-stage=IdeasCollected] td").First.InnerTextAsync()).Trim());

        // The XLSX holds what the page shows.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-scope=exports] a[href^='/reports/export.xlsx']"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        Assert.Contains("2021", download.SuggestedFilename);
        Assert.Contains("baldones-pagasts", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        var (rows, _, _) = Features.Reports.ExportFiles.Xlsx(bytes.ToArray(), 0);
        foreach (var indicator in new[] { "EventsHeld", "IdeasCollected", "IdeasToMunicipality" })
        {
            var row = page.Locator($"tr[data-indicator={indicator}]");
            var name = (await row.Locator("th .fw-semibold").InnerTextAsync()).Trim();
            var shown = (await row.Locator("td[data-period=current]").InnerTextAsync()).Trim();
            var cells = rows.First(r => r.Count > 2 && r[0].Text == name);
            Assert.Equal(double.Parse(shown, System.Globalization.CultureInfo.GetCultureInfo(culture == "lv" ? "lv-LV" : "en-GB")), cells[2].Number);
        }
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }
}
