using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Communities;

/// <summary>"My communities" (/account/communities) and the ways in to register an organisation.</summary>
public class MyCommunitiesTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static string Mark() => Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task My_communities_lists_each_with_its_status_the_rejection_reason_and_a_leaders_links()
    {
        var (client, user) = await app.LoggedInAsync(Roles.Leader);
        using var _c = client;
        var approved = await TestCommunities.CreateAsync(app, $"Apstiprinātā biedrība {Mark()}", "olaine", leaderId: user.Id);
        var pending = await TestCommunities.CreateAsync(app, $"Gaidošā biedrība {Mark()}", "olaine", status: CommunityStatus.Pending, leaderId: user.Id);
        var rejected = await TestCommunities.CreateAsync(app, $"Noraidītā biedrība {Mark()}", "olaine", status: CommunityStatus.Rejected, leaderId: user.Id);
        var member = await TestCommunities.CreateAsync(app, $"Biedra kopiena {Mark()}", "olaine");
        var foreign = await TestCommunities.CreateAsync(app, $"Sveša kopiena {Mark()}", "olaine");
        await app.WithDbAsync(async db =>
        {
            (await db.Communities.SingleAsync(c => c.Id == rejected.Id)).RejectionReason = "Nav norādīts reģistrācijas numurs.";
            db.CommunityMemberships.Add(new CommunityMembership { CommunityId = member.Id, UserId = user.Id, Role = MembershipRole.Member, CreatedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        var page = await client.GetAsync("/account/communities");

        AngleSharp.Dom.IElement Item(Community c) => page.QuerySelector($"[data-list=my-communities] li[data-community='{c.Slug}']")!;
        Assert.Equal(1, page.QuerySelectorAll("h1").Length);
        Assert.Equal(4, page.QuerySelectorAll("[data-list=my-communities] > li").Length);
        Assert.Null(page.QuerySelector($"li[data-community='{foreign.Slug}']"));
        Assert.Contains("apstiprināta", Item(approved).QuerySelector("[data-status]")!.TextContent);
        Assert.Contains("gaida organizatoru apstiprinājumu", Item(pending).QuerySelector("[data-status]")!.TextContent);
        Assert.Contains("noraidīta", Item(rejected).QuerySelector("[data-status]")!.TextContent);
        Assert.Contains("Nav norādīts reģistrācijas numurs.", Item(rejected).QuerySelector("[data-rejection]")!.TextContent);
        string[] Links(Community c) => Item(c).QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Equal([$"/communities/{approved.Slug}", $"/communities/{approved.Slug}/edit", $"/admin/events?community={approved.Slug}",
            $"/communities/{approved.Slug}/co-leaders"], Links(approved));
        // Events wait for the approval; a plain member only sees the page.
        Assert.DoesNotContain($"/admin/events?community={pending.Slug}", Links(pending));
        Assert.Contains($"/communities/{pending.Slug}/edit", Links(pending));
        Assert.Equal([$"/communities/{member.Slug}"], Links(member));
        Assert.NotNull(page.QuerySelector("main a[href='/communities/new']"));

        // The events link shows that community's events, and a new one there starts with it ticked.
        var own = await TestEvents.CreateAsync(app, $"Apstiprinātās talka {Mark()}", configure: e =>
        {
            e.Kind = EventKind.CommunityEvent;
            e.OwnerCommunityId = approved.Id;
            e.Communities.Add(approved);
        });
        var events = await client.GetAsync($"/admin/events?community={approved.Slug}");
        Assert.NotNull(events.QuerySelector($"main a[href='/admin/events/{own.Slug}/edit']"));
        Assert.Contains(approved.Name, events.QuerySelector("[data-community-filter]")!.TextContent);
        var second = await TestCommunities.CreateAsync(app, $"Otrā vadītā {Mark()}", "olaine", leaderId: user.Id);
        var form = await client.GetAsync(events.QuerySelector("main a[href^='/admin/events/new']")!.GetAttribute("href")!);
        Assert.True(form.QuerySelector($"#community-{approved.Id}")!.HasAttribute("checked"));
        Assert.False(form.QuerySelector($"#community-{second.Id}")!.HasAttribute("checked"));
        // Another community's events are not listed through the filter.
        var foreignEvents = await client.GetAsync($"/admin/events?community={foreign.Slug}");
        Assert.Empty(foreignEvents.QuerySelectorAll("main tbody tr"));
    }

    [Fact]
    public async Task Signed_in_people_find_the_way_to_register_an_organisation_and_to_their_communities()
    {
        using var anonymous = app.CreatePageClient("lv");
        using var denied = await anonymous.Http.GetAsync("/account/communities");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/login", denied.Headers.Location!.AbsolutePath);

        var (client, _) = await app.LoggedInAsync(null);
        using var _c = client;
        var home = await client.GetAsync("/");
        Assert.NotNull(home.QuerySelector("header a[href='/account/communities']"));
        Assert.NotNull(home.QuerySelector("header a[href='/communities/new']"));
        Assert.NotNull(home.QuerySelector("main a[href='/communities/new'][data-register-community]"));
        Assert.NotNull((await client.GetAsync("/account/profile")).QuerySelector("main a[href='/communities/new']"));
        Assert.NotNull((await client.GetAsync("/account/profile")).QuerySelector("main a[href='/account/communities']"));
        Assert.NotNull((await client.GetAsync("/communities")).QuerySelector("main a[href='/communities/new'][data-register-community]"));
        var empty = await client.GetAsync("/account/communities");
        Assert.NotNull(empty.QuerySelector("[data-my-communities-empty]"));
    }
}
