using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kaimini.Tests.Web;

/// <summary>PostgreSQL stops while the portal serves, then comes back.</summary>
public class OutageTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task Signed_in_people_get_the_translated_503_while_the_database_is_down_no_acknowledged_sign_up_is_lost_and_all_recovers()
    {
        var real = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        await using var proxy = new TcpProxy(real.Port);
        proxy.Start();
        await using var portal = new DatabaseBehindProxyApp(app.DatabaseName, proxy.Port);
        var (resident, _) = await portal.LoggedInAsync(role: null);
        var ev = await TestEvents.CreateAsync(app, "Forums bez datubāzes", capacity: 500);
        var home = await TestEvents.HomeAsync(app);
        var page = await resident.GetAsync($"/events/{ev.Slug}");
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var visitor = portal.CreatePageClient("lv");
        var visitorPage = await visitor.GetAsync($"/events/{ev.Slug}");

        // Sign-ups keep coming while the database goes away.
        var signUps = Enumerable.Range(0, 40).Select(async i =>
        {
            await Task.Yield();
            var email = $"bez-db{i}.{tag}@example.lv";
            using var response = await visitor.SubmitAsync(visitorPage, "main form[action$='/sign-up']", new Dictionary<string, string>
            {
                ["form.Name"] = $"Dalībnieks {i}",
                ["form.Email"] = email,
                ["form.ParticipantType"] = "Resident",
                ["form.TerritoryId"] = home,
            });
            return (email, response.StatusCode);
        }).ToList();
        await proxy.StopAsync();
        var answers = await Task.WhenAll(signUps);

        using var signedIn = await resident.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, signedIn.StatusCode);
        Assert.Equal("Portāls īslaicīgi nav pieejams", (await PageClient.ParseAsync(signedIn)).QuerySelector("h1")!.TextContent);
        using var form = await resident.SubmitAsync(page, "main form[action$='/sign-up']", new Dictionary<string, string>
        {
            ["form.Name"] = "Vēlā",
            ["form.Email"] = $"vela.{tag}@example.lv",
            ["form.ParticipantType"] = "Resident",
            ["form.TerritoryId"] = home,
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, form.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await resident.Http.GetAsync("/health/ready")).StatusCode);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.ServiceUnavailable,
            $"A sign-up during the outage answered {(int)a.StatusCode}"));

        proxy.Start();

        Assert.Equal(HttpStatusCode.OK, (await resident.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await resident.Http.GetAsync($"/events/{ev.Slug}")).StatusCode);
        var acknowledged = answers.Where(a => a.StatusCode == HttpStatusCode.Redirect).Select(a => a.email).ToList();
        var stored = await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == ev.Id).Select(r => r.Email).ToListAsync());
        Assert.All(acknowledged, email => Assert.Contains(email, stored));
    }
}
