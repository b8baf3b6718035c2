using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;

namespace Kaimini.Tests.Features.Errors;

public class ErrorPageTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Theory]
    [InlineData("lv", "/no-such-page", "Lapa nav atrasta")]
    [InlineData("en", "/no-such-page", "Page not found")]
    [InlineData("lv", "/territories/no-such-place", "Lapa nav atrasta")]
    public async Task Unknown_addresses_get_a_translated_404_page(string culture, string url, string heading)
    {
        using var client = app.CreatePageClient(culture);

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [Fact]
    public async Task A_page_for_members_sends_anonymous_visitors_to_log_in()
    {
        using var client = app.CreatePageClient();

        var response = await client.Http.GetAsync("/account/change-password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=", response.Headers.Location!.ToString());
    }
}
