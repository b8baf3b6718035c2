using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>The maps in Chromium (tiles refused at once: the test server's tile address answers
/// nothing): a marker per listed item, reachable by keyboard with the item's link in its popup, axe in
/// both languages; on the event form a click on the map fills the point's fields.</summary>
public class MapBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv-LV")]
    [InlineData("en-GB")]
    public async Task The_directory_map_has_a_marker_per_listed_community_reachable_by_keyboard(string locale)
    {
        var tag = "kartē" + Guid.NewGuid().ToString("N")[..6];
        var community = await TestCommunities.CreateAsync(server, $"{tag} biedrība", "baldone");
        await TestCommunities.CreateAsync(server, $"{tag} kopiena", "olaine");
        await using var context = await browser.NewContextAsync(server.BaseUrl, locale: locale);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/communities?q={tag}");

        await Assertions.Expect(page.Locator(".leaflet-marker-icon")).ToHaveCountAsync(2);
        await Axe.AssertNoViolationsAsync(page);
        var marker = page.Locator($".leaflet-marker-icon[title='{tag} biedrība']");
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var link = page.Locator($".leaflet-popup a[href='/communities/{community.Slug}']");
        await Assertions.Expect(link).ToHaveTextAsync($"{tag} biedrība");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/events");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_click_on_the_event_forms_map_fills_the_venues_point()
    {
        var organiser = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-map-organiser"), Roles.Organiser);
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, organiser);

        await page.GotoAsync("/admin/events/new");
        Assert.Equal("", await page.InputValueAsync("#form_Latitude"));
        await page.Locator("[data-map-picker]").ClickAsync();

        var lat = decimal.Parse(await page.InputValueAsync("#form_Latitude"), System.Globalization.CultureInfo.InvariantCulture);
        var lng = decimal.Parse(await page.InputValueAsync("#form_Longitude"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(GeoPoint.IsInLatvia(lat, lng), $"{lat}, {lng}");
        await Assertions.Expect(page.Locator("[data-map-picker] .leaflet-marker-icon")).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(page);
    }
}
