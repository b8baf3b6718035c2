using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.News;

/// <summary>Leaders publish, edit and delete their community's news; nobody else may (organisers
/// excepted, as for the profile); the list filters by place and theme, newest first.</summary>
public class NewsTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static string Mark() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_leader_publishes_news_that_shows_on_the_community_page_the_list_and_its_own_page()
    {
        var (leader, user) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Jaunumu kopiena " + Mark(), "olaine", leaderId: user.Id);
        var title = "Talka pie ezera " + Mark();
        using var visitor = app.CreatePageClient("lv");
        // The community page is cached for visitors: the news must evict it.
        Assert.DoesNotContain(title, (await visitor.GetAsync($"/communities/{community.Slug}")).QuerySelector("main")!.TextContent);

        var form = await leader.GetAsync($"/communities/{community.Slug}/news/new");
        var page = await leader.SubmitAndFollowAsync(form, "form[data-form=news]", new Dictionary<string, string>
        {
            ["form.Title"] = title,
            ["form.Body"] = "Nāciet **visi**! <script>alert(1)</script>",
            ["form.Link"] = "kaimini.lv/talka",
        });

        var item = await app.WithDbAsync(db => db.News.SingleAsync(n => n.CommunityId == community.Id));
        Assert.Equal($"/news/{item.Id}", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Jaunums publicēts.", page.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Equal("visi", page.QuerySelector(".news-body strong")!.TextContent);
        Assert.Null(page.QuerySelector(".news-body script"));
        Assert.NotNull(page.QuerySelector("main a[href='https://kaimini.lv/talka']"));
        Assert.NotNull(page.QuerySelector($"a[href='/communities/{community.Slug}/news/{item.Id}/edit']"));

        var communityPage = await visitor.GetAsync($"/communities/{community.Slug}");
        Assert.NotNull(communityPage.QuerySelector($"[data-section=community-news] a[href='/news/{item.Id}']"));
        Assert.NotNull(communityPage.QuerySelector($"[data-section=community-news] a[href='/news?community={community.Slug}']"));
        // Visitors get no writing link.
        Assert.Null(communityPage.QuerySelector($"a[href='/communities/{community.Slug}/news/new']"));
        var list = await visitor.GetAsync($"/news?community={community.Slug}");
        Assert.Equal([item.Id.ToString()], list.QuerySelectorAll("[data-news]").Select(e => e.GetAttribute("data-news")!));
        Assert.NotNull((await visitor.GetAsync("/news")).QuerySelector($"[data-news='{item.Id}']"));
        Assert.Equal(title, (await visitor.GetAsync($"/news/{item.Id}")).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://kaimini.lv/fails")]
    public async Task A_link_that_is_not_http_or_https_is_refused(string link)
    {
        var (leader, user) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Saišu kopiena " + Mark(), "olaine", leaderId: user.Id);

        var page = await leader.SubmitExpectingPageAsync(await leader.GetAsync($"/communities/{community.Slug}/news/new"), "form[data-form=news]",
            new Dictionary<string, string> { ["form.Title"] = "Virsraksts", ["form.Body"] = "Teksts", ["form.Link"] = link });

        Assert.Equal("true", page.QuerySelector("#form_Link")!.GetAttribute("aria-invalid"));
        Assert.False(await app.WithDbAsync(db => db.News.AnyAsync(n => n.CommunityId == community.Id)));
    }

    [Fact]
    public async Task A_leader_edits_and_deletes_the_communitys_news()
    {
        var (leader, user) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Labojumu kopiena " + Mark(), "olaine", leaderId: user.Id);
        var item = await TestNews.CreateAsync(app, community.Id, "Sākotnējais virsraksts");
        using var visitor = app.CreatePageClient("lv");
        Assert.Equal("Sākotnējais virsraksts", (await visitor.GetAsync($"/news/{item.Id}")).QuerySelector("h1")!.TextContent);

        var edit = await leader.GetAsync($"/communities/{community.Slug}/news/{item.Id}/edit");
        Assert.Equal("Sākotnējais virsraksts", ((AngleSharp.Html.Dom.IHtmlInputElement)edit.QuerySelector("#form_Title")!).Value);
        await leader.SubmitAndFollowAsync(edit, "form[data-form=news]", new Dictionary<string, string> { ["form.Title"] = "Labotais virsraksts" });
        Assert.Equal("Labotais virsraksts", (await visitor.GetAsync($"/news/{item.Id}")).QuerySelector("h1")!.TextContent);

        var page = await leader.SubmitAndFollowAsync(await leader.GetAsync($"/communities/{community.Slug}/news/{item.Id}/edit"), "form[data-form=delete-news]",
            new Dictionary<string, string>());
        Assert.Equal("Jaunums dzēsts.", page.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.False(await app.WithDbAsync(db => db.News.AnyAsync(n => n.Id == item.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/news/{item.Id}")).StatusCode);
    }

    [Fact]
    public async Task Another_communitys_leader_a_resident_and_a_visitor_cannot_write_edit_or_delete()
    {
        var owner = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("owner"), Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Svešie jaunumi " + Mark(), "olaine", leaderId: owner.Id);
        var item = await TestNews.CreateAsync(app, community.Id, "Neaizskarams");
        var (otherLeader, otherUser) = await app.LoggedInAsync(Roles.Leader);
        var other = await TestCommunities.CreateAsync(app, "Cita kopiena " + Mark(), "olaine", leaderId: otherUser.Id);
        var (resident, _) = await app.LoggedInAsync(null);
        using var visitor = app.CreatePageClient("lv");

        foreach (var client in new[] { otherLeader, resident })
        {
            foreach (var url in new[] { $"/communities/{community.Slug}/news/new", $"/communities/{community.Slug}/news/{item.Id}/edit" })
            {
                var response = await client.Http.GetAsync(url);
                Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
            }
        }

        foreach (var url in new[] { $"/communities/{community.Slug}/news/new", $"/communities/{community.Slug}/news/{item.Id}/edit" })
        {
            var response = await visitor.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }

        // A forged delete with the other leader's own form token: refused for this community…
        var ownForm = await otherLeader.GetAsync($"/communities/{other.Slug}/news/new");
        var forged = await otherLeader.SubmitAsync(ownForm, "form[data-form=news]", new Dictionary<string, string>(),
            $"/communities/{community.Slug}/news/{item.Id}/delete");
        Assert.Contains("/account/access-denied", forged.Headers.Location!.ToString());
        // …and the item is not found under the leader's own community either.
        var underOwn = await otherLeader.SubmitAsync(ownForm, "form[data-form=news]", new Dictionary<string, string>(),
            $"/communities/{other.Slug}/news/{item.Id}/delete");
        Assert.Equal(HttpStatusCode.NotFound, underOwn.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.News.AnyAsync(n => n.Id == item.Id)));
        Assert.Null((await otherLeader.GetAsync($"/news/{item.Id}")).QuerySelector($"a[href$='/news/{item.Id}/edit']"));
    }

    [Fact]
    public async Task An_organiser_may_edit_any_communitys_news_as_they_may_its_profile()
    {
        var community = await TestCommunities.CreateAsync(app, "Organizatora kopiena " + Mark(), "olaine");
        var item = await TestNews.CreateAsync(app, community.Id, "Kļūda virsrakstā");
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);

        await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/communities/{community.Slug}/news/{item.Id}/edit"), "form[data-form=news]",
            new Dictionary<string, string> { ["form.Title"] = "Bez kļūdas" });

        Assert.Equal("Bez kļūdas", await app.WithDbAsync(db => db.News.Where(n => n.Id == item.Id).Select(n => n.Title).SingleAsync()));
    }

    [Fact]
    public async Task News_of_a_community_that_is_not_published_is_not_public()
    {
        var community = await TestCommunities.CreateAsync(app, "Gaidošā kopiena " + Mark(), "olaine", status: CommunityStatus.Pending);
        var item = await TestNews.CreateAsync(app, community.Id, "Vēl neredzams");
        using var visitor = app.CreatePageClient("lv");

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/news/{item.Id}")).StatusCode);
        Assert.Null((await visitor.GetAsync($"/news?community={community.Slug}")).QuerySelector($"[data-news='{item.Id}']"));
    }

    [Fact]
    public async Task The_list_filters_by_novads_former_novads_parish_and_theme_newest_first()
    {
        var now = app.Clock.GetUtcNow();
        var mark = Mark();
        var babite = await TestCommunities.CreateAsync(app, "Babītes kopiena " + mark, "babites-pagasts", themes: ["culture"]);
        var sala = await TestCommunities.CreateAsync(app, "Salas kopiena " + mark, "salas-pagasts", themes: ["education"]);
        var olaine = await TestCommunities.CreateAsync(app, "Olaines kopiena " + mark, "olaines-pagasts", themes: ["culture"]);
        var older = await TestNews.CreateAsync(app, babite.Id, "Babītes vecāks " + mark, publishedAt: now.AddDays(-2));
        var newer = await TestNews.CreateAsync(app, babite.Id, "Babītes jaunāks " + mark, publishedAt: now.AddDays(-1));
        var inSala = await TestNews.CreateAsync(app, sala.Id, "Salas " + mark, publishedAt: now.AddHours(-3));
        var inOlaine = await TestNews.CreateAsync(app, olaine.Id, "Olaines " + mark, publishedAt: now.AddHours(-1));
        int[] ours = [older.Id, newer.Id, inSala.Id, inOlaine.Id];
        using var visitor = app.CreatePageClient("lv");

        async Task<int[]> Shown(string query) =>
            (await visitor.GetAsync("/news" + query)).QuerySelectorAll("[data-news]").Select(e => int.Parse(e.GetAttribute("data-news")!)).Where(ours.Contains).ToArray();

        Assert.Equal([inOlaine.Id, inSala.Id, newer.Id, older.Id], await Shown(""));
        Assert.Equal([inSala.Id, newer.Id, older.Id], await Shown("?novads=marupes-novads"));
        Assert.Equal([inSala.Id, newer.Id, older.Id], await Shown("?former=bijusais-babites-novads"));
        Assert.Equal([newer.Id, older.Id], await Shown("?place=babites-pagasts"));
        Assert.Equal([inOlaine.Id, newer.Id, older.Id], await Shown("?theme=culture"));
        Assert.Equal([newer.Id, older.Id], await Shown("?novads=marupes-novads&theme=culture"));
        Assert.Empty(await Shown("?novads=olaines-novads&theme=education"));
    }

    [Fact]
    public async Task A_long_list_is_counted_only_a_little_past_the_page_and_still_pages_on()
    {
        var mark = Mark();
        var community = await TestCommunities.CreateAsync(app, "Rakstītāju kopiena " + mark, "olaines-pagasts");
        // Years old, so that the other tests' news stay on the network list's first page.
        var first = await TestNews.CreateAsync(app, community.Id, "Pirmais " + mark, publishedAt: app.Clock.GetUtcNow().AddYears(-5));
        // As many again as the count goes, plus one: copies of the first, each a minute older.
        var copies = Kaimini.Web.Features.Shared.BoundedCount.AtLeast;
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO news_items (community_id, title, body, link, published_at, updated_at)
            SELECT community_id, title || ' ' || n, body, link, published_at - n * interval '1 minute', updated_at
            FROM news_items, generate_series(1, {copies}) AS n
            WHERE id = {first.Id}
            """));
        using var visitor = app.CreatePageClient("lv");

        var page = await visitor.GetAsync($"/news?community={community.Slug}");
        Assert.Equal("Vairāk nekā 1 000 jaunumu", page.QuerySelector("main p[role=status]")!.TextContent.Trim().Replace('\u00a0', ' '));
        Assert.Equal(20, page.QuerySelectorAll("[data-news]").Length);
        Assert.NotNull(page.QuerySelector("a[rel=next]"));

        // The last page counts exactly.
        var last = await visitor.GetAsync($"/news?community={community.Slug}&page={(copies + 1 + 19) / 20}");
        Assert.Single(last.QuerySelectorAll("[data-news]"));
        Assert.Null(last.QuerySelector("a[rel=next]"));
        Assert.Equal("1001 jaunums", last.QuerySelector("main p[role=status]")!.TextContent.Trim());
    }
}
