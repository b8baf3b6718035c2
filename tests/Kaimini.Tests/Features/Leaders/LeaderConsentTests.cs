using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Leaders;

public class LeaderConsentTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task A_leader_is_shown_only_after_consenting_and_disappears_when_consent_is_withdrawn()
    {
        var (leader, user) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Kopiena ar līderi", "olaine", leaderId: user.Id);
        using var visitor = app.CreatePageClient("lv");
        var form = await leader.GetAsync("/account/profile");
        Assert.Null(form.QuerySelector("#form_Public")!.GetAttribute("checked"));

        // Saved without the tick: nothing public.
        await leader.SubmitAndFollowAsync(form, "main form", new Dictionary<string, string>
        {
            ["form.DisplayName"] = "Dace Kalniņa",
            ["form.Bio"] = "Vadu Olaines kopienu.",
        });
        Assert.DoesNotContain("Dace Kalniņa", (await visitor.GetAsync("/leaders")).QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Dace Kalniņa", (await visitor.GetAsync($"/communities/{community.Slug}")).QuerySelector("main")!.TextContent);

        var consented = await leader.SubmitAndFollowAsync(await leader.GetAsync("/account/profile"), "main form", new Dictionary<string, string>
        {
            ["form.DisplayName"] = "Dace Kalniņa",
            ["form.Bio"] = "Vadu Olaines kopienu.",
            ["form.Public"] = "true",
        });
        Assert.Contains("Piekrišana dota", consented.QuerySelector("main")!.TextContent);
        var stored = await app.WithDbAsync(db => db.LeaderProfiles.SingleAsync(p => p.UserId == user.Id));
        Assert.True(stored.IsPublic);
        Assert.Equal(LeaderProfile.ConsentVersion, stored.ConsentGivenVersion);
        Assert.NotNull(stored.ConsentGivenAt);

        var list = await visitor.GetAsync("/leaders?q=kalnina");
        var card = Assert.Single(list.QuerySelectorAll(".community-list .card"));
        Assert.Contains("Dace Kalniņa", card.TextContent);
        Assert.Contains("Kopiena ar līderi", card.TextContent);
        Assert.DoesNotContain(user.Email!, list.DocumentElement.OuterHtml);
        var page = await visitor.GetAsync($"/communities/{community.Slug}");
        Assert.Contains("Dace Kalniņa (valdes priekšsēdētājs)", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(user.Email!, page.DocumentElement.OuterHtml);

        await leader.SubmitAndFollowAsync(await leader.GetAsync("/account/profile"), "main form", new Dictionary<string, string>
        {
            ["form.DisplayName"] = "Dace Kalniņa",
            ["form.Bio"] = "Vadu Olaines kopienu.",
            ["form.Public"] = "false",
        });
        var withdrawn = await app.WithDbAsync(db => db.LeaderProfiles.SingleAsync(p => p.UserId == user.Id));
        Assert.False(withdrawn.IsPublic);
        Assert.NotNull(withdrawn.ConsentWithdrawnAt);
        Assert.Empty((await visitor.GetAsync("/leaders?q=kalnina")).QuerySelectorAll(".community-list .card"));
        Assert.DoesNotContain("Dace Kalniņa", (await visitor.GetAsync($"/communities/{community.Slug}")).QuerySelector("main")!.TextContent);
    }
}
