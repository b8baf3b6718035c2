using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Data.Seed;
using Kaimini.Web.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>A resident finds ideas without typing diacritics, reads one, looks at the forums and
/// submits an idea to a forum's group with the keyboard only; axe-core on every page, in both
/// languages, and every page has one h1.</summary>
public partial class IdeasBrowserTests(IdeasBrowserTests.DemoServer server, BrowserFixture browser) : IClassFixture<IdeasBrowserTests.DemoServer>
{
    [Theory]
    [InlineData("lv", "Ideas", "Idejas")]
    [InlineData("en", "Ideas", "Ideas")]
    public async Task A_resident_searches_reads_an_idea_visits_the_forums_and_submits_an_idea_by_keyboard(string culture, string _, string heading)
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/?culture={culture}");
        await page.ClickAsync("header a[href='/ideas']");
        Assert.Equal(heading, (await page.InnerTextAsync("h1")).Trim());
        await CheckAsync(page);

        await page.FillAsync("#q", "celins staciju");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync(u => u.Contains("q=celins"));
        await CheckAsync(page);
        await page.ClickAsync(".idea-list a:text('Gājēju celiņš no Jaunolaines līdz stacijai')");
        Assert.Equal("Gājēju celiņš no Jaunolaines līdz stacijai", (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal(1, await page.Locator(".idea-answer").CountAsync());
        await CheckAsync(page);

        await page.GotoAsync("/forums");
        await CheckAsync(page);
        await page.ClickAsync($"main a[href='/forums/{server.ForumSlug}']");
        await CheckAsync(page);
        await page.ClickAsync($"main a[href='/ideas/new?forum={server.ForumSlug}&group={server.CommunitiesGroupId}']");
        await page.WaitForURLAsync(u => u.Contains("/ideas/new"));
        await CheckAsync(page);

        // Keyboard only: Enter on the submit button with nothing filled in shows the errors, focused.
        await page.FocusAsync("main form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[role=alert]");
        Assert.Equal("alert", await page.EvaluateAsync<string>("document.activeElement.getAttribute('role')"));
        await CheckAsync(page);

        var title = culture == "en" ? "Community garden by the school" : "Kopienas dārzs pie skolas";
        var email = $"browser-idea-{culture}-{Guid.NewGuid():N}@example.lv";
        await page.FocusAsync("#kind-Need");
        await page.Keyboard.PressAsync("Space");
        await page.FocusAsync("#form_Title");
        await page.Keyboard.TypeAsync(title);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Skolas pagalmā ir vieta dobēm, ko kopā kopt kaimiņiem un skolēniem.");
        await page.FocusAsync("#addressee-Residents");
        await page.Keyboard.PressAsync("Space");
        await page.FocusAsync("#form_TerritoryId");
        await page.SelectOptionAsync("#form_TerritoryId", new SelectOptionValue { Label = "Olaine" });
        await page.FocusAsync("#form_Name");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Anna Dārziņa");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("/ideas/check-email"));
        await CheckAsync(page);

        var mail = await server.Smtp.WaitForMessageAsync(email);
        await page.GotoAsync(new Uri(ConfirmLink().Match(mail.TextBody!).Value).PathAndQuery);
        await CheckAsync(page);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("[role=status]");
        Assert.Equal(title, (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal(1, await page.Locator("[role=status]").CountAsync());
        Assert.Contains(culture == "en" ? "Residents' communities" : "Iedzīvotāju kopienas", await page.InnerTextAsync("main"));
        await CheckAsync(page);
    }

    private static async Task CheckAsync(IPage page)
    {
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }

    [GeneratedRegex(@"https?://[^\s]+/ideas/confirm/[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();

    public sealed class DemoServer : KaiminiServer
    {
        public string ForumSlug { get; private set; } = "";

        /// <summary>The forum's fifth group, „Iedzīvotāju kopienas”.</summary>
        public int CommunitiesGroupId { get; private set; }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            // A forum with its five groups first, so the demo ideas land in them.
            var forum = await TestIdeas.CreateForumAsync(this, "Ideju skrejceļš Olainē", "olaine");
            ForumSlug = forum.Slug;
            CommunitiesGroupId = forum.Groups.Single(g => g.Position == 5).Id;
            await WithScopeAsync(s => s.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None));
        }
    }
}
