using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>A leader finds a request to co-organise on their community's page, accepts it and edits
/// the event, whose creating community cannot be unticked; axe-core on every page, in both languages.</summary>
public class CoOrganiserBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv-LV", "Pieņemt")]
    [InlineData("en-GB", "Accept")]
    public async Task A_leader_accepts_a_request_and_manages_the_event_with_its_creator_kept(string locale, string accept)
    {
        var owner = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-owner"), Roles.Leader);
        var creator = await TestCommunities.CreateAsync(server, $"Rīkotāja {Guid.NewGuid():N}"[..18], "olaine", leaderId: owner.Id);
        var leader = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-leader"), Roles.Leader);
        var asked = await TestCommunities.CreateAsync(server, $"Aicinātā {Guid.NewGuid():N}"[..18], "olaine", leaderId: leader.Id);
        var ev = await TestEvents.CreateAsync(server, $"Talka {locale}", configure: e =>
        {
            e.Kind = EventKind.CommunityEvent;
            e.OwnerCommunityId = creator.Id;
            e.Communities.Add(creator);
        });
        await server.WithDbAsync(db =>
        {
            db.CoOrganiserRequests.Add(new CoOrganiserRequest
            {
                Id = Guid.NewGuid(),
                EventId = ev.Id,
                CommunityId = asked.Id,
                RequestedById = owner.Id,
                RequestedAt = server.Clock.GetUtcNow(),
            });
            return db.SaveChangesAsync();
        });
        await using var context = await browser.NewContextAsync(server.BaseUrl, locale);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", leader.Email!);
        await page.FillAsync("#Password", TestUsers.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));

        await page.GotoAsync($"/communities/{asked.Slug}");
        await page.ClickAsync($"main a[href='/communities/{asked.Slug}/co-organising']");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync($"main button:text-is('{accept}')", new PageClickOptions { Position = new Position { X = 5, Y = 5 } });
        await page.WaitForSelectorAsync("[role=status]");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/admin/events/{ev.Slug}/edit");
        Assert.True(await page.IsDisabledAsync($"#community-{creator.Id}"));
        Assert.True(await page.IsCheckedAsync($"#community-{creator.Id}"));
        await Axe.AssertNoViolationsAsync(page);
        Assert.Equal(2, await server.WithDbAsync(db => db.Events.Where(e => e.Id == ev.Id).SelectMany(e => e.Communities).CountAsync()));
    }
}
