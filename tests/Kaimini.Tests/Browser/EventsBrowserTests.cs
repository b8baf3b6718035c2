using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Events;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>A resident finds a forum, signs up without an account, gets the mail and cancels through
/// its link; an organiser walks through the event tools. axe-core on every page, in both languages.</summary>
public partial class EventsBrowserTests(DirectoryBrowserTests.DemoServer server, BrowserFixture browser) : IClassFixture<DirectoryBrowserTests.DemoServer>
{
    [Theory]
    [InlineData("lv", "Pieteikums apstiprināts: Ideju skrejceļš Olainē")]
    [InlineData("en", "Registration confirmed: Ideju skrejceļš Olainē")]
    public async Task A_resident_finds_a_forum_signs_up_receives_the_mail_and_cancels_through_its_link(string culture, string subject)
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/?culture={culture}");
        await page.ClickAsync("header a[href='/events']");
        await Axe.AssertNoViolationsAsync(page);

        await page.SelectOptionAsync("#filter-kind", "Forum");
        await page.SelectOptionAsync("#filter-novads", "olaines-novads");
        await page.ClickAsync("main form[method=get] button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("kind=Forum"));
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync(".community-list a:has-text('Ideju skrejceļš Olainē')");
        Assert.Equal("Ideju skrejceļš Olainē", (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal(5, await page.Locator("main .agenda li").CountAsync());
        await Axe.AssertNoViolationsAsync(page);

        // By keyboard: the form is filled field by field and sent with Enter.
        var email = $"iedzivotaja-{culture}-{Guid.NewGuid():N}@example.lv";
        await page.FocusAsync("#form_Name");
        await page.Keyboard.TypeAsync("Inese Kalniņa");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(email);
        await page.SelectOptionAsync("#form_TerritoryId", new SelectOptionValue { Label = "Olaines pagasts" });
        await page.CheckAsync("#form_ListConsent");
        await page.FocusAsync("#form_Email");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[role=status]");
        await Axe.AssertNoViolationsAsync(page);
        // Listed only once the address is confirmed.
        Assert.DoesNotContain("Inese Kalniņa", await page.InnerTextAsync("main"));
        var eventUrl = page.Url;

        var mail = await server.Smtp.WaitForMessageAsync(email, m => m.Subject == subject);
        Assert.Single(mail.Attachments);
        var link = ManageLink().Match(mail.TextBody!).Groups[1].Value;
        await page.GotoAsync(link);
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main form[action$='/confirm'] button");
        await page.WaitForSelectorAsync("[role=status]");
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync(eventUrl);
        Assert.Contains("Inese Kalniņa", await page.InnerTextAsync("main"));
        await page.GotoAsync(link);
        await page.ClickAsync("main a[href$='/cancel']");
        await page.WaitForURLAsync(u => u.EndsWith("/cancel"), new() { WaitUntil = WaitUntilState.Commit });
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main form[action$='/cancel'] button");
        await Assertions.Expect(page.Locator("[role=status]")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        Assert.Equal(0, await page.Locator("main a[href$='/cancel']").CountAsync());

        await page.GotoAsync("/events/calendar");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main a[rel=next]");
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/events?past=true");
        Assert.Contains("Ideju skrejceļš 2025", await page.InnerTextAsync("main"));
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync(".community-list a:has-text('Ideju skrejceļš 2025')");
        Assert.Equal(1, await page.Locator("#outcome-heading").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task On_a_phone_the_month_is_a_list_of_days_whose_titles_wrap_between_words(string culture)
    {
        var day = TestDates.DaysAhead(server.Clock, 400);
        var ev = await TestEvents.CreateAsync(server, "Pašvaldības līdzdalības budžeta priekšlikumu apspriešana Baldonē",
            startsAt: TestDates.AtRiga(day, 18));
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/events/calendar?month={day:yyyy-MM}&culture={culture}");

        Assert.False(await page.Locator("main table.event-calendar").IsVisibleAsync());
        var link = page.Locator($"main .event-calendar-list a[href='/events/{ev.Slug}']");
        Assert.True(await link.IsVisibleAsync());
        // Nothing wider than the screen, and no word of the title split across lines: each word's
        // box is one line high.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        var split = await link.EvaluateAsync<int>("""
            a => {
              // Every text node: in English a Latvian title is in a <span lang="lv"> of its own.
              const range = document.createRange();
              const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
              let splitWords = 0;
              for (let text = walker.nextNode(); text; text = walker.nextNode()) {
                for (const word of text.data.matchAll(/\S+/g)) {
                  range.setStart(text, word.index); range.setEnd(text, word.index + word[0].length);
                  if (range.getClientRects().length > 1) splitWords++;
                }
              }
              return splitWords;
            }
            """);
        Assert.Equal(0, split);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("lv", "Pieteikties", "Jūsu pieteikums")]
    [InlineData("en", "Sign up", "Your registration")]
    public async Task On_a_phone_a_button_at_the_top_leads_to_the_form_and_the_person_sees_and_cancels_their_registration(string culture,
        string signUp, string mine)
    {
        var ev = await TestEvents.CreateAsync(server, "Ideju skrejceļš Baložos", capacity: 30, startsAt: server.Clock.GetUtcNow().AddDays(40),
            configure: e => e.Description = string.Join("\n\n", Enumerable.Repeat("Forumā runāsim par apkaimes vajadzībām un idejām.", 12)));
        var user = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("phone"), culture: culture);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, user, culture);
        async Task FitsAndPassesAxe()
        {
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), $"{page.Url} is wider than the phone");
            await Axe.AssertNoViolationsAsync(page);
        }

        await page.GotoAsync($"/events/{ev.Slug}");
        await FitsAndPassesAxe();
        var top = page.Locator("main a[href='#signup']");
        await Assertions.Expect(top).ToHaveTextAsync(signUp);
        Assert.False(await page.Locator("#form_Name").IsVisibleAsync() && await page.Locator("#form_Name").EvaluateAsync<bool>("e => e.getBoundingClientRect().top < innerHeight"));
        await top.ClickAsync();
        await Assertions.Expect(page.Locator("#form_Name")).ToBeInViewportAsync();
        // The organisation field only for NGO representatives (script), with the required marks shown.
        await Assertions.Expect(page.Locator("#ngo-field")).ToBeHiddenAsync();
        await page.SelectOptionAsync("#form_ParticipantType", "NgoRepresentative");
        await Assertions.Expect(page.Locator("#form_CommunityName")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#form_ParticipantType", "Resident");
        await Assertions.Expect(page.Locator("#ngo-field")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("label[for=form_Name] .required-mark")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#form_TerritoryId", HomeTerritory.Elsewhere.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("main form[action$='/sign-up'] button[type=submit]");
        await Assertions.Expect(page.Locator("[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(top).ToHaveTextAsync(mine);
        await Assertions.Expect(page.Locator("main [data-my-registration]")).ToBeAttachedAsync();
        await FitsAndPassesAxe();

        await page.GotoAsync("/account/registrations");
        await Assertions.Expect(page.Locator("main [data-list=coming]")).ToContainTextAsync("Ideju skrejceļš Baložos");
        await FitsAndPassesAxe();
        await page.ClickAsync($"main [data-list=coming] a[href^='/account/registrations/']");
        await page.WaitForURLAsync(u => u.Contains("/account/registrations/"), new() { WaitUntil = WaitUntilState.Commit });
        await FitsAndPassesAxe();
        await page.ClickAsync("main a[href$='/cancel']");
        await page.WaitForURLAsync(u => u.EndsWith("/cancel"), new() { WaitUntil = WaitUntilState.Commit });
        await FitsAndPassesAxe();
        await page.ClickAsync("main form[action$='/cancel'] button");
        await Assertions.Expect(page.Locator("[role=status]")).ToBeVisibleAsync();
        await page.GotoAsync($"/events/{ev.Slug}");
        await Assertions.Expect(page.Locator("main form[action$='/sign-up']")).ToBeAttachedAsync();
    }

    [Theory]
    [InlineData("lv-LV")]
    [InlineData("en-GB")]
    public async Task An_organiser_creates_a_forum_and_every_tool_page_passes_axe(string locale)
    {
        var organiser = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-events"), Roles.Organiser);
        await using var context = await browser.NewContextAsync(server.BaseUrl, locale);
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, organiser);

        await page.GotoAsync("/admin/events");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main a[href='/admin/events/new']");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main form button[type=submit]:not([name=find])");
        Assert.Equal(1, await page.Locator("[role=alert]").CountAsync());
        await Axe.AssertNoViolationsAsync(page);

        var title = $"Forums {locale} {Guid.NewGuid():N}"[..24];
        await page.FillAsync("#form_Title", title);
        var day = TestDates.DaysAhead(server.Clock, 90);
        await page.FillAsync("#form_StartsAt", TestDates.Field(day, 10));
        await page.FillAsync("#form_EndsAt", TestDates.Field(day, 14));
        await page.FillAsync("#form_Venue", "Baldones mūzikas skola");
        await page.SelectOptionAsync("#form_TerritoryId", new SelectOptionValue { Label = "Baldone, Ķekavas novads" });
        await page.FillAsync("#form_Capacity", "40");
        await page.FillAsync("#form_Agenda_0__Time", "10.00");
        await page.FillAsync("#form_Agenda_0__Title", "Reģistrācija");
        await page.CheckAsync("#form_Publish");
        await page.ClickAsync("main form button[type=submit]:not([name=find])");
        await page.WaitForURLAsync(u => u.Contains("/events/forums-"));
        Assert.Equal(5, await page.Locator("main a[href*='/ideas/new?forum=']").CountAsync());
        await Axe.AssertNoViolationsAsync(page);

        await page.ClickAsync("main a[href$='/edit']");
        Assert.Equal(TestDates.Field(day, 10), await page.InputValueAsync("#form_StartsAt"));
        await Axe.AssertNoViolationsAsync(page);
        var slug = Regex.Match(page.Url, "/admin/events/([^/]+)/edit").Groups[1].Value;
        foreach (var tool in new[] { "registrations", "check-in", "invite", "message", "outcome", "cancel" })
        {
            await page.GotoAsync($"/admin/events/{slug}/{tool}");
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            await Axe.AssertNoViolationsAsync(page);
        }

        await page.GotoAsync($"/admin/events/new?copy={slug}");
        Assert.Equal("Baldones mūzikas skola", await page.InputValueAsync("#form_Venue"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [GeneratedRegex(@"https?://[^/\s]+(/events/registrations/[A-Za-z0-9_-]+)")]
    private static partial Regex ManageLink();
}
