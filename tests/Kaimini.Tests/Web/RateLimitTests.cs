using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Web;

/// <summary>Limits with low figures: three posts per address, two per person.</summary>
public class RateLimitTests(RateLimitTests.LowLimitApp app) : IClassFixture<RateLimitTests.LowLimitApp>
{
    private PageClient ClientFrom(string address, string culture = "en")
    {
        var client = app.CreatePageClient(culture);
        client.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    private static Dictionary<string, string> Login(string email) =>
        new() { ["Email"] = email, ["Password"] = "wrong-password-1" };

    [Fact]
    public async Task Login_posts_beyond_the_limit_get_a_translated_429_with_the_form_and_what_was_typed()
    {
        using var client = ClientFrom("192.0.2.10");
        var form = await client.GetAsync("/account/login");

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.SubmitAsync(form, "main form", Login("someone@kaimini.test"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.SubmitAsync(form, "main form", Login("someone@kaimini.test"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("600", refused.Headers.RetryAfter!.ToString());
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains("Too many attempts. Please try again in 10 minutes", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("someone@kaimini.test", page.QuerySelector("#Email")!.GetAttribute("value"));

        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task The_same_form_typed_as_another_path_shares_its_budget()
    {
        using var client = ClientFrom("192.0.2.20");
        var form = await client.GetAsync("/account/forgot-password");
        string[] paths = ["/Account/Forgot-Password", "/ACCOUNT/FORGOT-PASSWORD/", "/account/forgot-password"];

        // Different addresses each time: only the per-address budget (3) is in play.
        foreach (var path in paths)
        {
            using var allowed = await client.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Email"] = TestUsers.UniqueEmail("path") }, path);
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var refused = await client.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Email"] = TestUsers.UniqueEmail("path") }, "/Account/forgot-password");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task IPv6_clients_are_counted_by_their_64_prefix()
    {
        for (var i = 1; i <= 3; i++)
        {
            using var client = ClientFrom($"2001:db8:aa:bb::{i}");
            using var allowed = await client.SubmitAsync(await client.GetAsync("/account/login"), "main form", Login(TestUsers.UniqueEmail("v6")));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var sameNetwork = ClientFrom("2001:db8:aa:bb:ffff:1:2:3");
        using var refused = await sameNetwork.SubmitAsync(await sameNetwork.GetAsync("/account/login"), "main form", Login(TestUsers.UniqueEmail("v6")));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        using var otherNetwork = ClientFrom("2001:db8:aa:bc::1");
        using var allowedElsewhere = await otherNetwork.SubmitAsync(await otherNetwork.GetAsync("/account/login"), "main form", Login(TestUsers.UniqueEmail("v6")));
        Assert.Equal(HttpStatusCode.OK, allowedElsewhere.StatusCode);
    }

    [Fact]
    public async Task One_e_mail_address_is_limited_whatever_address_it_comes_from()
    {
        var victim = TestUsers.UniqueEmail("victim");
        for (var i = 0; i < 2; i++)
        {
            using var client = ClientFrom($"198.51.100.{i + 1}");
            using var allowed = await client.SubmitAsync(await client.GetAsync("/account/forgot-password"), "main form", new Dictionary<string, string> { ["Email"] = victim });
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var third = ClientFrom("198.51.100.99");
        using var refused = await third.SubmitAsync(await third.GetAsync("/account/forgot-password"), "main form", new Dictionary<string, string> { ["Email"] = victim.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task A_post_refused_for_a_field_does_not_use_up_the_budget()
    {
        using var client = ClientFrom("192.0.2.30");
        var form = await client.GetAsync("/account/login");
        for (var i = 0; i < 5; i++)
        {
            using var invalid = await client.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Email"] = "", ["Password"] = "" });
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        }

        using var attempt = await client.SubmitAsync(form, "main form", Login(TestUsers.UniqueEmail("typo")));
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.DoesNotContain("Too many attempts", (await PageClient.ParseAsync(attempt)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_contact_message_beyond_the_limit_is_kept_in_the_form_and_not_sent()
    {
        var community = await TestCommunities.CreateAsync(app, "Ierobežotā biedrība", "olaine", publicEmail: "ierobezota@example.lv");
        using var client = ClientFrom("192.0.2.40", "lv");
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
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == "ierobezota@example.lv")));
    }

    [Fact]
    public async Task A_leader_past_the_daily_send_cap_gets_the_form_back_and_nothing_is_sent()
    {
        var (leader, leaderUser) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Aicinātāju kopiena", "olaine", leaderId: leaderUser.Id);
        var form = await leader.GetAsync($"/communities/{community.Slug}/co-leaders");
        for (var i = 0; i < 2; i++)
        {
            await leader.SubmitAndFollowAsync(form, "main form", new Dictionary<string, string> { ["form.Email"] = TestUsers.UniqueEmail("cap") });
        }

        var refusedEmail = TestUsers.UniqueEmail("cap");
        using var refused = await leader.SubmitAsync(form, "main form", new Dictionary<string, string> { ["form.Email"] = refusedEmail });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains("pārāk daudz vēstuļu", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(refusedEmail, page.QuerySelector("input[name='form.Email']")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == refusedEmail)));
    }

    public sealed class LowLimitApp : KaiminiApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:FormPerAddress"] = "3",
            ["RateLimiting:FormPerPerson"] = "2",
            ["RateLimiting:FormWindowSeconds"] = "600",
            ["RateLimiting:ContactPerAddress"] = "1",
            ["RateLimiting:ContactPerPerson"] = "1",
            ["RateLimiting:ContactWindowSeconds"] = "600",
            ["RateLimiting:DailySendsPerAccount"] = "2",
        };
    }
}
