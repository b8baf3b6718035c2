using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;

namespace Kaimini.Tests.Web;

public class RateLimitTests(RateLimitTests.LowLimitApp app) : IClassFixture<RateLimitTests.LowLimitApp>
{
    [Fact]
    public async Task Login_posts_beyond_the_limit_get_a_translated_429_with_the_form_and_what_was_typed()
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
        Assert.Equal("600", refused.Headers.RetryAfter!.ToString());
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains("Too many attempts from your address. Please try again in 10 minutes", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("someone@kaimini.test", page.QuerySelector("#Email")!.GetAttribute("value"));

        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task A_contact_message_beyond_the_limit_is_kept_in_the_form_and_not_sent()
    {
        var community = await TestCommunities.CreateAsync(app, "Ierobežotā biedrība", "olaine", publicEmail: "ierobezota@example.lv");
        using var client = app.CreatePageClient("lv");
        var form = await client.GetAsync($"/communities/{community.Slug}/contact");
        var values = new Dictionary<string, string>
        {
            ["contact.Name"] = "Ilze",
            ["contact.Email"] = "ilze@example.lv",
            ["contact.Message"] = "Gara, rūpīgi rakstīta vēstule, kuru nedrīkst pazaudēt.",
        };
        using (await client.SubmitAsync(form, "main form", values))
        {
        }

        using var refused = await client.SubmitAsync(form, "main form", values);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains("Pārāk daudz mēģinājumu", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Gara, rūpīgi rakstīta vēstule, kuru nedrīkst pazaudēt.", page.QuerySelector("textarea[name='contact.Message']")!.TextContent.Trim());
        Assert.Equal(1, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.OutboxMessages, m => m.Recipient == "ierobezota@example.lv")));
    }

    public sealed class LowLimitApp : KaiminiApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:AuthPermitLimit"] = "3",
            ["RateLimiting:AuthWindowSeconds"] = "600",
            ["RateLimiting:ContactPermitLimit"] = "1",
            ["RateLimiting:ContactWindowSeconds"] = "600",
        };
    }
}
