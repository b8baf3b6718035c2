using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Web;

/// <summary>The limits as shipped (the README's figures), and the proxy setting.</summary>
public class ForumHallTests(ForumHallTests.ShippedLimitsApp app) : IClassFixture<ForumHallTests.ShippedLimitsApp>
{
    private PageClient ClientFrom(string address)
    {
        var client = app.CreatePageClient("lv");
        client.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    [Fact]
    public async Task Eighty_people_on_the_venues_one_address_all_sign_up_and_submit_ideas_but_a_script_is_stopped()
    {
        var ev = await TestEvents.CreateAsync(app, "Forums zālē", capacity: 200);
        var home = await TestEvents.HomeAsync(app);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var hall = "203.0.113.80";

        for (var i = 0; i < 80; i++)
        {
            using var person = ClientFrom(hall);
            var email = $"zale{i}.{tag}@example.lv";
            using var signedUp = await person.SubmitAsync(await person.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", new Dictionary<string, string>
            {
                ["form.Name"] = $"Dalībnieks {i}",
                ["form.Email"] = email,
                ["form.ParticipantType"] = "Resident",
                ["form.TerritoryId"] = home,
            });
            Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
            using var idea = await person.SubmitAsync(await person.GetAsync("/ideas/new"), "main form", new Dictionary<string, string>
            {
                ["form.Kind"] = "Idea",
                ["form.Title"] = $"Ideja no zāles {i}",
                ["form.Body"] = "Vasarā pagalmā varētu rīkot kaimiņu kino vakarus.",
                ["form.TerritoryId"] = home,
                ["form.AddressedTo"] = "Residents",
                ["form.Name"] = $"Dalībnieks {i}",
                ["form.Email"] = email,
            });
            Assert.Equal(HttpStatusCode.Redirect, idea.StatusCode);
        }

        Assert.Equal(80, await app.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == ev.Id)));
        Assert.Equal(80, await app.WithDbAsync(db => db.Ideas.CountAsync(i => i.AuthorEmail!.EndsWith($".{tag}@example.lv"))));

        // One address posting again and again from the same hall is stopped at the per-person figure.
        using var script = ClientFrom(hall);
        var form = await script.GetAsync("/account/forgot-password");
        var target = $"merkis.{tag}@example.lv";
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < new RateLimitOptions().FormPerPerson + 1; i++)
        {
            using var response = await script.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Email"] = target });
            answers.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.All(answers[..^1], a => Assert.Equal(HttpStatusCode.Redirect, a));
    }

    [Fact]
    public async Task X_Forwarded_For_is_believed_only_from_the_configured_proxy()
    {
        var budget = new RateLimitOptions().FormPerAddress;
        var tag = Guid.NewGuid().ToString("N")[..8];

        // A client that is not the proxy cannot pick a new address for each post.
        using var spoofer = ClientFrom("192.0.2.66");
        var form = await spoofer.GetAsync("/account/forgot-password");
        HttpStatusCode last = default;
        for (var i = 0; i <= budget; i++)
        {
            using var response = await spoofer.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Email"] = $"s{i}.{tag}@example.lv" });
            last = response.StatusCode;
            spoofer.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            spoofer.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.18.{i / 250}.{i % 250}");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);

        // Through the proxy, each client is its own address.
        using var proxied = ClientFrom(ShippedLimitsApp.Proxy);
        var proxiedForm = await proxied.GetAsync("/account/forgot-password");
        for (var i = 0; i <= budget; i++)
        {
            proxied.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            proxied.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.19.{i / 250}.{i % 250}");
            using var response = await proxied.SubmitAsync(proxiedForm, "main form", new Dictionary<string, string> { ["Email"] = $"p{i}.{tag}@example.lv" });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    public sealed class ShippedLimitsApp : KaiminiApp
    {
        public const string Proxy = "10.20.30.40";

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var shipped = new RateLimitOptions();
                return new Dictionary<string, string?>
                {
                    ["RateLimiting:FormPerAddress"] = shipped.FormPerAddress.ToString(),
                    ["RateLimiting:FormPerPerson"] = shipped.FormPerPerson.ToString(),
                    ["RateLimiting:ContactPerAddress"] = shipped.ContactPerAddress.ToString(),
                    ["RateLimiting:ContactPerPerson"] = shipped.ContactPerPerson.ToString(),
                    ["RateLimiting:DailySendsPerAccount"] = shipped.DailySendsPerAccount.ToString(),
                    ["App:BehindProxy"] = "true",
                    ["App:KnownProxies"] = Proxy,
                };
            }
        }
    }
}
