using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;

namespace Kaimini.Tests.Features.Communities;

/// <summary>Community and territory pages lead on to what happens there: coming events and the latest
/// ideas. Each test works in a parish of its own.</summary>
public class WhatsOnTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static string[] Titles(AngleSharp.Dom.IDocument page, string part) =>
        page.QuerySelectorAll($"main [data-whats-on={part}] li a").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public async Task A_community_page_shows_its_own_events_anywhere_and_what_happens_in_its_parish()
    {
        var community = await TestCommunities.CreateAsync(app, "Sīpolciema kaimiņi", "sipolciems");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var own = await TestEvents.CreateAsync(app, $"Kopienas pārgājiens {tag}", territory: "olaine", configure: e => e.Communities.Add(community));
        var inParish = await TestEvents.CreateAsync(app, $"Salas pagasta talka {tag}", territory: "salas-pagasts");
        await TestEvents.CreateAsync(app, $"Pagājusī talka {tag}", territory: "salas-pagasts", startsAt: app.Clock.GetUtcNow().AddDays(-20));
        await TestEvents.CreateAsync(app, $"Citur notiekošs {tag}", territory: "daugmales-pagasts");
        var idea = await TestIdeas.CreateAsync(app, $"Laipa pār grāvi {tag}", territorySlug: "kagi");
        await TestIdeas.CreateAsync(app, $"Slēpta ideja {tag}", territorySlug: "kagi", status: IdeaStatus.Hidden);
        using var client = app.CreatePageClient("lv");

        var page = await client.GetAsync($"/communities/{community.Slug}");

        Assert.Equal([own.Title, inParish.Title], Titles(page, "events").Where(t => t.EndsWith(tag)).ToArray());
        Assert.Equal([idea.Title], Titles(page, "ideas").Where(t => t.EndsWith(tag)).ToArray());
        Assert.NotNull(page.QuerySelector("main [data-whats-on=events] a[href='/events?novads=marupes-novads']"));
        Assert.NotNull(page.QuerySelector($"main [data-whats-on=ideas] a[href='/ideas/{idea.Id}']"));
    }

    [Fact]
    public async Task A_parish_page_shows_the_coming_events_held_in_it_and_the_ideas_about_its_villages()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var held = await TestEvents.CreateAsync(app, $"Daugmales svētki {tag}", territory: "daugmales-pagasts");
        var idea = await TestIdeas.CreateAsync(app, $"Laivu piestātne {tag}", territorySlug: "daugmales-pagasts");
        using var client = app.CreatePageClient("en");

        var page = await client.GetAsync("/territories/daugmales-pagasts");

        Assert.Contains(held.Title, Titles(page, "events"));
        Assert.Contains(idea.Title, Titles(page, "ideas"));
        Assert.DoesNotContain(Titles(page, "events"), t => t.StartsWith("Kopienas pārgājiens"));
        Assert.Equal("Coming events", page.QuerySelector("#coming-events-heading")!.TextContent);
        Assert.NotNull(page.QuerySelector("main [data-whats-on=ideas] a[href='/ideas?novads=kekavas-novads']"));
    }
}
