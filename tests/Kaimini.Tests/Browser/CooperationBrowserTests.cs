using Kaimini.Tests.Features.Cooperation;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>A leader finds the board from the main navigation, filters it, posts an offer with the
/// keyboard, and a resident reads it with the answer and report forms; axe-core on the list, the
/// form (empty and with errors) and the post page, in both languages.</summary>
public class CooperationBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv", "Sadarbība", "Sadarbības dēlis")]
    [InlineData("en", "Cooperation", "Cooperation board")]
    public async Task A_leader_posts_an_offer_and_a_resident_reads_it(string culture, string navItem, string heading)
    {
        var leader = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-board"), culture: culture);
        var mark = Guid.NewGuid().ToString("N")[..6];
        var community = await TestCommunities.CreateAsync(server, $"Dēļa biedrība {mark}", "olaine", leaderId: leader.Id);
        await TestCooperation.CreateAsync(server, community, $"Meklējam brīvprātīgos {mark}");
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, leader, culture);

        await page.GotoAsync($"/?culture={culture}");
        await page.ClickAsync($"header a:text-is('{navItem}')");
        Assert.Equal(heading, (await page.InnerTextAsync("h1")).Trim());
        await CheckAsync(page);
        await page.FillAsync("#q", $"brivpratigos {mark}");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync(u => u.Contains("q=brivpratigos"));
        await Assertions.Expect(page.Locator("[data-post]")).ToHaveCountAsync(1);
        await CheckAsync(page);

        await Task.WhenAll(page.WaitForURLAsync("**/cooperation/new"), page.ClickAsync("main a[href='/cooperation/new']"));
        await CheckAsync(page);
        await page.FocusAsync("main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[role=alert]");
        await CheckAsync(page);

        await page.SelectOptionAsync("#form_Direction", nameof(CooperationDirection.Offer));
        await page.SelectOptionAsync("#form_Kind", nameof(CooperationKind.SpaceOrEquipment));
        await page.FocusAsync("#form_Title");
        await page.Keyboard.TypeAsync($"Piedāvājam zāli {mark}");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Zāle četrdesmit cilvēkiem darba dienu vakaros, ar projektoru.");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("[role=status]");
        Assert.Equal($"Piedāvājam zāli {mark}", (await page.InnerTextAsync("h1")).Trim());
        await Assertions.Expect(page.Locator("#manage-heading")).ToBeVisibleAsync();
        await CheckAsync(page);
        var postUrl = new Uri(page.Url).PathAndQuery;

        var resident = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-reader"), culture: culture);
        await using var readerContext = await browser.NewContextAsync(server.BaseUrl);
        var reader = await readerContext.NewPageAsync();
        await BrowserLogin.LogInAsync(reader, server, resident, culture);
        await reader.GotoAsync(postUrl);
        await Assertions.Expect(reader.Locator("#answer form textarea")).ToBeVisibleAsync();
        await reader.ClickAsync("main details summary");
        await CheckAsync(reader);
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }
}
