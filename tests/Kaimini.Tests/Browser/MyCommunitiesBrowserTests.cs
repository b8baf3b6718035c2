using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>A leader opens "My communities" from the account menu and sees a rejected community's
/// reason; the page fits a phone. axe-core on each page, in both languages.</summary>
public class MyCommunitiesBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv-LV", "Manas kopienas")]
    [InlineData("en-GB", "My communities")]
    public async Task A_leader_opens_my_communities_from_the_account_menu_and_it_fits_a_phone(string locale, string menuItem)
    {
        var leader = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-mine"), Roles.Leader);
        var mark = Guid.NewGuid().ToString("N")[..6];
        var approved = await TestCommunities.CreateAsync(server, $"Apstiprinātā kaimiņu biedrība {mark}", "olaine", leaderId: leader.Id);
        var rejected = await TestCommunities.CreateAsync(server, $"Noraidītā kaimiņu biedrība {mark}", "olaine", status: CommunityStatus.Rejected, leaderId: leader.Id);
        await server.WithDbAsync(async db =>
        {
            (await db.Communities.SingleAsync(c => c.Id == rejected.Id)).RejectionReason = "Lūdzu, pievienojiet īsu aprakstu par kopienas darbību.";
            return await db.SaveChangesAsync();
        });
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, leader);

        await page.GotoAsync("/");
        await page.ClickAsync($"header a[title='{leader.Email}']");
        await page.ClickAsync($"header .dropdown-menu a:text-is('{menuItem}')");
        await page.WaitForURLAsync("**/account/communities", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator($"li[data-community='{approved.Slug}'] a[href='/communities/{approved.Slug}/edit']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"li[data-community='{rejected.Slug}'] [data-rejection]")).ToContainTextAsync("pievienojiet īsu aprakstu");
        await Axe.AssertNoViolationsAsync(page);

        await page.SetViewportSizeAsync(390, 844);
        Assert.Empty(await Layout.WiderThanViewportAsync(page));
        await Axe.AssertNoViolationsAsync(page);
    }
}
