using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>An organiser types in a forum's paper ideas one after another (the title has the focus
/// after each save) and marks one implemented, refused once for a day in the future; axe-core on
/// every page, in both languages, and every page has one h1.</summary>
public class IdeaOutcomesBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv-LV", "Saglabāta ideja", "Ideja īstenota")]
    [InlineData("en-GB", "Saved:", "The idea was implemented")]
    public async Task An_organiser_enters_paper_ideas_by_keyboard_and_marks_one_implemented(string locale, string saved, string implemented)
    {
        var organiser = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-paper"), Roles.Organiser);
        var forum = await TestIdeas.CreateForumAsync(server, $"Ideju skrejceļš {locale} {Guid.NewGuid():N}"[..30]);
        await using var context = await browser.NewContextAsync(server.BaseUrl, locale);
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, organiser);

        await page.GotoAsync($"/admin/events/{forum.Slug}/edit");
        await page.ClickAsync($"main a[href='/admin/events/{forum.Slug}/ideas']");
        await page.WaitForURLAsync(u => u.EndsWith("/ideas", StringComparison.Ordinal));
        await CheckAsync(page);
        Assert.Equal("form_Title", await ActiveIdAsync(page));

        // An empty save: the errors, focused.
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("[role=alert]");
        Assert.Equal("alert", await page.EvaluateAsync<string>("document.activeElement.getAttribute('role')"));
        await CheckAsync(page);

        await page.SelectOptionAsync("#form_ForumGroupId", new SelectOptionValue { Index = 3 });
        foreach (var title in new[] { "Skeitparks pie skolas", "Dziesmu vakars parkā" })
        {
            await page.FocusAsync("#form_Title");
            await page.Keyboard.TypeAsync(title);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("Uzrakstīts uz lapiņas.");
            await page.FocusAsync("#addressee-Municipality");
            await page.Keyboard.PressAsync("Space");
            await page.FocusAsync("main form button[type=submit]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync($"#saved-idea:has-text('{title}')");
            Assert.Contains(saved, await page.InnerTextAsync("#saved-idea"));
            Assert.Equal("form_Title", await ActiveIdAsync(page));
            Assert.Equal("", await page.InputValueAsync("#form_Title"));
            await CheckAsync(page);
        }

        Assert.Equal(2, await page.Locator("table[data-table=entered] tbody tr").CountAsync());
        await page.ClickAsync("table[data-table=entered] a:text('Skeitparks pie skolas')");
        await page.WaitForSelectorAsync("main a[href$='/implemented']");
        await CheckAsync(page);

        await page.ClickAsync("main a[href$='/implemented']");
        await page.WaitForURLAsync(u => u.EndsWith("/implemented", StringComparison.Ordinal));
        await CheckAsync(page);
        await page.FillAsync("#form_On", $"{TestDates.DaysAhead(server.Clock, 2):yyyy-MM-dd}");
        await page.ClickAsync("main form[action$='/implemented'] button[type=submit]");
        await page.WaitForSelectorAsync("[role=alert]");
        Assert.Equal("true", await page.GetAttributeAsync("#form_On", "aria-invalid"));
        await CheckAsync(page);

        await page.FillAsync("#form_On", $"{TestDates.DaysAhead(server.Clock, 0):yyyy-MM-dd}");
        await page.CheckAsync("#by-Residents");
        await page.ClickAsync("main form[action$='/implemented'] button[type=submit]");
        await page.WaitForSelectorAsync(".idea-implemented");
        Assert.Contains(implemented, await page.InnerTextAsync(".idea-implemented"));
        await CheckAsync(page);
    }

    private static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("document.activeElement.id");

    private static async Task CheckAsync(IPage page)
    {
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }
}
