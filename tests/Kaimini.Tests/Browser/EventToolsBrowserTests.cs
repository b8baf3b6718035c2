using Kaimini.Tests.Features.Privacy;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>An organiser at a 1280 px screen reads the registrations table with every word whole
/// (long e-mail addresses, statuses, the cancel button), and at the door narrows the check-in list
/// by typing a name. axe-core on each page, in both languages.</summary>
public class EventToolsBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv-LV")]
    [InlineData("en-GB")]
    public async Task At_1280_px_no_word_in_the_registrations_table_splits_and_typing_a_name_narrows_the_check_in_list(string locale)
    {
        var ev = await TestEvents.CreateAsync(server, $"Pieredzes apmaiņas brauciens {locale}", capacity: 2, startsAt: server.Clock.GetUtcNow().AddHours(-1));
        var ilze = await TestRegistrations.AddAsync(server, ev, $"ilze.kalnina-berzina.{Guid.NewGuid():N}@kekavas-novada-kopienu-biedriba.example.lv",
            "Ilze Kalniņa-Bērziņa", needs: "Vajadzīga vieta ratiņkrēslam un zīmju valodas tulks");
        var janis = await TestRegistrations.AddAsync(server, ev, $"janis.ozolins.{Guid.NewGuid():N}@example.lv", "Jānis Ozoliņš");
        await TestRegistrations.AddAsync(server, ev, $"dace.liepina.{Guid.NewGuid():N}@example.lv", "Dace Liepiņa", RegistrationStatus.Waitlisted);
        await TestRegistrations.AddAsync(server, ev, $"peteris.berzins.{Guid.NewGuid():N}@example.lv", "Pēteris Bērziņš", RegistrationStatus.Cancelled);
        var organiser = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-tables"), Roles.Organiser);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, organiser);

        await page.GotoAsync($"/admin/events/{ev.Slug}/registrations");
        await Assertions.Expect(page.Locator("main table tbody tr")).ToHaveCountAsync(4);
        Assert.Empty(await Layout.SplitWordsAsync(page.Locator("main table")));
        Assert.Empty(await Layout.WiderThanViewportAsync(page));
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/admin/events/{ev.Slug}/check-in");
        await page.FillAsync("#check-in-q", "kalnina");
        await Assertions.Expect(page.Locator($"#r-{janis.Id}")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator($"#r-{ilze.Id}")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-check-in-shown]")).ToHaveTextAsync(locale == "lv-LV" ? "Atrasti: 1 no 2." : "Found: 1 of 2.");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#check-in-q", "");
        await Assertions.Expect(page.Locator($"#r-{janis.Id}")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("lv-LV")]
    [InlineData("en-GB")]
    public async Task An_event_invitation_list_goes_to_the_background_and_its_page_follows_it_to_the_end(string locale)
    {
        var ev = await TestEvents.CreateAsync(server, $"Kaimiņu forums {locale}", capacity: 50, startsAt: server.Clock.GetUtcNow().AddDays(10));
        var organiser = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-bulk"), Roles.Organiser);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = locale });
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, organiser);

        await page.GotoAsync($"/admin/events/{ev.Slug}/invite");
        await Axe.AssertNoViolationsAsync(page);
        var addresses = Enumerable.Range(0, 3).Select(i => TestUsers.UniqueEmail($"browser-bulk-{i}")).ToList();
        await page.FillAsync("#form_Emails", string.Join("\n", addresses));
        await page.ClickAsync("main form button[type=submit]");

        // The request only stores the list; the page's script follows the worker until all three are written.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/admin/events/{ev.Slug}/sends/[0-9a-f-]{{36}}$"));
        await Assertions.Expect(page.Locator("[data-state=finished]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-count=processed]")).ToHaveTextAsync("3");
        Assert.Empty(await Layout.WiderThanViewportAsync(page));
        await Axe.AssertNoViolationsAsync(page);
    }
}
