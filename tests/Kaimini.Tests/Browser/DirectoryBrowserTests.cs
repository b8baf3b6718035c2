using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Data.Seed;
using Kaimini.Web.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>A resident finds a community by typing without diacritics and writes to it; a leader
/// registers one; an organiser approves it. axe-core on every page, in both languages.</summary>
public class DirectoryBrowserTests(DirectoryBrowserTests.DemoServer server, BrowserFixture browser) : IClassFixture<DirectoryBrowserTests.DemoServer>
{
    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task A_resident_searches_kekava_filters_by_former_Baldone_opens_a_community_and_writes_to_it(string culture)
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/?culture={culture}");
        await page.ClickAsync("header a[href='/communities']");
        await Axe.AssertNoViolationsAsync(page);

        await page.FillAsync("#q", "kekava");
        await page.ClickAsync("main form[role=search] button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("q=kekava"));
        Assert.Contains("Ķekavas kultūrvēsturiskā mantojuma biedrība", await page.InnerTextAsync("main"));
        await Axe.AssertNoViolationsAsync(page);

        await page.FillAsync("#q", "");
        await page.SelectOptionAsync("#former", "bijusais-baldones-novads");
        await page.ClickAsync("main form[role=search] button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("former=bijusais-baldones-novads"));
        Assert.Equal(5, await page.Locator(".community-list .card").CountAsync());

        await page.ClickAsync(".community-list a:text('Baldones kūrorta attīstības biedrība')");
        Assert.Equal("Baldones kūrorta attīstības biedrība", (await page.InnerTextAsync("h1")).Trim());
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main a[href$='/contact']");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#contact_Name", "Ilze Ozola");
        await page.FillAsync("#contact_Email", $"ilze-{culture}@example.lv");
        await page.FillAsync("#contact_Message", "Labdien! Kad notiks nākamā talka?");
        await page.ClickAsync("main form[action$='/contact'] button[type=submit]");
        Assert.Equal(1, await page.Locator("[role=status]").CountAsync());
        await Axe.AssertNoViolationsAsync(page);

        var mail = await server.Smtp.WaitForMessageAsync("kopiena24@kaimini.test", m => m.ReplyTo.Mailboxes.Any(r => r.Address == $"ilze-{culture}@example.lv"));
        Assert.Contains("Kad notiks nākamā talka?", mail.TextBody);
    }

    [Fact]
    public async Task A_leader_registers_a_community_and_an_organiser_approves_it()
    {
        var leader = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-leader"));
        var organiser = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-organiser"), Roles.Organiser);
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, leader);

        await page.GotoAsync("/communities/new");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main form button[type=submit]");
        Assert.Equal(1, await page.Locator("[role=alert]").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#form_Name", "Vimbukroga upes draugi");
        await page.SelectOptionAsync("#form_LegalForm", "InformalGroup");
        await page.FillAsync("#form_ShortDescription", "Kopjam Daugavas krastu pie Vimbukroga.");
        await page.SelectOptionAsync("#form_TerritoryId", new SelectOptionValue { Label = "Vimbukrogs (Ķekavas pagasts)" });
        await page.CheckAsync("#theme-waterfronts");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("/communities/vimbukroga-upes-draugi"));
        await Axe.AssertNoViolationsAsync(page);

        await using var organiserContext = await browser.NewContextAsync(server.BaseUrl, "en-GB");
        var moderation = await organiserContext.NewPageAsync();
        await BrowserLogin.LogInAsync(moderation, server, organiser);
        await moderation.GotoAsync("/admin/communities");
        await Axe.AssertNoViolationsAsync(moderation);
        var card = moderation.Locator("main section.card", new() { HasText = "Vimbukroga upes draugi" });
        await card.Locator("form[action$='/approve'] button").ClickAsync();
        Assert.Equal(1, await moderation.Locator("[role=status]").CountAsync());

        await moderation.GotoAsync("/communities?q=vimbukrog");
        Assert.Equal(1, await moderation.Locator(".community-list .card").CountAsync());
    }

    public sealed class DemoServer : KaiminiServer
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await WithScopeAsync(s => s.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None));
        }
    }
}
