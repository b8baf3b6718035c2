using Kaimini.Tests.Features.Privacy;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Infrastructure.Auth;

namespace Kaimini.Tests.Browser;

/// <summary>The manage link's data page and its erasure, with axe-core on each page, in both languages.</summary>
public class RegistrationDataBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv", "Mani dati")]
    [InlineData("en", "My data")]
    public async Task A_participant_sees_and_erases_their_data(string culture, string title)
    {
        var ev = await TestEvents.CreateAsync(server, "Datu forums");
        var (token, hash) = LinkTokens.Create();
        await TestRegistrations.AddAsync(server, ev, TestUsers.UniqueEmail("dati"), "Laura Kļaviņa", needs: "lifts", manageTokenHash: hash);
        await using var context = await browser.NewContextAsync(server.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/events/registrations/{token}?culture={culture}");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync($"main a[href='/events/registrations/{token}/data']");
        Assert.Equal(title, (await page.InnerTextAsync("h1")).Trim());
        Assert.Contains("Laura Kļaviņa", await page.InnerTextAsync("main dl"));
        await Axe.AssertNoViolationsAsync(page);

        await page.ClickAsync("main form[action$='/data/erase'] button");
        await page.WaitForSelectorAsync("[role=status]");
        await Axe.AssertNoViolationsAsync(page);
    }
}
