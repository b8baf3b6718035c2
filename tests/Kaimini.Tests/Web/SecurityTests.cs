using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Web;

public class SecurityTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-Request-ID").Single()));
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var client = app.CreatePageClient("lv");
        var email = TestUsers.UniqueEmail("forged-post");

        var response = await client.Http.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = "Uzbrucējs",
            ["Email"] = email,
            ["Password"] = "ozolu-iela-2026",
            ["ConfirmPassword"] = "ozolu-iela-2026",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal("Pieprasījumu nevarēja apstrādāt", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.Empty(app.Smtp.MessagesTo(email));
    }

    [Fact]
    public async Task Logout_without_a_token_is_refused()
    {
        using var client = app.CreatePageClient();

        var response = await client.Http.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site()
    {
        var user = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("cookies"));
        using var client = app.CreatePageClient();
        var login = await client.GetAsync("/account/login");

        var response = await client.SubmitAsync(login, "main form", new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = TestUsers.Password,
        });

        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kaimini.auth="));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Urls_are_lowercase_and_redirects_stay_local()
    {
        using var client = app.CreatePageClient();

        var login = await client.GetAsync("/account/login?returnUrl=https://evil.example/");
        var home = await client.GetAsync("/");

        var paths = home.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!.Split('?')[0]).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.Equal(path.ToLowerInvariant(), path));
        Assert.Equal("https://evil.example/", login.QuerySelector("#ReturnUrl")!.GetAttribute("value"));
        var user = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("redirect"));
        var response = await client.SubmitAsync(login, "main form", new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = TestUsers.Password,
        });
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
