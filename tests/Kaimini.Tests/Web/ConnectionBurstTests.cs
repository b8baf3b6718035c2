using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Web;

/// <summary>The connection pool is sized below what the server allows, so a burst waits its turn
/// instead of being refused by PostgreSQL ("too many connections") and answered 503.</summary>
public class ConnectionBurstTests(ConnectionBurstTests.LimitedDatabaseApp app) : IClassFixture<ConnectionBurstTests.LimitedDatabaseApp>
{
    [Fact]
    public async Task A_hundred_simultaneous_sign_ups_all_succeed_on_a_server_that_allows_few_connections()
    {
        var ev = await TestEvents.CreateAsync(app, "Forums ar daudziem pieteikumiem", capacity: 500);
        var home = await TestEvents.HomeAsync(app);
        using var client = app.CreatePageClient("lv");
        var page = await client.GetAsync($"/events/{ev.Slug}");
        var tag = Guid.NewGuid().ToString("N")[..8];

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => client.SubmitAsync(page, "main form[action$='/sign-up']",
            new Dictionary<string, string>
            {
                ["form.Name"] = $"Dalībnieks {i}",
                ["form.Email"] = $"pulks{i}.{tag}@example.lv",
                ["form.ParticipantType"] = "Resident",
                ["form.TerritoryId"] = home,
            })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(100, await app.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == ev.Id)));
    }

    /// <summary>Its database admits 15 connections, as a small server would; the portal's pool is
    /// the shipped default or smaller.</summary>
    public sealed class LimitedDatabaseApp : KaiminiApp
    {
        public const int ServerLimit = 15;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await TestDatabase.ExecuteAsync($"ALTER DATABASE {DatabaseName} CONNECTION LIMIT {ServerLimit}");
        }

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:MaxPoolSize"] = Math.Min(new DatabaseOptions().MaxPoolSize, ServerLimit - 3).ToString(),
        };
    }
}
