using System.Net;
using System.Text.Json;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Following;

/// <summary>Following communities, places and themes with the pages' buttons, the list at
/// /account/following, the follower count only a community's leaders see, and follows going with
/// the account.</summary>
public class FollowTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static string Mark() => Guid.NewGuid().ToString("N")[..8];

    private static Task<AngleSharp.Dom.IDocument> PressAsync(Infrastructure.Browsing.PageClient client, AngleSharp.Dom.IDocument page, string kind) =>
        client.SubmitAndFollowAsync(page, $"[data-follow={kind}] form", new Dictionary<string, string>());

    [Fact]
    public async Task A_person_follows_a_community_from_its_page_twice_over_and_unfollows_it_from_the_list()
    {
        var community = await TestCommunities.CreateAsync(app, "Sekojamā kopiena " + Mark(), "olaine");
        var (client, user) = await app.LoggedInAsync(null);
        var url = $"/communities/{community.Slug}";

        var page = await PressAsync(client, await client.GetAsync(url), "Community");

        Assert.Equal(url, new Uri(page.Url).AbsolutePath);
        Assert.Equal("Sekošana pievienota.", page.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Contains("Jūs sekojat šai kopienai.", page.QuerySelector("[data-follow=Community]")!.TextContent);
        // The same press again (a stale page, a double click) changes nothing.
        await client.SubmitAsync(page, "[data-follow=Community] form", new Dictionary<string, string>(), "/account/following/add");
        Assert.Equal(1, await app.WithDbAsync(db => db.Follows.CountAsync(f => f.UserId == user.Id && f.CommunityId == community.Id)));

        var list = await client.GetAsync("/account/following");
        var row = list.QuerySelector($"[data-list=following-communities] [data-follow-target='{community.Id}']")!;
        Assert.Contains(community.Name, row.TextContent);
        var after = await client.SubmitAndFollowAsync(list, $"[data-list=following-communities] [data-follow-target='{community.Id}'] form", new Dictionary<string, string>());

        Assert.Equal("/account/following", new Uri(after.Url).AbsolutePath);
        Assert.Null(after.QuerySelector($"[data-follow-target='{community.Id}']"));
        Assert.False(await app.WithDbAsync(db => db.Follows.AnyAsync(f => f.UserId == user.Id)));
        Assert.Contains("Sekot kopienai", (await client.GetAsync(url)).QuerySelector("[data-follow=Community]")!.TextContent);
    }

    [Fact]
    public async Task A_person_follows_a_place_from_its_page_and_a_theme_from_the_news_filtered_by_it()
    {
        var (client, user) = await app.LoggedInAsync(null);

        await PressAsync(client, await client.GetAsync("/territories/bijusais-baldones-novads"), "Territory");
        await PressAsync(client, await client.GetAsync("/territories/baldones-pagasts"), "Territory");
        var news = await PressAsync(client, await client.GetAsync("/news?theme=sport"), "Theme");

        Assert.Equal("/news?theme=sport", new Uri(news.Url).PathAndQuery);
        var list = await client.GetAsync("/account/following");
        Assert.Equal(2, list.QuerySelectorAll("[data-list=following-territories] li").Length);
        Assert.Contains("Baldones pagasts", list.QuerySelector("[data-list=following-territories]")!.TextContent);
        Assert.NotNull(list.QuerySelector("[data-list=following-themes] a[href='/news?theme=sport']"));
        Assert.Null(list.QuerySelector("[data-list=following-communities]"));
        var themeId = await app.WithDbAsync(db => db.Themes.Where(t => t.Slug == "sport").Select(t => t.Id).SingleAsync());
        Assert.True(await app.WithDbAsync(db => db.Follows.AnyAsync(f => f.UserId == user.Id && f.ThemeId == themeId)));
    }

    [Fact]
    public async Task A_visitor_is_asked_to_log_in_and_nothing_unknown_can_be_followed()
    {
        var community = await TestCommunities.CreateAsync(app, "Viesu kopiena " + Mark(), "olaine");
        using var visitor = app.CreatePageClient("lv");
        var page = await visitor.GetAsync($"/communities/{community.Slug}");
        Assert.NotNull(page.QuerySelector($"[data-follow=Community] a[href='/account/login?returnUrl=%2Fcommunities%2F{community.Slug}']"));
        Assert.Null(page.QuerySelector("[data-follow] form"));
        Assert.Null(page.QuerySelector("[data-followers]"));

        var (client, user) = await app.LoggedInAsync(null);
        var form = await client.GetAsync($"/communities/{community.Slug}");
        var pending = await TestCommunities.CreateAsync(app, "Negatavā kopiena " + Mark(), "olaine", status: CommunityStatus.Pending);
        var missing = await client.SubmitAsync(form, "[data-follow=Community] form", new Dictionary<string, string> { ["TargetId"] = pending.Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var village = await app.WithDbAsync(db => db.Territories.Where(t => t.Kind == TerritoryKind.Ciems).Select(t => t.Id).FirstAsync());
        var ciems = await client.SubmitAsync(form, "[data-follow=Community] form", new Dictionary<string, string> { ["Kind"] = "Territory", ["TargetId"] = village.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, ciems.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Follows.AnyAsync(f => f.UserId == user.Id)));
    }

    [Fact]
    public async Task Only_the_communitys_leaders_see_how_many_follow_it_and_never_who()
    {
        var (leader, leaderUser) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Skaitītā kopiena " + Mark(), "olaine", leaderId: leaderUser.Id);
        var url = $"/communities/{community.Slug}";
        Assert.Equal("0", (await leader.GetAsync(url)).QuerySelector("[data-followers]")!.GetAttribute("data-followers"));
        var (first, firstUser) = await app.LoggedInAsync(null);
        var (second, secondUser) = await app.LoggedInAsync(Roles.Leader);
        await PressAsync(first, await first.GetAsync(url), "Community");
        await PressAsync(second, await second.GetAsync(url), "Community");

        var leaderPage = await leader.GetAsync(url);

        var count = leaderPage.QuerySelector("[data-followers]")!;
        Assert.Equal("Kopienai seko 2 cilvēki.", count.TextContent.Trim());
        Assert.DoesNotContain(firstUser.DisplayName, leaderPage.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(secondUser.DisplayName, leaderPage.QuerySelector("main")!.TextContent);
        // A follower who leads another community, a resident, a visitor: no count.
        Assert.Null((await second.GetAsync(url)).QuerySelector("[data-followers]"));
        Assert.Null((await first.GetAsync(url)).QuerySelector("[data-followers]"));
        using var visitor = app.CreatePageClient("lv");
        Assert.Null((await visitor.GetAsync(url)).QuerySelector("[data-followers]"));
    }

    [Fact]
    public async Task Follows_are_in_the_personal_data_and_go_with_the_account()
    {
        var community = await TestCommunities.CreateAsync(app, "Dzēšamā sekošana " + Mark(), "olaine");
        var (client, user) = await app.LoggedInAsync(null);
        await PressAsync(client, await client.GetAsync($"/communities/{community.Slug}"), "Community");
        await PressAsync(client, await client.GetAsync("/territories/olaines-novads"), "Territory");

        using var download = await client.Http.GetAsync("/account/privacy/download");
        var data = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var follows = data.RootElement.GetProperty("follows").EnumerateArray().ToList();
        Assert.Equal(2, follows.Count);
        Assert.Contains(follows, f => f.GetProperty("community").GetString() == community.Name);
        Assert.Contains(follows, f => f.GetProperty("territory").GetString() == "Olaines novads");

        await client.SubmitAndFollowAsync(await client.GetAsync("/account/privacy"), "main form[action='/account/privacy/delete']",
            new Dictionary<string, string> { ["form.Password"] = TestUsers.Password });

        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id)));
        Assert.False(await app.WithDbAsync(db => db.Follows.AnyAsync(f => f.UserId == user.Id)));
    }

    [Fact]
    public async Task The_following_page_asks_to_log_in()
    {
        using var visitor = app.CreatePageClient("lv");
        var response = await visitor.Http.GetAsync("/account/following");
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }
}
