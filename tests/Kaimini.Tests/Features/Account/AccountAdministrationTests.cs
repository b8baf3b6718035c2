using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Account;

/// <summary>/admin/people and the organisers' removal of a community's leaders.</summary>
public class AccountAdministrationTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task An_administrator_finds_an_account_and_removing_its_role_closes_admin_at_its_next_request()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var (organiser, organiserUser) = await app.LoggedInAsync(Roles.Organiser);
        Assert.Equal(HttpStatusCode.OK, (await organiser.Http.GetAsync("/admin")).StatusCode);

        var found = await admin.GetAsync("/admin/people?q=" + Uri.EscapeDataString(organiserUser.Email!.ToUpperInvariant()));
        var row = Assert.Single(found.QuerySelectorAll("tr.person-row"));
        Assert.Equal(organiserUser.Id, row.GetAttribute("data-id"));
        Assert.Contains("organizators", row.TextContent);
        Assert.Contains("Ieslēgta", row.TextContent);

        var person = await admin.GetAsync($"/admin/people/{organiserUser.Id}");
        var after = await admin.SubmitAndFollowAsync(person, $"main form[action='/admin/people/{organiserUser.Id}/roles/remove']", new Dictionary<string, string>());
        Assert.Equal("Nav lomu.", after.QuerySelector("#roles-heading + p")!.TextContent);

        using var denied = await organiser.Http.GetAsync("/admin");
        Assert.Contains("/account/access-denied", denied.Headers.Location!.ToString());
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == organiserUser.Id && a.Action == "role-removed")));
    }

    [Fact]
    public async Task A_locked_account_is_signed_out_at_once_and_signs_in_again_after_unlocking()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var (resident, residentUser) = await app.LoggedInAsync(null);
        Assert.Equal(HttpStatusCode.OK, (await resident.Http.GetAsync("/account/profile")).StatusCode);

        var person = await admin.GetAsync($"/admin/people/{residentUser.Id}");
        var locked = await admin.SubmitAndFollowAsync(person, "main form[action$='/lock']", new Dictionary<string, string>());
        Assert.Equal("Bloķēts", locked.QuerySelector("#person-status")!.TextContent.Trim());

        Assert.Contains("/account/login", (await resident.Http.GetAsync("/account/profile")).Headers.Location!.ToString());
        using var again = app.CreatePageClient("lv");
        var refused = await again.SubmitExpectingPageAsync(await again.GetAsync("/account/login"), "main form", new Dictionary<string, string>
        {
            ["Email"] = residentUser.Email!,
            ["Password"] = TestUsers.Password,
        });
        Assert.Contains("Nepareiza e-pasta adrese vai parole.", refused.QuerySelector("[role=alert]")!.TextContent);

        await admin.SubmitAndFollowAsync(await admin.GetAsync($"/admin/people/{residentUser.Id}"), "main form[action$='/unlock']", new Dictionary<string, string>());
        await app.LogInAsync(again, residentUser);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/account/profile")).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_see_the_accounts()
    {
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        Assert.Contains("/account/access-denied", (await organiser.Http.GetAsync("/admin/people")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_organiser_removes_a_leader_of_a_community()
    {
        var leader = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("removed-leader"), Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Noņemamo līderu biedrība", "olaine", leaderId: leader.Id);
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);

        var page = await organiser.GetAsync($"/admin/communities/{community.Id}/leaders");
        Assert.Contains(leader.Email!, Assert.Single(page.QuerySelectorAll(".leader-row")).TextContent);
        var after = await organiser.SubmitAndFollowAsync(page, "main .leader-row form", new Dictionary<string, string>());

        Assert.Empty(after.QuerySelectorAll(".leader-row"));
        Assert.False(await app.WithDbAsync(db => db.CommunityMemberships.AnyAsync(m => m.CommunityId == community.Id && m.UserId == leader.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == community.Id.ToString() && a.Action == "leader-removed")));
    }
}
