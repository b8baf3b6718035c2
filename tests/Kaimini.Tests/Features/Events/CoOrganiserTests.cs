using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Events;

/// <summary>Leaders act only for what they lead: another community joins an event as co-organiser
/// only when one of its leaders accepts the request, and nobody removes the community that created it.</summary>
public class CoOrganiserTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private async Task<(PageClient Client, AppUser User, Community Community)> LeaderAsync(string name)
    {
        var (client, user) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, $"{name} {Guid.NewGuid().ToString("N")[..4]}", "olaine", leaderId: user.Id);
        return (client, user, community);
    }

    private async Task<Event> OwnedEventAsync(string title, Community owner, params Community[] others)
    {
        var ev = await TestEvents.CreateAsync(app, title, configure: e =>
        {
            e.Kind = EventKind.CommunityEvent;
            e.OwnerCommunityId = owner.Id;
            e.Communities.Add(owner);
        });
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Events.Include(e => e.Communities).SingleAsync(e => e.Id == ev.Id);
            foreach (var c in others)
            {
                stored.Communities.Add(await db.Communities.SingleAsync(x => x.Id == c.Id));
            }

            return await db.SaveChangesAsync();
        });
        return ev;
    }

    /// <summary>A field the page does not offer, as a hand-made post would add it.</summary>
    private static void AddField(AngleSharp.Dom.IDocument page, string name, string value)
    {
        var input = page.CreateElement("input");
        input.SetAttribute("type", "hidden");
        input.SetAttribute("name", name);
        input.SetAttribute("value", value);
        page.QuerySelector("main form")!.AppendChild(input);
    }

    private Task<List<int>> CoOrganisersAsync(int eventId) =>
        app.WithDbAsync(db => db.Events.Where(e => e.Id == eventId).SelectMany(e => e.Communities).Select(c => c.Id).OrderBy(id => id).ToListAsync());

    private Dictionary<string, string> NewEvent(string title, string territoryId) => new()
    {
        ["form.Title"] = title,
        ["form.Kind"] = "CommunityEvent",
        ["form.StartsAt"] = TestDates.Field(TestDates.DaysAhead(app.Clock, 30), 10),
        ["form.EndsAt"] = TestDates.Field(TestDates.DaysAhead(app.Clock, 30), 14),
        ["form.Venue"] = "Olaines kultūras nams",
        ["form.TerritoryId"] = territoryId,
        ["form.Publish"] = "true",
    };

    private static string Denied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.AbsolutePath : $"{(int)response.StatusCode}";

    [Fact]
    public async Task Adding_a_community_one_does_not_lead_asks_its_leaders_and_they_get_access_only_once_one_accepts()
    {
        var (ownerClient, _, own) = await LeaderAsync("Rīkotāju biedrība");
        var (otherClient, other, asked) = await LeaderAsync("Aicinātā biedrība");
        var form = await ownerClient.GetAsync("/admin/events/new");
        var values = NewEvent("Kopīgā talka", form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent.StartsWith("Olaine")).GetAttribute("value")!);
        values["form.CommunityIds"] = own.Id.ToString();
        values["form.AddCommunity"] = $"http://kaimini.test/communities/{asked.Slug}";

        var created = await ownerClient.SubmitAndFollowAsync(form, "main form", values);

        Assert.Contains("Lūgums rīkot pasākumu kopā nosūtīts 1 kopienai", created.QuerySelector("[role=status]")!.TextContent);
        var ev = await app.WithDbAsync(db => db.Events.SingleAsync(e => e.Title == "Kopīgā talka"));
        Assert.Equal(own.Id, ev.OwnerCommunityId);
        Assert.Equal([own.Id], await CoOrganisersAsync(ev.Id));
        var request = await app.WithDbAsync(db => db.CoOrganiserRequests.SingleAsync(r => r.EventId == ev.Id));
        Assert.Equal((asked.Id, CoOrganiserRequestStatus.Pending), (request.CommunityId, request.Status));
        var mail = await app.Smtp.WaitForMessageAsync(other.Email!);
        Assert.Equal("Lūgums rīkot pasākumu kopā: Kopīgā talka", mail.Subject);
        Assert.Contains($"http://kaimini.test/communities/{asked.Slug}/co-organising", mail.TextBody);

        // Until they accept, the asked community's leaders manage nothing and see no registrations.
        foreach (var path in new[] { "edit", "registrations", "registrations.csv", "check-in" })
        {
            using var response = await otherClient.Http.GetAsync($"/admin/events/{ev.Slug}/{path}");
            Assert.Equal("/account/access-denied", Denied(response));
        }

        // Only the asked community's leaders answer; the one who asked cannot accept for them.
        using var byAsker = await ownerClient.Http.GetAsync($"/communities/{asked.Slug}/co-organising");
        Assert.Equal("/account/access-denied", Denied(byAsker));
        var requests = await otherClient.GetAsync($"/communities/{asked.Slug}/co-organising");
        Assert.Contains("Kopīgā talka", requests.QuerySelector("main")!.TextContent);
        var accepted = await otherClient.SubmitAndFollowAsync(requests, $"main form[action$='/{request.Id}/accept']", new Dictionary<string, string>());

        Assert.Contains("Lūgums pieņemts", accepted.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(new[] { own.Id, asked.Id }.Order(), await CoOrganisersAsync(ev.Id));
        Assert.Equal(CoOrganiserRequestStatus.Accepted, await app.WithDbAsync(db => db.CoOrganiserRequests.Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync()));
        await otherClient.GetAsync($"/admin/events/{ev.Slug}/registrations");

        // Answered once: a second press finds nothing open.
        var token = accepted.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var again = await otherClient.Http.PostAsync($"/communities/{asked.Slug}/co-organising/{request.Id}/decline",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_leader_finds_a_co_organiser_as_the_directory_does_and_ticks_it_from_the_matches_without_script()
    {
        var (client, _, own) = await LeaderAsync("Meklētāju biedrība");
        var mark = Guid.NewGuid().ToString("N")[..6];
        var wanted = await TestCommunities.CreateAsync(app, $"Baldones Kūrorta attīstības biedrība {mark}", "baldone");
        var form = await client.GetAsync("/admin/events/new");
        // The only community the leader leads is ticked already.
        Assert.True(form.QuerySelector($"#community-{own.Id}")!.HasAttribute("checked"));
        var values = NewEvent($"Kūrorta talka {mark}", form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent.StartsWith("Olaine")).GetAttribute("value")!);
        values["form.AddCommunity"] = $"baldones kurorta {mark}";

        // Saving with a part of the name (Enter in the field, without script) keeps everything and lists the matches.
        var refused = await client.SubmitExpectingPageAsync(form, "main form", values);
        Assert.Contains("ir līdzīgas", refused.QuerySelector("#form_AddCommunity-error")!.TextContent);
        Assert.Equal($"Kūrorta talka {mark}", refused.QuerySelector("#form_Title")!.GetAttribute("value"));
        Assert.Contains(wanted.Name, refused.QuerySelector("#community-matches")!.TextContent);

        // The search button lists the same matches, with no errors.
        values["find"] = "true";
        var found = await client.SubmitExpectingPageAsync(refused, "main form", values);
        Assert.Null(found.QuerySelector("[role=alert]"));
        Assert.Equal("Baldone, Ķekavas novads", found.QuerySelector($"#match-{wanted.Id}-place")!.TextContent.Trim());
        ((AngleSharp.Html.Dom.IHtmlInputElement)found.QuerySelector($"#match-{wanted.Id}")!).IsChecked = true;
        values.Remove("find");

        var created = await client.SubmitAndFollowAsync(found, "main form", values);

        Assert.Contains("Lūgums rīkot pasākumu kopā nosūtīts 1 kopienai", created.QuerySelector("[role=status]")!.TextContent);
        var ev = await app.WithDbAsync(db => db.Events.SingleAsync(e => e.Title == $"Kūrorta talka {mark}"));
        Assert.Equal([own.Id], await CoOrganisersAsync(ev.Id));
        Assert.Equal(wanted.Id, await app.WithDbAsync(db => db.CoOrganiserRequests.Where(r => r.EventId == ev.Id).Select(r => r.CommunityId).SingleAsync()));
    }

    [Fact]
    public async Task A_community_ticked_by_its_id_is_asked_not_added_and_a_declined_request_changes_nothing()
    {
        var (ownerClient, _, own) = await LeaderAsync("Sava biedrība");
        var (otherClient, _, target) = await LeaderAsync("Sveša biedrība");
        var ev = await OwnedEventAsync("Talka ar svešu kopienu", own);
        var edit = await ownerClient.GetAsync($"/admin/events/{ev.Slug}/edit");
        AddField(edit, "form.CommunityIds", target.Id.ToString());

        await ownerClient.SubmitAndFollowAsync(edit, "main form", new Dictionary<string, string> { ["form.CommunityIds"] = target.Id.ToString() });

        Assert.Equal([own.Id], await CoOrganisersAsync(ev.Id));
        var request = await app.WithDbAsync(db => db.CoOrganiserRequests.SingleAsync(r => r.EventId == ev.Id));
        Assert.Equal(target.Id, request.CommunityId);
        var pending = await ownerClient.GetAsync($"/admin/events/{ev.Slug}/edit");
        Assert.Contains(target.Name, pending.QuerySelector("#pending-co-organisers")!.TextContent);

        // Asking again while a request is open sends no second one.
        await ownerClient.SubmitAndFollowAsync(pending, "main form", new Dictionary<string, string> { ["form.AddCommunity"] = target.Name });
        Assert.Equal(1, await app.WithDbAsync(db => db.CoOrganiserRequests.CountAsync(r => r.EventId == ev.Id)));

        var requests = await otherClient.GetAsync($"/communities/{target.Slug}/co-organising");
        var declined = await otherClient.SubmitAndFollowAsync(requests, $"main form[action$='/{request.Id}/decline']", new Dictionary<string, string>());

        Assert.Contains("Lūgums noraidīts.", declined.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal([own.Id], await CoOrganisersAsync(ev.Id));
        using var response = await otherClient.Http.GetAsync($"/admin/events/{ev.Slug}/registrations.csv");
        Assert.Equal("/account/access-denied", Denied(response));
    }

    [Fact]
    public async Task No_co_organiser_can_remove_the_community_that_created_the_event()
    {
        var (ownerClient, _, own) = await LeaderAsync("Dibinātāju biedrība");
        var (coClient, _, co) = await LeaderAsync("Līdzrīkotāju biedrība");
        var ev = await OwnedEventAsync("Kopīgs seminārs", own, co);
        var edit = await coClient.GetAsync($"/admin/events/{ev.Slug}/edit");
        var ownerBox = edit.QuerySelector($"#community-{own.Id}")!;
        Assert.True(ownerBox.HasAttribute("disabled") && ownerBox.HasAttribute("checked") && !ownerBox.HasAttribute("name"));

        // Posting the list without the creator (as a crafted form would) keeps it all the same.
        await coClient.SubmitAndFollowAsync(edit, "main form", new Dictionary<string, string> { ["form.CommunityIds"] = co.Id.ToString() });

        Assert.Equal(new[] { own.Id, co.Id }.Order(), await CoOrganisersAsync(ev.Id));
        await ownerClient.GetAsync($"/admin/events/{ev.Slug}/registrations");

        // An organiser's edit keeps it too.
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var organiserEdit = await organiser.GetAsync($"/admin/events/{ev.Slug}/edit");
        await organiser.SubmitAndFollowAsync(organiserEdit, "main form", new Dictionary<string, string> { ["form.CommunityIds"] = co.Id.ToString() });
        Assert.Contains(own.Id, await CoOrganisersAsync(ev.Id));
    }

    [Fact]
    public async Task An_organiser_adding_a_community_asks_it_too()
    {
        var (_, leader, target) = await LeaderAsync("Organizatora aicinātā");
        var ev = await TestEvents.CreateAsync(app, "Organizatoru forums");
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var edit = await organiser.GetAsync($"/admin/events/{ev.Slug}/edit");

        await organiser.SubmitAndFollowAsync(edit, "main form", new Dictionary<string, string> { ["form.AddCommunity"] = target.Name });

        Assert.Empty(await CoOrganisersAsync(ev.Id));
        Assert.Equal(CoOrganiserRequestStatus.Pending, await app.WithDbAsync(db => db.CoOrganiserRequests.Where(r => r.EventId == ev.Id && r.CommunityId == target.Id).Select(r => r.Status).SingleAsync()));
        await app.Smtp.WaitForMessageAsync(leader.Email!, m => m.Subject == "Lūgums rīkot pasākumu kopā: Organizatoru forums");
    }

    [Fact]
    public async Task A_crafted_list_of_communities_is_not_a_way_to_write_to_the_whole_directory()
    {
        var (ownerClient, _, own) = await LeaderAsync("Masveida biedrība");
        var ev = await OwnedEventAsync("Talka ar garu sarakstu", own);
        var targets = new List<Community>();
        for (var i = 0; i < 11; i++)
        {
            targets.Add(await TestCommunities.CreateAsync(app, $"Adresāts {i} {Guid.NewGuid().ToString("N")[..4]}", "olaine"));
        }

        var edit = await ownerClient.GetAsync($"/admin/events/{ev.Slug}/edit");
        foreach (var target in targets)
        {
            AddField(edit, "form.CommunityIds", target.Id.ToString());
        }

        var refused = await ownerClient.SubmitExpectingPageAsync(edit, "main form", new Dictionary<string, string>());

        Assert.Contains("ne vairāk kā 10 neatbildētu lūgumu", refused.QuerySelector("#form_AddCommunity-error")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.CoOrganiserRequests.AnyAsync(r => r.EventId == ev.Id)));
    }
}
