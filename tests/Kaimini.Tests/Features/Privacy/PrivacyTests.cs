using System.Net;
using System.Text.Json;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Privacy;

public class PrivacyTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task A_person_downloads_all_their_data_as_json()
    {
        var (client, user) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Manu datu kopiena", "olaine", leaderId: user.Id);

        var response = await client.Http.GetAsync("/account/privacy/download");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(user.Email, json.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("Leader", json.GetProperty("roles")[0].GetString());
        Assert.Equal(community.Name, json.GetProperty("memberships")[0].GetProperty("community").GetString());
        Assert.False(json.GetProperty("account").TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password_keeps_the_communities_and_removes_the_person()
    {
        var (client, user) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Paliekošā kopiena", "olaine", leaderId: user.Id);
        var registrationId = await app.WithDbAsync(async db =>
        {
            var ev = new Event
            {
                Slug = $"privatuma-forums-{Guid.NewGuid():N}",
                Title = "Privātuma forums",
                Venue = "Olaine",
                TerritoryId = community.TerritoryId,
                StartsAt = DateTimeOffset.UtcNow.AddDays(5),
                EndsAt = DateTimeOffset.UtcNow.AddDays(5).AddHours(2),
                Status = EventStatus.Published,
            };
            var registration = new EventRegistration
            {
                Id = Guid.NewGuid(),
                Event = ev,
                Name = "Aiziejošais Līderis",
                Email = user.Email!.ToLowerInvariant(),
                PersonHash = TestUsers.PersonHash(user.Email!),
                UserId = user.Id,
                Status = RegistrationStatus.Confirmed,
                ManageTokenHash = new string('a', 64),
                AccessibilityNeeds = "ratiņkrēsls",
            };
            db.EventRegistrations.Add(registration);
            await db.SaveChangesAsync();
            return registration.Id;
        });
        Assert.Contains("Privātuma forums", await client.Http.GetStringAsync("/account/privacy/download"));
        await client.SubmitAndFollowAsync(await client.GetAsync("/account/profile"), "main form", new Dictionary<string, string>
        {
            ["form.DisplayName"] = "Aiziejošais Līderis",
            ["form.Public"] = "true",
        });
        var page = await client.GetAsync("/account/privacy");

        var wrong = await client.SubmitExpectingPageAsync(page, "main form[action='/account/privacy/delete']",
            new Dictionary<string, string> { ["form.Password"] = "nepareiza-parole-9" });
        Assert.Contains("Nepareiza parole", wrong.QuerySelector("[role=alert]")!.TextContent);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id)));

        var home = await client.SubmitAndFollowAsync(page, "main form[action='/account/privacy/delete']",
            new Dictionary<string, string> { ["form.Password"] = TestUsers.Password });

        Assert.Contains("Jūsu konts ir dzēsts.", home.QuerySelector("[role=status]")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id)));
        Assert.False(await app.WithDbAsync(db => db.LeaderProfiles.AnyAsync(p => p.UserId == user.Id)));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == user.Email)));
        Assert.True(await app.WithDbAsync(db => db.Communities.AnyAsync(c => c.Id == community.Id)));
        var anonymised = await app.WithDbAsync(db => db.EventRegistrations.SingleAsync(r => r.Id == registrationId));
        Assert.Equal("—", anonymised.Name);
        Assert.DoesNotContain(user.Email!.ToLowerInvariant(), anonymised.Email);
        Assert.Null(anonymised.AccessibilityNeeds);
        Assert.Equal(RegistrationStatus.Confirmed, anonymised.Status);
        Assert.DoesNotContain("Aiziejošais Līderis", (await client.GetAsync($"/communities/{community.Slug}")).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/account/profile")).StatusCode);
    }
}
