using System.ServiceModel.Syndication;
using System.Xml;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.News;

/// <summary>The Atom feeds parse as Atom and carry exactly the entries they should: the network's
/// news and events, a community's news and events, a territory's.</summary>
public class FeedTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static string Mark() => Guid.NewGuid().ToString("N")[..8];

    private async Task<SyndicationFeed> FeedAsync(string url)
    {
        using var client = app.CreatePageClient("lv");
        using var response = await client.Http.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream);
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), $"{url} is not an Atom feed");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    private static string[] Links(SyndicationFeed feed) => feed.Items.Select(i => i.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString()).ToArray();

    [Fact]
    public async Task A_communitys_feed_carries_exactly_its_news_and_its_events_newest_first_with_absolute_links()
    {
        var now = app.Clock.GetUtcNow();
        var community = await TestCommunities.CreateAsync(app, "Plūsmas kopiena " + Mark(), "olaine");
        var other = await TestCommunities.CreateAsync(app, "Cita plūsmas kopiena " + Mark(), "olaine");
        var first = await TestNews.CreateAsync(app, community.Id, "Pirmais jaunums", "Ar **treknu** tekstu.", publishedAt: now.AddDays(-3));
        var second = await TestNews.CreateAsync(app, community.Id, "Otrais jaunums", publishedAt: now.AddDays(-1));
        await TestNews.CreateAsync(app, other.Id, "Citas kopienas jaunums", publishedAt: now.AddDays(-2));
        var ev = await TestEvents.CreateAsync(app, "Kopienas pasākums " + Mark(), configure: e =>
        {
            e.Communities.Add(community);
            e.CreatedAt = now.AddDays(-2);
        });
        await TestEvents.CreateAsync(app, "Melnraksts " + Mark(), configure: e =>
        {
            e.Communities.Add(community);
            e.Status = EventStatus.Draft;
        });

        var feed = await FeedAsync($"/communities/{community.Slug}/feed");

        Assert.Equal(
            [$"http://kaimini.test/news/{second.Id}", $"http://kaimini.test/events/{ev.Slug}", $"http://kaimini.test/news/{first.Id}"],
            Links(feed));
        Assert.Equal($"http://kaimini.test/news/{first.Id}", feed.Items.Last().Id);
        Assert.Contains("<strong>treknu</strong>", ((TextSyndicationContent)feed.Items.Last().Content).Text);
        Assert.Equal(["news", "events", "news"], feed.Items.Select(i => i.Categories.Single().Name));
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == $"http://kaimini.test/communities/{community.Slug}/feed");
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri.ToString() == $"http://kaimini.test/communities/{community.Slug}");
    }

    [Fact]
    public async Task A_territorys_feed_carries_the_news_of_its_communities_and_the_events_held_in_it()
    {
        // Daugmales pagasts is this test's own in this class.
        var now = app.Clock.GetUtcNow();
        var inside = await TestCommunities.CreateAsync(app, "Daugmales kopiena " + Mark(), "daugmales-pagasts");
        var outside = await TestCommunities.CreateAsync(app, "Olaines kopiena " + Mark(), "olaine");
        var pending = await TestCommunities.CreateAsync(app, "Daugmales gaidošā " + Mark(), "daugmales-pagasts", status: CommunityStatus.Pending);
        var news = await TestNews.CreateAsync(app, inside.Id, "Daugmalē", publishedAt: now.AddHours(-5));
        await TestNews.CreateAsync(app, outside.Id, "Olainē", publishedAt: now.AddHours(-4));
        await TestNews.CreateAsync(app, pending.Id, "Vēl ne", publishedAt: now.AddHours(-3));
        var ev = await TestEvents.CreateAsync(app, "Daugmales pasākums " + Mark(), territory: "daugmales-pagasts", configure: e => e.CreatedAt = now.AddHours(-1));
        await TestEvents.CreateAsync(app, "Olaines pasākums " + Mark(), territory: "olaine");

        var feed = await FeedAsync("/territories/daugmales-pagasts/feed");

        Assert.Equal([$"http://kaimini.test/events/{ev.Slug}", $"http://kaimini.test/news/{news.Id}"], Links(feed));
        var novads = Links(await FeedAsync("/territories/kekavas-novads/feed"));
        Assert.Contains($"http://kaimini.test/news/{news.Id}", novads);
        Assert.Contains($"http://kaimini.test/events/{ev.Slug}", novads);
        Assert.DoesNotContain(Links(await FeedAsync("/territories/olaines-novads/feed")), l => l == $"http://kaimini.test/news/{news.Id}");
    }

    [Fact]
    public async Task The_networks_news_and_events_feeds_carry_news_and_events_only()
    {
        var community = await TestCommunities.CreateAsync(app, "Tīkla kopiena " + Mark(), "olaine");
        var news = await TestNews.CreateAsync(app, community.Id, "Tīkla jaunums");
        var ev = await TestEvents.CreateAsync(app, "Tīkla pasākums " + Mark());

        var newsFeed = await FeedAsync("/news/feed");
        var eventsFeed = await FeedAsync("/events/feed");

        Assert.Contains($"http://kaimini.test/news/{news.Id}", Links(newsFeed));
        Assert.All(newsFeed.Items, i => Assert.Equal("news", i.Categories.Single().Name));
        Assert.Contains($"http://kaimini.test/events/{ev.Slug}", Links(eventsFeed));
        Assert.All(eventsFeed.Items, i => Assert.Equal("events", i.Categories.Single().Name));
        Assert.Equal("Kaimiņu kopienu jaunumi", newsFeed.Title.Text);
        Assert.Equal("Kaimiņi", newsFeed.Authors.Single().Name);
    }

    [Fact]
    public async Task Pages_name_their_feeds_in_the_head()
    {
        var community = await TestCommunities.CreateAsync(app, "Galvas kopiena " + Mark(), "olaine");
        using var visitor = app.CreatePageClient("lv");

        foreach (var (page, feed) in new[]
        {
            ("/news", "/news/feed"),
            ("/events", "/events/feed"),
            ($"/communities/{community.Slug}", $"/communities/{community.Slug}/feed"),
            ("/territories/olaines-novads", "/territories/olaines-novads/feed"),
        })
        {
            var document = await visitor.GetAsync(page);
            Assert.NotNull(document.QuerySelector($"head link[rel=alternate][type='application/atom+xml'][href='{feed}']"));
        }

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await visitor.Http.GetAsync("/territories/olaines-novads-nav/feed")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Communities.AnyAsync(c => c.Id == community.Id)));
    }

    [Fact]
    public async Task The_cooperation_feed_carries_open_posts_and_a_communitys_feed_its_own()
    {
        var community = await TestCommunities.CreateAsync(app, "Sadarbības plūsmas kopiena " + Mark(), "baldone");
        var open = await Kaimini.Tests.Features.Cooperation.TestCooperation.CreateAsync(app, community, "Meklējam brīvprātīgos " + Mark());
        var expired = await Kaimini.Tests.Features.Cooperation.TestCooperation.CreateAsync(app, community, "Beidzies lūgums " + Mark());
        await app.WithDbAsync(db => db.CooperationPosts.Where(p => p.Id == expired.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ValidUntil, p => p.ValidUntil.AddDays(-60))));

        var network = Links(await FeedAsync("/cooperation/feed"));
        Assert.Contains($"http://kaimini.test/cooperation/{open.Id}", network);
        Assert.DoesNotContain($"http://kaimini.test/cooperation/{expired.Id}", network);

        var own = await FeedAsync($"/communities/{community.Slug}/feed");
        Assert.Contains($"http://kaimini.test/cooperation/{open.Id}", Links(own));
        Assert.DoesNotContain($"http://kaimini.test/cooperation/{expired.Id}", Links(own));
    }
}
