using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Web;

/// <summary>The maps beside the directory and the events: each listed item carries its point (its own,
/// or its place's), the map only shows what the list has, and the content security policy lets images
/// come from the tile server alone. With tiles off the pages are the lists, nothing else.</summary>
public class MapTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private async Task<GeoPoint> PlacePointAsync(string slug) =>
        await app.WithDbAsync(db => db.Territories.Where(t => t.Slug == slug).Select(t => new GeoPoint(t.Latitude!.Value, t.Longitude!.Value)).SingleAsync());

    [Fact]
    public async Task Listed_communities_and_events_carry_their_own_point_or_their_places_beside_a_map()
    {
        var tag = "karte" + Guid.NewGuid().ToString("N")[..6];
        var placed = await TestCommunities.CreateAsync(app, $"{tag} ar punktu", "olaine");
        await app.WithDbAsync(db => db.Communities.Where(c => c.Id == placed.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Latitude, 56.78512m).SetProperty(c => c.Longitude, 23.94101m)));
        var unplaced = await TestCommunities.CreateAsync(app, $"{tag} bez punkta", "olaine");
        var olaine = await PlacePointAsync("olaine");

        using var client = app.CreatePageClient("lv");
        await app.ForgetCachedPagesAsync();
        var directory = await client.GetAsync($"/communities?q={tag}");

        Assert.NotNull(directory.QuerySelector("[role=region][data-map-for='community-results']"));
        var items = directory.QuerySelectorAll("#community-results > li").ToDictionary(li => li.GetAttribute("data-href")!);
        Assert.Equal(2, items.Count);
        var own = items[$"/communities/{placed.Slug}"];
        Assert.Equal(("56.78512", "23.94101"), (own.GetAttribute("data-lat"), own.GetAttribute("data-lng")));
        Assert.Equal($"{tag} ar punktu", own.GetAttribute("data-title"));
        var place = items[$"/communities/{unplaced.Slug}"];
        Assert.Equal((olaine.LatitudeText, olaine.LongitudeText), (place.GetAttribute("data-lat"), place.GetAttribute("data-lng")));

        // The soonest event of all, so that it is on the first page.
        var ev = await TestEvents.CreateAsync(app, $"{tag} pasākums", startsAt: app.Clock.GetUtcNow().AddMinutes(5),
            configure: e => (e.Latitude, e.Longitude) = (56.79001m, 23.93702m));
        var events = await client.GetAsync("/events");
        Assert.NotNull(events.QuerySelector("[role=region][data-map-for='event-results']"));
        var item = events.QuerySelector($"#event-results > li[data-href='/events/{ev.Slug}']")!;
        Assert.Equal(("56.79001", "23.93702"), (item.GetAttribute("data-lat"), item.GetAttribute("data-lng")));
    }

    [Fact]
    public async Task Images_may_come_from_the_tile_server_and_nowhere_else()
    {
        using var response = await app.CreateClient().GetAsync("/communities");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("img-src 'self' data: http://127.0.0.1:9;", policy);
        Assert.Contains("script-src 'self';", policy);
    }

    [Fact]
    public async Task A_venue_point_is_typed_with_either_decimal_mark_and_a_half_or_foreign_one_is_refused_with_the_input_kept()
    {
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var form = await organiser.GetAsync("/admin/events/new");
        Assert.NotNull(form.QuerySelector("[data-map-picker][data-lat-field='form_Latitude'][data-lng-field='form_Longitude']"));
        var title = "Kartes pasākums " + Guid.NewGuid().ToString("N")[..6];
        var values = new Dictionary<string, string>
        {
            ["form.Title"] = title,
            ["form.Kind"] = "CommunityEvent",
            ["form.StartsAt"] = TestDates.Field(TestDates.DaysAhead(app.Clock, 20), 10),
            ["form.EndsAt"] = TestDates.Field(TestDates.DaysAhead(app.Clock, 20), 12),
            ["form.Venue"] = "Olaines parks",
            ["form.TerritoryId"] = (await app.WithDbAsync(db => db.Territories.Where(t => t.Slug == "olaine").Select(t => t.Id).SingleAsync())).ToString(),
            ["form.Latitude"] = "56,7851",
            ["form.Longitude"] = "",
        };

        var refused = await organiser.SubmitExpectingPageAsync(form, "main form", values);
        Assert.Equal("Ierakstiet gan platumu, gan garumu vai atstājiet abus tukšus.", refused.QuerySelector("#form_Latitude-error")!.TextContent);
        Assert.Equal("56,7851", refused.QuerySelector("#form_Latitude")!.GetAttribute("value"));

        values["form.Longitude"] = "56,9";
        values["form.Latitude"] = "24,1";
        refused = await organiser.SubmitExpectingPageAsync(refused, "main form", values);
        Assert.StartsWith("Punkts ir ārpus Latvijas", refused.QuerySelector("#form_Latitude-error")!.TextContent);

        values["form.Latitude"] = "56,7851";
        values["form.Longitude"] = "23.941013";
        await organiser.SubmitAndFollowAsync(refused, "main form", values);

        var stored = await app.WithDbAsync(db => db.Events.Where(e => e.Title == title).Select(e => new { e.Latitude, e.Longitude }).SingleAsync());
        Assert.Equal((56.7851m, 23.94101m), (stored.Latitude!.Value, stored.Longitude!.Value));
    }

    [Fact]
    public async Task A_leader_puts_the_community_on_the_map_from_its_edit_form()
    {
        var (leader, user) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Kartes biedrība " + Guid.NewGuid().ToString("N")[..6], "olaine", themes: ["culture"], leaderId: user.Id);
        var form = await leader.GetAsync($"/communities/{community.Slug}/edit");
        Assert.NotNull(form.QuerySelector("[data-map-picker][data-lat-field='form_Latitude']"));

        var refused = await leader.SubmitExpectingPageAsync(form, "main form", new Dictionary<string, string> { ["form.LegalForm"] = "InformalGroup", ["form.Latitude"] = "56,8", ["form.Longitude"] = "" });
        Assert.Equal("Ierakstiet gan platumu, gan garumu vai atstājiet abus tukšus.", refused.QuerySelector("#form_Latitude-error")!.TextContent);

        await leader.SubmitAndFollowAsync(refused, "main form", new Dictionary<string, string> { ["form.LegalForm"] = "InformalGroup", ["form.Latitude"] = "56,78512", ["form.Longitude"] = "23,94101" });
        var stored = await app.WithDbAsync(db => db.Communities.Where(c => c.Id == community.Id).Select(c => new { c.Latitude, c.Longitude }).SingleAsync());
        Assert.Equal((56.78512m, 23.94101m), (stored.Latitude!.Value, stored.Longitude!.Value));

        // Emptied again: the map shows it at its place.
        var edit = await leader.GetAsync($"/communities/{community.Slug}/edit");
        Assert.Equal("56.78512", edit.QuerySelector("#form_Latitude")!.GetAttribute("value"));
        await leader.SubmitAndFollowAsync(edit, "main form", new Dictionary<string, string> { ["form.LegalForm"] = "InformalGroup", ["form.Latitude"] = "", ["form.Longitude"] = "" });
        Assert.Null(await app.WithDbAsync(db => db.Communities.Where(c => c.Id == community.Id).Select(c => c.Latitude).SingleAsync()));
    }
}

/// <summary>Tiles off (<c>Map:TileUrl</c> empty): no map, no map script, no tile host in the policy; the
/// lists are whole.</summary>
public class MapOffTests(MapOffTests.NoTilesApp app) : IClassFixture<MapOffTests.NoTilesApp>
{
    public sealed class NoTilesApp : KaiminiApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Map:TileUrl"] = "" };
    }

    [Theory]
    [InlineData("/communities", "#community-results > li")]
    [InlineData("/events", "#event-results > li")]
    public async Task Without_tiles_the_page_is_its_list(string url, string items)
    {
        await TestCommunities.CreateAsync(app, "Bezkartes biedrība " + Guid.NewGuid().ToString("N")[..6], "olaine");
        await TestEvents.CreateAsync(app, "Bezkartes pasākums " + Guid.NewGuid().ToString("N")[..6]);
        using var client = app.CreatePageClient("lv");
        await app.ForgetCachedPagesAsync();

        var page = await client.GetAsync(url);

        Assert.NotEmpty(page.QuerySelectorAll(items));
        Assert.Null(page.QuerySelector("[data-map-for]"));
        Assert.DoesNotContain(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.Contains("leaflet"));
        using var response = await app.CreateClient().GetAsync(url);
        Assert.Contains("img-src 'self' data:;", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
