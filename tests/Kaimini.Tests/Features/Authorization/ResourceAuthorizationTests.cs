using System.Net;
using System.Security.Cryptography;
using System.Text;
using Kaimini.Tests.Features.Cooperation;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Authorization;

/// <summary>Every action on an event, a community, its co-organiser requests and an idea, by every
/// role: anonymous, a resident, the leader of the community that owns it, the leader of another
/// community, an organiser, an administrator and municipality staff. Each row gets its own data.</summary>
public class ResourceAuthorizationTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    public const string Anonymous = "anonymous";
    public const string Resident = "resident";
    public const string LeaderOwner = "leader-owner";
    public const string LeaderNonOwner = "leader-non-owner";
    public const string Organiser = "organiser";
    public const string Administrator = "administrator";
    public const string Municipality = "municipality";

    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        // role: event, community, co-organising, idea moderation, idea answer, cooperation post, cooperation moderation
        foreach (var (role, allowed) in new (string, bool[])[]
        {
            (Anonymous, [false, false, false, false, false, false, false]),
            (Resident, [false, false, false, false, false, false, false]),
            (LeaderOwner, [true, true, true, false, false, true, false]),
            (LeaderNonOwner, [false, false, false, false, false, false, false]),
            (Organiser, [true, true, false, true, false, true, true]),
            (Administrator, [true, true, false, true, true, true, true]),
            (Municipality, [false, false, false, false, true, false, false]),
        })
        {
            string[] areas = ["event", "community", "co-organising", "idea-moderation", "idea-answer", "cooperation", "cooperation-moderation"];
            for (var i = 0; i < areas.Length; i++)
            {
                data.Add(role, areas[i], allowed[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_act_only_on_what_it_owns_or_moderates(string role, string area, bool allowed)
    {
        // The owner: a leader, their community, its event with one registration, and a request to co-organise another event.
        var owner = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("owner"), Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, $"Īpašnieka biedrība {Guid.NewGuid():N}"[..30], "olaine", leaderId: owner.Id);
        var ev = await TestEvents.CreateAsync(app, "Īpašnieka talka", configure: e =>
        {
            e.Kind = EventKind.CommunityEvent;
            e.OwnerCommunityId = community.Id;
            e.Communities.Add(community);
        });
        var registrationId = await RegisterAsync(ev.Id);
        var otherEvent = await TestEvents.CreateAsync(app, "Cita talka");
        var requestId = Guid.NewGuid();
        await app.WithDbAsync(db =>
        {
            db.CoOrganiserRequests.Add(new CoOrganiserRequest { Id = requestId, EventId = otherEvent.Id, CommunityId = community.Id, RequestedAt = app.Clock.GetUtcNow() });
            return db.SaveChangesAsync();
        });
        var idea = await TestIdeas.CreateAsync(app, $"Ideja {Guid.NewGuid():N}"[..20]);
        var invitee = TestUsers.UniqueEmail("co-leader");
        var post = await TestCooperation.CreateAsync(app, community, "Īpašnieka sludinājums");

        using var client = await ClientAsync(role, owner);
        var token = (await client.GetAsync("/ideas/new")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var e = $"/admin/events/{ev.Slug}";
        var c = $"/communities/{community.Slug}";
        // (url, form to post or null for a GET, the status an allowed person gets)
        (string Url, Dictionary<string, string>? Form, HttpStatusCode Allowed)[] requests = area switch
        {
            "event" =>
            [
                ($"{e}/edit", null, HttpStatusCode.OK), ($"{e}/cancel", null, HttpStatusCode.OK), ($"{e}/outcome", null, HttpStatusCode.OK),
                ($"{e}/message", null, HttpStatusCode.OK), ($"{e}/invite", null, HttpStatusCode.OK), ($"{e}/registrations", null, HttpStatusCode.OK),
                ($"{e}/registrations.csv", null, HttpStatusCode.OK), ($"{e}/check-in", null, HttpStatusCode.OK), ($"{e}/sheet", null, HttpStatusCode.OK),
                ($"{e}/edit", new() { ["form.Title"] = "" }, HttpStatusCode.OK),
                ($"{e}/publish", new(), HttpStatusCode.Redirect),
                ($"{e}/message", new() { ["form.Subject"] = "Sveiki", ["form.Text"] = "Ziņa dalībniekiem." }, HttpStatusCode.Redirect),
                ($"{e}/invite", new() { ["form.Emails"] = TestUsers.UniqueEmail("guest") }, HttpStatusCode.Redirect),
                ($"{e}/outcome", new() { ["form.Summary"] = "Par agru." }, HttpStatusCode.OK),
                ($"{e}/check-in/{registrationId}", new(), HttpStatusCode.Redirect),
                // Not on the day of the event yet: the form comes back with its message (and nothing is added).
                ($"{e}/check-in/walk-ins", new() { ["walkIn.ParticipantType"] = "Resident", ["walkIn.TerritoryId"] = await TestEvents.HomeAsync(app) }, HttpStatusCode.OK),
                ($"{e}/registrations/{registrationId}/cancel", new(), HttpStatusCode.Redirect),
                ($"{e}/cancel", new() { ["form.Notice"] = "Atcelts lietus dēļ." }, HttpStatusCode.Redirect),
            ],
            "community" =>
            [
                ($"{c}/edit", null, HttpStatusCode.OK), ($"{c}/co-leaders", null, HttpStatusCode.OK),
                ($"{c}/edit", new() { ["form.Name"] = "" }, HttpStatusCode.OK),
                ($"{c}/co-leaders", new() { ["form.Email"] = invitee }, HttpStatusCode.Redirect),
            ],
            "co-organising" =>
            [
                ($"{c}/co-organising", null, HttpStatusCode.OK),
                ($"{c}/co-organising/{requestId}/accept", new(), HttpStatusCode.Redirect),
            ],
            "idea-moderation" => [($"/admin/ideas/{idea.Id}", null, HttpStatusCode.OK)],
            "cooperation" =>
            [
                ($"/cooperation/{post.Id}/edit", null, HttpStatusCode.OK),
                ($"/cooperation/{post.Id}/edit", new() { ["form.Title"] = "" }, HttpStatusCode.OK),
                ($"/cooperation/{post.Id}/close", new(), HttpStatusCode.Redirect),
            ],
            "cooperation-moderation" => [("/admin/cooperation", null, HttpStatusCode.OK)],
            _ => [($"/municipality/ideas/{idea.Id}", null, HttpStatusCode.OK)],
        };

        foreach (var (url, form, allowedStatus) in requests)
        {
            using var response = form is null
                ? await client.Http.GetAsync(url)
                : await client.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token }));
            var what = $"{role} {(form is null ? "GET" : "POST")} {url}";
            if (allowed)
            {
                Assert.True(response.StatusCode == allowedStatus, $"{what}: {(int)response.StatusCode} {response.Headers.Location}");
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Assert.DoesNotContain("/account/", response.Headers.Location!.OriginalString);
                }
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: {(int)response.StatusCode}");
                Assert.Equal(role == Anonymous ? "/account/login" : "/account/access-denied", response.Headers.Location!.AbsolutePath);
            }
        }

        // What the refused changed: nothing. What the allowed did: what they asked.
        var stored = await app.WithDbAsync(db => db.Events.Where(x => x.Id == ev.Id).Select(x => new { x.Status, x.Title }).SingleAsync());
        var registration = await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Id == registrationId).Select(r => new { r.Status, r.CheckedInAt }).SingleAsync());
        var request = await app.WithDbAsync(db => db.CoOrganiserRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync());
        var invited = await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == invitee));
        var eventChanged = allowed && area == "event";
        Assert.Equal(eventChanged ? EventStatus.Cancelled : EventStatus.Published, stored.Status);
        Assert.Equal("Īpašnieka talka", stored.Title);
        Assert.Equal(eventChanged ? RegistrationStatus.Cancelled : RegistrationStatus.Confirmed, registration.Status);
        Assert.Equal(eventChanged, registration.CheckedInAt is not null);
        Assert.False(await app.WithDbAsync(db => db.EventRegistrations.AnyAsync(r => r.EventId == ev.Id && r.WalkIn)));
        Assert.Equal(allowed && area == "co-organising" ? CoOrganiserRequestStatus.Accepted : CoOrganiserRequestStatus.Pending, request);
        Assert.Equal(allowed && area == "community", invited);
        var postStatus = await app.WithDbAsync(db => db.CooperationPosts.Where(p => p.Id == post.Id).Select(p => p.Status).SingleAsync());
        Assert.Equal(allowed && area == "cooperation" ? CooperationStatus.Closed : CooperationStatus.Open, postStatus);
    }

    private async Task<PageClient> ClientAsync(string role, AppUser owner)
    {
        switch (role)
        {
            case Anonymous:
                return app.CreatePageClient("lv");
            case LeaderOwner:
                var client = app.CreatePageClient("lv");
                await client.SubmitAndFollowAsync(await client.GetAsync("/account/login"), "main form",
                    new Dictionary<string, string> { ["Email"] = owner.Email!, ["Password"] = TestUsers.Password });
                return client;
            case LeaderNonOwner:
                var (leader, user) = await app.LoggedInAsync(Roles.Leader);
                await TestCommunities.CreateAsync(app, $"Cita biedrība {Guid.NewGuid():N}"[..26], "olaine", leaderId: user.Id);
                return leader;
            default:
                return (await app.LoggedInAsync(role switch
                {
                    Organiser => Roles.Organiser,
                    Administrator => Roles.Administrator,
                    Municipality => Roles.MunicipalityStaff,
                    _ => null,
                })).Client;
        }
    }

    private async Task<Guid> RegisterAsync(int eventId)
    {
        var id = Guid.NewGuid();
        await app.WithDbAsync(db =>
        {
            db.EventRegistrations.Add(new EventRegistration
            {
                Id = id,
                EventId = eventId,
                Name = "Anna Dalībniece",
                Email = TestUsers.UniqueEmail("participant"),
                PersonHash = TestUsers.PersonHash(id.ToString()),
                ParticipantType = ParticipantType.Resident,
                Status = RegistrationStatus.Confirmed,
                ManageTokenHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id.ToString()))).ToLowerInvariant(),
                CreatedAt = app.Clock.GetUtcNow(),
            });
            return db.SaveChangesAsync();
        });
        return id;
    }
}
