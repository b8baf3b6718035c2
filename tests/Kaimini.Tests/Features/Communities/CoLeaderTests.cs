using System.Net;
using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Communities;

public partial class CoLeaderTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task A_leader_invites_a_co_leader_who_registers_through_the_link_and_can_edit_the_community()
    {
        var (leader, leaderUser) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Kopīgi vadāmā kopiena", "olaine", themes: ["culture"], leaderId: leaderUser.Id);
        var invitee = TestUsers.UniqueEmail("co-leader");

        var page = await leader.SubmitAndFollowAsync(await leader.GetAsync($"/communities/{community.Slug}/co-leaders"), "main form",
            new Dictionary<string, string> { ["form.Email"] = invitee });

        Assert.Contains("Uzaicinājums nosūtīts.", page.QuerySelector("[role=status]")!.TextContent);
        var mail = await app.Smtp.WaitForMessageAsync(invitee);
        Assert.Equal("Uzaicinājums kļūt par kopienas „Kopīgi vadāmā kopiena” līdzvadītāju", mail.Subject);
        var link = Link().Match(mail.TextBody!).Groups[1].Value;

        using var coLeader = app.CreatePageClient("lv");
        var invitation = await coLeader.GetAsync(link);
        Assert.Contains("līdzvadītāju", invitation.QuerySelector("main .lead")!.TextContent);
        var landed = await coLeader.SubmitAndFollowAsync(invitation, "main form", new Dictionary<string, string>
        {
            ["form.DisplayName"] = "Otrā Vadītāja",
            ["form.Password"] = "kopiena-kopa-2026",
            ["form.ConfirmPassword"] = "kopiena-kopa-2026",
        });

        // The new co-leader lands among their communities, the one they now lead on the list.
        Assert.Equal("/account/communities", new Uri(landed.Url).AbsolutePath);
        Assert.NotNull(landed.QuerySelector($"[data-list=my-communities] li[data-community='{community.Slug}'] a[href='/communities/{community.Slug}/edit']"));

        var membership = await app.WithDbAsync(db => db.CommunityMemberships.SingleAsync(m => m.CommunityId == community.Id && m.User!.Email == invitee));
        Assert.True(membership.IsLeader);
        Assert.Equal(HttpStatusCode.OK, (await coLeader.Http.GetAsync($"/communities/{community.Slug}/edit")).StatusCode);
    }

    [Fact]
    public async Task An_accepted_co_leader_invitation_shows_the_new_leader_on_the_cached_community_page_at_once()
    {
        var (leader, leaderUser) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Kešotā kopiena", "olaine", leaderId: leaderUser.Id);
        var name = "Jaunā Līdzvadītāja " + Guid.NewGuid().ToString("N")[..6];
        var (invitee, inviteeUser) = await app.LoggedInAsync(null);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == inviteeUser.Id);
            user.DisplayName = name;
            var profile = new LeaderProfile { UserId = user.Id };
            profile.SetConsent(true, app.Clock.GetUtcNow());
            db.LeaderProfiles.Add(profile);
            return await db.SaveChangesAsync();
        });
        using var visitor = app.CreatePageClient("lv");
        var url = $"/communities/{community.Slug}";
        // Now cached for a minute (DirectoryTests shows that a repeat visit makes no query).
        Assert.DoesNotContain(name, (await visitor.GetAsync(url)).QuerySelector("main")!.TextContent);

        await leader.SubmitAndFollowAsync(await leader.GetAsync($"/communities/{community.Slug}/co-leaders"), "main form",
            new Dictionary<string, string> { ["form.Email"] = inviteeUser.Email! });
        var link = Link().Match((await app.Smtp.WaitForMessageAsync(inviteeUser.Email!)).TextBody!).Groups[1].Value;
        await invitee.SubmitAndFollowAsync(await invitee.GetAsync(link), "main form", new Dictionary<string, string>());

        Assert.Contains($"{name} (", (await visitor.GetAsync(url)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Someone_who_does_not_lead_the_community_cannot_invite_co_leaders()
    {
        var community = await TestCommunities.CreateAsync(app, "Svešā kopiena", "olaine");
        var (stranger, _) = await app.LoggedInAsync(Roles.Leader);

        var response = await stranger.Http.GetAsync($"/communities/{community.Slug}/co-leaders");

        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
    }

    [GeneratedRegex(@"http://kaimini\.test(/invitations/[A-Za-z0-9_-]+)")]
    private static partial Regex Link();
}
