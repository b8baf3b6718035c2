using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Ideas;

public class IdeaModerationTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task Hiding_needs_a_reason_hides_the_idea_from_everyone_and_restoring_brings_it_back()
    {
        var idea = await TestIdeas.CreateAsync(app, "Reklāma, nevis ideja");
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var page = await organiser.GetAsync($"/admin/ideas/{idea.Id}");

        var refused = await organiser.SubmitExpectingPageAsync(page, "main form[action$='/hide']", new Dictionary<string, string> { ["form.Reason"] = " " });
        Assert.Contains("Lūdzu, aizpildiet lauku „Iemesls”.", refused.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(IdeaStatus.Published, await StatusAsync(idea.Id));

        var hidden = await organiser.SubmitAndFollowAsync(page, "main form[action$='/hide']", new Dictionary<string, string> { ["form.Reason"] = "Komerciāla reklāma." });
        Assert.Equal("Ideja paslēpta.", hidden.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(IdeaStatus.Hidden, await StatusAsync(idea.Id));
        Assert.Equal("Komerciāla reklāma.", await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea.Id).Select(i => i.HiddenReason).SingleAsync()));
        Assert.Contains("Komerciāla reklāma.", hidden.QuerySelector(".idea-history")!.TextContent);
        using var visitor = app.CreatePageClient("lv");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/ideas/{idea.Id}")).StatusCode);
        Assert.DoesNotContain(idea.Title, (await visitor.GetAsync("/ideas")).QuerySelector("main")!.TextContent);
        Assert.Contains(idea.Title, (await organiser.GetAsync("/admin/ideas?status=Hidden")).QuerySelector("main")!.TextContent);

        var restored = await organiser.SubmitAndFollowAsync(hidden, "main form[action$='/restore']", new Dictionary<string, string>());
        Assert.Equal("Ideja atjaunota.", restored.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(IdeaStatus.Published, await StatusAsync(idea.Id));
        var history = (await visitor.GetAsync($"/ideas/{idea.Id}")).QuerySelector(".idea-history")!.TextContent;
        Assert.Contains("paslēpta", history);
        Assert.Contains("atjaunota", history);
        // The public sees that it happened, not who moderated or why.
        Assert.DoesNotContain("Komerciāla reklāma.", history);
        var staffHistory = (await organiser.GetAsync($"/ideas/{idea.Id}")).QuerySelector(".idea-history")!.TextContent;
        Assert.Contains("Komerciāla reklāma.", staffHistory);
    }

    [Fact]
    public async Task The_author_of_a_hidden_idea_is_told_why_and_still_sees_it()
    {
        var (author, user) = await app.LoggedInAsync(null);
        var idea = await TestIdeas.CreateAsync(app, "Mana paslēptā ideja", authorId: user.Id, authorEmail: user.Email!);
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);

        await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/ideas/{idea.Id}"), "main form[action$='/hide']",
            new Dictionary<string, string> { ["form.Reason"] = "Satur tālruņa numuru." });

        var mail = await app.Smtp.WaitForMessageAsync(user.Email!, m => m.Subject == "Jūsu ideja paslēpta: Mana paslēptā ideja");
        Assert.Contains("Iemesls: Satur tālruņa numuru.", mail.TextBody);
        var own = await author.GetAsync($"/ideas/{idea.Id}");
        Assert.Contains("Satur tālruņa numuru.", own.QuerySelector("main .alert-warning")!.TextContent);
        var (someoneElse, _) = await app.LoggedInAsync(null);
        Assert.Equal(HttpStatusCode.NotFound, (await someoneElse.Http.GetAsync($"/ideas/{idea.Id}")).StatusCode);
    }

    [Fact]
    public async Task Merging_a_duplicate_carries_its_supports_over_once_and_its_page_leads_to_the_other_idea()
    {
        var target = await TestIdeas.CreateAsync(app, "Apgaismojums Rīgas ielā");
        var duplicate = await TestIdeas.CreateAsync(app, "Ielu lampas Rīgas ielā");
        var both = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("both"));
        var onlyDuplicate = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("dup"));
        var onlyTarget = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("target"));
        await TestIdeas.SupportAsync(app, duplicate.Id, both.Id, onlyDuplicate.Id);
        await TestIdeas.SupportAsync(app, target.Id, both.Id, onlyTarget.Id);
        var earlier = await TestIdeas.CreateAsync(app, "Vēl agrāks dublikāts", status: IdeaStatus.Merged);
        await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == earlier.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.MergedIntoId, duplicate.Id)));
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var page = await organiser.GetAsync($"/admin/ideas/{duplicate.Id}");

        var intoItself = await organiser.SubmitExpectingPageAsync(page, "main form[action$='/merge']",
            new Dictionary<string, string> { ["form.TargetId"] = duplicate.Id.ToString() });
        Assert.Contains("Apvienot var tikai ar citu publicētu ideju.", intoItself.QuerySelector("[role=alert]")!.TextContent);
        var merged = await organiser.SubmitAndFollowAsync(page, "main form[action$='/merge']",
            new Dictionary<string, string> { ["form.TargetId"] = target.Id.ToString() });

        Assert.Equal("Idejas apvienotas.", merged.QuerySelector("[role=status]")!.TextContent);
        var ideas = await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == target.Id || i.Id == duplicate.Id || i.Id == earlier.Id).ToDictionaryAsync(i => i.Id));
        Assert.Equal(3, ideas[target.Id].SupportCount);
        Assert.Equal(IdeaStatus.Merged, ideas[duplicate.Id].Status);
        Assert.Equal(target.Id, ideas[duplicate.Id].MergedIntoId);
        Assert.Equal(target.Id, ideas[earlier.Id].MergedIntoId);
        Assert.Equal(3, await app.WithDbAsync(db => db.IdeaSupports.CountAsync(s => s.IdeaId == target.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.IdeaSupports.CountAsync(s => s.IdeaId == duplicate.Id)));

        using var visitor = app.CreatePageClient("lv");
        var old = await visitor.Http.GetAsync($"/ideas/{duplicate.Id}");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        var landed = await visitor.GetAsync(old.Headers.Location!.OriginalString);
        Assert.Equal(target.Title, landed.QuerySelector("h1")!.TextContent);
        Assert.Contains($"Ideja #{duplicate.Id} atkārtoja šo ideju", landed.QuerySelector("[role=note]")!.TextContent);
        Assert.Equal("3 cilvēki atbalsta", landed.QuerySelector("#support-count")!.TextContent);
        Assert.Contains($"pievienota ideja #{duplicate.Id}", landed.QuerySelector(".idea-history")!.TextContent);
        // A made-up "from" names nothing.
        Assert.Null((await visitor.GetAsync($"/ideas/{target.Id}?from=1")).QuerySelector("[role=note]"));
    }

    [Fact]
    public async Task An_organiser_links_an_idea_to_a_forum_group_and_the_history_says_so()
    {
        var forum = await TestIdeas.CreateForumAsync(app, "Ideju skrejceļš Olainē");
        var group = forum.Groups.Single(g => g.Position == 2);
        var idea = await TestIdeas.CreateAsync(app, "Šķirošanas laukums pie daudzdzīvokļu mājām");
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var page = await organiser.GetAsync($"/admin/ideas/{idea.Id}");

        var wrong = await organiser.SubmitExpectingPageAsync(page, "main form[action$='/link']", new Dictionary<string, string> { ["form.Target"] = "group-999999" });
        Assert.Contains("Izvēlieties foruma grupu no saraksta.", wrong.QuerySelector("[role=alert]")!.TextContent);
        var linked = await organiser.SubmitAndFollowAsync(page, "main form[action$='/link']", new Dictionary<string, string> { ["form.Target"] = $"group-{group.Id}" });

        Assert.Equal("Foruma piesaiste saglabāta.", linked.QuerySelector("[role=status]")!.TextContent);
        var stored = await app.WithDbAsync(db => db.Ideas.SingleAsync(i => i.Id == idea.Id));
        Assert.Equal((forum.Id, group.Id), (stored.EventId!.Value, stored.ForumGroupId!.Value));
        using var visitor = app.CreatePageClient("lv");
        var ideaPage = await visitor.GetAsync($"/ideas/{idea.Id}");
        Assert.Contains("piesaistīta forumam: Ideju skrejceļš Olainē — Vide, mājoklis, drošība", ideaPage.QuerySelector(".idea-history")!.TextContent);
        Assert.Contains(idea.Title, (await visitor.GetAsync($"/forums/{forum.Slug}")).QuerySelector($"#group-{group.Id}")!.ParentElement!.TextContent);
    }

    private Task<IdeaStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Ideas.Where(i => i.Id == id).Select(i => i.Status).SingleAsync());
}
