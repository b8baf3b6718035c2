using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;

namespace Kaimini.Tests.Web;

public class RateLimitTests(RateLimitTests.LowLimitApp app) : IClassFixture<RateLimitTests.LowLimitApp>
{
    [Fact]
    public async Task Login_posts_beyond_the_limit_get_a_translated_429()
    {
        using var client = app.CreatePageClient("en");
        var form = await client.GetAsync("/account/login");
        var values = new Dictionary<string, string> { ["Email"] = "someone@kaimini.test", ["Password"] = "wrong-password-1" };

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.SubmitAsync(form, "main form", values);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.SubmitAsync(form, "main form", values);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many attempts", (await PageClient.ParseAsync(refused)).QuerySelector("h1")!.TextContent);

        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/login")).StatusCode);
    }

    public sealed class LowLimitApp : KaiminiApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:AuthPermitLimit"] = "3",
            ["RateLimiting:AuthWindowSeconds"] = "600",
        };
    }
}
