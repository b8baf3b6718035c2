using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>A municipality employee finds an idea addressed to their novads in the list, answers it
/// by keyboard (refused once: a decline needs its reason, and what was typed stays), and the answer
/// shows, signed by the municipality; axe-core on every page, in both languages.</summary>
public class MunicipalityAnswerBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv-LV", "Atbilde publicēta", "Olaines novada pašvaldība")]
    [InlineData("en-GB", "The answer is published", "Olaines novada pašvaldība")]
    public async Task Staff_answer_an_idea_of_their_novads_by_keyboard(string locale, string published, string signature)
    {
        var staff = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-staff"), Roles.MunicipalityStaff,
            locale[..2], novadsSlug: "olaines-novads");
        var title = $"Gājēju pāreja {Guid.NewGuid():N}"[..24];
        var idea = await TestIdeas.CreateAsync(server, title, createdAt: server.Clock.GetUtcNow().AddDays(-2));
        await using var context = await browser.NewContextAsync(server.BaseUrl, locale);
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, staff);

        await page.GotoAsync($"/municipality/ideas?q={Uri.EscapeDataString(title)}");
        await CheckAsync(page);
        await page.ClickAsync($"main a[href='/municipality/ideas/{idea.Id}']");
        await page.WaitForURLAsync(u => u.EndsWith($"/municipality/ideas/{idea.Id}", StringComparison.Ordinal));
        await CheckAsync(page);

        // A decline without its reason: refused, the choice and the text kept, the errors focused.
        await page.FocusAsync("#form_Response");
        await page.SelectOptionAsync("#form_Response", nameof(IdeaResponse.Declined));
        await page.FocusAsync("#form_Reply");
        await page.Keyboard.TypeAsync("Nē.");
        await page.FocusAsync("main form[action$='/answer'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[role=alert]");
        Assert.Equal("alert", await page.EvaluateAsync<string>("document.activeElement.getAttribute('role')"));
        Assert.Equal(nameof(IdeaResponse.Declined), await page.InputValueAsync("#form_Response"));
        Assert.Equal("Nē.", await page.InputValueAsync("#form_Reply"));
        await CheckAsync(page);

        await page.FocusAsync("#form_Reply");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync(" Šajā vietā pāreja nav atļauta, jo ceļam ir četras joslas; tuvākā ir 200 m tālāk.");
        await page.FocusAsync("main form[action$='/answer'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[role=status]");
        Assert.Contains(published, await page.InnerTextAsync("[role=status]"));
        await CheckAsync(page);

        await page.GotoAsync($"/ideas/{idea.Id}");
        Assert.Contains(signature, await page.InnerTextAsync(".idea-answer"));
        await CheckAsync(page);
        Assert.Equal(IdeaResponse.Declined, await server.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea.Id).Select(i => i.Response).SingleAsync()));
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }
}
