using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>A community leader creates an event on a phone: the form fits the screen, their own
/// community is ticked already, a co-organiser is found by part of its name without diacritics
/// (Enter in the search field lists the matches), and the first save succeeds.</summary>
public class LeaderEventFormBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv-LV")]
    [InlineData("en-GB")]
    public async Task On_a_phone_the_leaders_event_form_fits_the_screen_and_saves_on_the_first_try(string locale)
    {
        var mark = Guid.NewGuid().ToString("N")[..6];
        var leader = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-leader-form"), Roles.Leader);
        var own = await TestCommunities.CreateAsync(server, $"Telefona kaimiņi {mark}", "olaine", leaderId: leader.Id);
        var other = await TestCommunities.CreateAsync(server, $"Baldones Kūrorta attīstības biedrība {mark}", "baldone");
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, leader);

        await page.GotoAsync("/admin/events/new");
        Assert.Empty(await Layout.WiderThanViewportAsync(page));
        await Assertions.Expect(page.Locator($"#community-{own.Id}")).ToBeCheckedAsync();
        await Axe.AssertNoViolationsAsync(page);

        var title = $"Kūrorta talka {mark}";
        var day = TestDates.DaysAhead(server.Clock, 45);
        await page.FillAsync("#form_Title", title);
        await page.FillAsync("#form_StartsAt", TestDates.Field(day, 10));
        await page.FillAsync("#form_EndsAt", TestDates.Field(day, 13));
        await page.FillAsync("#form_Venue", "Baldones kūrorta parks");
        await page.SelectOptionAsync("#form_TerritoryId", new SelectOptionValue { Label = "Baldone, Ķekavas novads" });
        await page.CheckAsync("#form_Publish");
        await page.FillAsync("#form_AddCommunity", $"baldones kurorta {mark}");
        await page.PressAsync("#form_AddCommunity", "Enter");
        await page.WaitForURLAsync("**/admin/events/new#community-matches", new() { WaitUntil = WaitUntilState.Commit });

        // The search step keeps what was typed and adds the matches, still within the screen.
        await Assertions.Expect(page.Locator($"#match-{other.Id}")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#form_Title")).ToHaveValueAsync(title);
        await Assertions.Expect(page.Locator("[role=alert]")).ToHaveCountAsync(0);
        Assert.Empty(await Layout.WiderThanViewportAsync(page));
        await Axe.AssertNoViolationsAsync(page);
        await page.CheckAsync($"#match-{other.Id}");
        await page.ClickAsync("main form button[type=submit]:not([name=find])");

        await page.WaitForURLAsync("**/events/kurorta-talka-*", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveCountAsync(1);
        var ev = await server.WithDbAsync(db => db.Events.Include(e => e.Communities).SingleAsync(e => e.Title == title));
        Assert.Equal(own.Id, ev.OwnerCommunityId);
        Assert.True(await server.WithDbAsync(db => db.CoOrganiserRequests.AnyAsync(r => r.EventId == ev.Id && r.CommunityId == other.Id)));
    }
}
