using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Digest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>The network between events, in Chromium: a leader asks for volunteers on the board; a
/// resident finds the request on the board's map and in its list and answers it; the leader marks it
/// matched with another community; a follower of the community finds it in the next weekly digest.
/// axe-core on each page on the way, in both languages.</summary>
public class NetworkJourneyBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv", "Sadarbība atrasta")]
    [InlineData("en", "Matched")]
    public async Task A_request_for_volunteers_is_answered_matched_and_reaches_a_followers_digest(string culture, string matched)
    {
        var mark = Guid.NewGuid().ToString("N")[..6];
        var leader = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("journey-leader"), culture: culture);
        var community = await TestCommunities.CreateAsync(server, $"Ceļa biedrība {mark}", "olaine", leaderId: leader.Id);
        var partner = await TestCommunities.CreateAsync(server, $"Partneru kopiena {mark}", "baldone");
        var follower = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("journey-follower"), culture: culture);
        await server.WithDbAsync(async db =>
        {
            db.Follows.Add(Follow.Of(follower.Id, FollowKind.Community, community.Id, server.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            return await db.Users.Where(u => u.Id == follower.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.WeeklyDigest, true));
        });

        // The leader asks for volunteers.
        await using var leaderContext = await browser.NewContextAsync(server.BaseUrl);
        var page = await leaderContext.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, leader, culture);
        await page.GotoAsync("/cooperation/new");
        await page.SelectOptionAsync("#form_Direction", nameof(CooperationDirection.Request));
        await page.SelectOptionAsync("#form_Kind", nameof(CooperationKind.Volunteers));
        var title = $"Meklējam brīvprātīgos talkai {mark}";
        await page.FillAsync("#form_Title", title);
        await page.FocusAsync("#form_Title");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Sestdien stādīsim kokus pie Olaines dīķa; vajag desmit rokas un dažas lāpstas.");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("[role=status]");
        var postPath = new Uri(page.Url).AbsolutePath;

        // A resident finds it on the map and in the list, and answers.
        var resident = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("journey-resident"), culture: culture);
        await using var residentContext = await browser.NewContextAsync(server.BaseUrl);
        var reader = await residentContext.NewPageAsync();
        await BrowserLogin.LogInAsync(reader, server, resident, culture);
        await reader.GotoAsync($"/cooperation?kind=Volunteers&q=talkai+{mark}");
        await Assertions.Expect(reader.Locator("[data-post]")).ToHaveCountAsync(1);
        await Assertions.Expect(reader.Locator($"#post-results a[href='{postPath}']")).ToHaveTextAsync(title);
        var marker = reader.Locator($".leaflet-marker-icon[title='{title}']");
        await Assertions.Expect(marker).ToHaveCountAsync(1);
        await CheckAsync(reader);
        await marker.FocusAsync();
        await reader.Keyboard.PressAsync("Enter");
        var popupLink = reader.Locator($".leaflet-popup a[href='{postPath}']");
        await Assertions.Expect(popupLink).ToHaveTextAsync(title);
        await Task.WhenAll(reader.WaitForURLAsync($"**{postPath}"), popupLink.ClickAsync());
        await CheckAsync(reader);
        await reader.FillAsync("#answer textarea", "Varu atnākt ar savu lāpstu un atvest vēl divus kaimiņus.");
        await reader.ClickAsync("#answer button[type=submit]");
        await reader.WaitForSelectorAsync("[role=status]");
        await CheckAsync(reader);
        await server.Smtp.WaitForMessageAsync(leader.Email!, m => m.TextBody?.Contains("Varu atnākt ar savu lāpstu") == true);

        // The leader marks it matched with the partner community.
        await page.GotoAsync(postPath);
        await page.FillAsync($"form[action='{postPath}/match'] input[type=text]", partner.Name);
        await page.ClickAsync($"form[action='{postPath}/match'] button[type=submit]");
        await page.WaitForSelectorAsync("[role=status]");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(partner.Name);
        await CheckAsync(page);
        var stored = await server.WithDbAsync(db => db.CooperationPosts.SingleAsync(p => p.Title == title));
        Assert.Equal(CooperationStatus.Matched, stored.Status);
        Assert.Equal(partner.Id, stored.MatchedCommunityId);

        // Next Monday's digest carries it to the follower, marked matched.
        try
        {
            var now = server.Clock.GetUtcNow();
            var week = DigestWeek.Containing(now, 9);
            week = week.To > now ? week : DigestWeek.Containing(now.AddDays(7), 9);
            server.Clock.SetUtcNow(week.To.AddMinutes(5));
            await using (var scope = server.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().RunAsync(CancellationToken.None);
            }

            var digest = await server.Smtp.WaitForMessageAsync(follower.Email!);
            Assert.Contains($"{title} — {community.Name}", digest.TextBody);
            Assert.Contains(matched, digest.TextBody);
            Assert.Contains($"{server.Services.GetRequiredService<Kaimini.Web.Infrastructure.Web.PublicUrls>().Absolute(postPath)}", digest.TextBody);
        }
        finally
        {
            server.Clock.Reset();
        }
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }
}
