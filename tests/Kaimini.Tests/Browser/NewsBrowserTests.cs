using Kaimini.Tests.Features.News;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>A leader writes news from the community page and follows a place; the news list, the
/// item, the form and the following page pass axe-core in both languages and fit a phone.</summary>
public class NewsBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv-LV", "Rakstīt jaunumu", "Publicēt", "Sekot šai vietai")]
    [InlineData("en-GB", "Write news", "Publish", "Follow this place")]
    public async Task A_leader_writes_news_and_follows_a_place_on_accessible_pages(string locale, string write, string publish, string follow)
    {
        var leader = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-news"), Roles.Leader);
        var mark = Guid.NewGuid().ToString("N")[..6];
        var community = await TestCommunities.CreateAsync(server, $"Jaunumu biedrība {mark}", "olaine", themes: ["culture"], leaderId: leader.Id);
        await TestNews.CreateAsync(server, community.Id, $"Iepriekšējais jaunums {mark}", "Teksts ar [saiti](https://kaimini.example.lv).");
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, leader);

        await page.GotoAsync($"/communities/{community.Slug}");
        await page.ClickAsync($"[data-section=community-news] a:text-is('{write}')");
        await page.WaitForURLAsync($"**/communities/{community.Slug}/news/new");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#form_Title", $"Talka {mark}");
        await page.FillAsync("#form_Body", "Sestdien **visi** uz talku!\n\n- cimdi\n- maisi");
        await page.FillAsync("#form_Link", "https://kaimini.example.lv/talka");
        await page.ClickAsync($"form[data-form=news] button:text-is('{publish}')");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/news/\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Talka {mark}");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/news?theme=culture");
        await Assertions.Expect(page.Locator($"[data-list=news] a:text-is('Talka {mark}')")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/territories/olaines-novads");
        await page.ClickAsync($"[data-follow=Territory] button:text-is('{follow}')");
        await page.GotoAsync("/account/following");
        await Assertions.Expect(page.Locator("[data-list=following-territories]")).ToContainTextAsync("Olaines novads");
        await Axe.AssertNoViolationsAsync(page);
        if (locale == "lv-LV")
        {
            await page.ScreenshotAsync(new() { Path = "/tmp/news-following.png", FullPage = true });
        }

        await page.SetViewportSizeAsync(390, 844);
        foreach (var url in new[] { "/news", "/account/following" })
        {
            await page.GotoAsync(url);
            Assert.Empty(await Layout.WiderThanViewportAsync(page));
            await Axe.AssertNoViolationsAsync(page);
        }
    }
}
