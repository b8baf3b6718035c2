using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>The portal in Debian's Chromium, with axe-core on every page visited.</summary>
public class HomeBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Fact]
    public async Task Home_is_Latvian_by_default_and_the_language_switch_sticks_across_pages()
    {
        // A browser that asks for neither Latvian nor English gets Latvian.
        await using var context = await browser.NewContextAsync(server.BaseUrl, locale: "de-DE");
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("lv", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Kaimiņi — kopienu un NVO tīkls Pierīgā", await page.InnerTextAsync("h1"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);

        await page.ClickAsync("a[hreflang=en]");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Kaimiņi — the network of communities and NGOs around Riga", await page.InnerTextAsync("h1"));
        await Axe.AssertNoViolationsAsync(page);

        await page.ClickAsync("main a[href='/territories/bijusais-baldones-novads']");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Baldones novads (until 2021)", await page.InnerTextAsync("h1"));
        Assert.Contains("former municipality", await page.InnerTextAsync("main"));
        await Axe.AssertNoViolationsAsync(page);

        await page.ClickAsync("a[hreflang=lv]");
        Assert.Equal("lv", await page.GetAttributeAsync("html", "lang"));
        Assert.EndsWith("/territories/bijusais-baldones-novads", page.Url);
        Assert.Contains("bijušais novads", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task The_query_string_chooses_the_language_and_it_sticks()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/?culture=en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.GotoAsync("/territories");
        Assert.Equal("Territories", await page.InnerTextAsync("h1"));
    }

    [Theory]
    [InlineData("lv", "/")]
    [InlineData("en", "/")]
    [InlineData("lv", "/account/login")]
    [InlineData("en", "/account/login")]
    [InlineData("lv", "/account/register")]
    [InlineData("en", "/account/register")]
    [InlineData("lv", "/account/forgot-password")]
    [InlineData("en", "/territories")]
    [InlineData("lv", "/territories/babites-pagasts")]
    [InlineData("en", "/no-such-page")]
    [InlineData("lv", "/communities")]
    [InlineData("en", "/communities?q=nekas-neatbilst")]
    [InlineData("lv", "/leaders")]
    [InlineData("lv", "/events")]
    [InlineData("en", "/events")]
    [InlineData("en", "/leaders")]
    [InlineData("lv", "/territories/kekavas-novads")]
    [InlineData("en", "/territories/bijusais-babites-novads")]
    [InlineData("lv", "/privatums")]
    [InlineData("en", "/privatums")]
    [InlineData("lv", "/pieejamiba")]
    [InlineData("en", "/pieejamiba")]
    public async Task Pages_pass_axe_with_one_h1_in_both_languages(string culture, string url)
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{url}{(url.Contains('?') ? '&' : '?')}culture={culture}");

        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal(1, await page.Locator("main").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task Member_pages_pass_axe(string culture)
    {
        var user = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("axe-member"));
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/account/login?culture={culture}");
        await page.FillAsync("#Email", user.Email!);
        await page.FillAsync("#Password", TestUsers.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));

        foreach (var url in new[] { "/account/profile", "/account/privacy", "/account/change-password", "/communities/new" })
        {
            await page.GotoAsync(url);
            Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            await Axe.AssertNoViolationsAsync(page);
        }
    }

    [Fact]
    public async Task A_form_with_errors_passes_axe_and_ties_each_error_to_its_field()
    {
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/register?culture=lv");

        await page.FillAsync("#Email", "nav-adrese");
        await page.ClickAsync("main button[type=submit]");

        Assert.Equal("true", await page.GetAttributeAsync("#Email", "aria-invalid"));
        Assert.Equal("nav-adrese", await page.InputValueAsync("#Email"));
        Assert.Contains("Lūdzu, izlabojiet norādītās kļūdas", await page.InnerTextAsync("[role=alert]"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_skip_link_comes_first_and_the_login_form_works_by_keyboard()
    {
        var user = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("keyboard"));
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?culture=lv");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Pāriet uz saturu", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url);

        await page.FocusAsync("#Email");
        await page.Keyboard.TypeAsync(user.Email!);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(TestUsers.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));

        Assert.Equal(1, await page.Locator($"header a[title='{user.Email!}']").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }
}
