using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Ideas;

/// <summary>A forum's organisers type in the ideas written on paper there, one after another in one
/// form that keeps the group, theme and place; the ideas are published as the forum's, entered by
/// the organiser, with no address, and nobody is ever mailed about them.</summary>
public class ForumPaperIdeasTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task An_organiser_enters_several_paper_ideas_in_a_row_with_the_group_theme_and_place_kept()
    {
        var forum = await TestIdeas.CreateForumAsync(app, Unique("Ideju skrejceļš Olainē"));
        var group = forum.Groups.Single(g => g.Position == 2);
        var (organiser, user) = await app.LoggedInAsync(Roles.Organiser);
        var (theme, place) = await app.WithDbAsync(async db => (
            (await db.Themes.SingleAsync(t => t.Slug == "safety")).Id.ToString(),
            (await db.Territories.SingleAsync(t => t.Slug == "jaunolaine")).Id.ToString()));

        var tools = await organiser.GetAsync($"/admin/events/{forum.Slug}/edit");
        Assert.NotNull(tools.QuerySelector($"a[href='/admin/events/{forum.Slug}/ideas']"));
        var page = await organiser.GetAsync($"/admin/events/{forum.Slug}/ideas");
        Assert.Equal("Šim forumam no papīra vēl nav ievadīta neviena ideja", page.QuerySelector("#entered-heading")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#form_Title[autofocus]"));

        var titles = new[] { Unique("Gājēju pāreja pie skolas"), Unique("Apgaismojums parkā"), Unique("Ātruma vaļņi Meža ielā") };
        page = await organiser.SubmitAndFollowAsync(page, "main form", new Dictionary<string, string>
        {
            ["form.ForumGroupId"] = group.Id.ToString(),
            ["form.ThemeId"] = theme,
            ["form.TerritoryId"] = place,
            ["form.Title"] = titles[0],
            ["form.Body"] = "Vajag.",
            ["form.AddressedTo"] = "Municipality",
            ["form.Kind"] = "Need",
        });
        foreach (var title in titles.Skip(1))
        {
            // What stays for the next idea is chosen already; the idea's own fields are empty.
            Assert.Equal(group.Id.ToString(), page.QuerySelector("#form_ForumGroupId option[selected]")!.GetAttribute("value"));
            Assert.Equal(theme, page.QuerySelector("#form_ThemeId option[selected]")!.GetAttribute("value"));
            Assert.Equal(place, page.QuerySelector("#form_TerritoryId option[selected]")!.GetAttribute("value"));
            Assert.Equal("", page.QuerySelector("#form_Title")!.GetAttribute("value") ?? "");
            Assert.Equal("", page.QuerySelector("#form_Body")!.TextContent);
            Assert.NotNull(page.QuerySelector("#form_Title[autofocus]"));
            page = await organiser.SubmitAndFollowAsync(page, "main form", new Dictionary<string, string>
            {
                ["form.Title"] = title,
                ["form.Body"] = $"{title}: uzrakstīts uz lapiņas.",
                ["form.AddressedTo"] = "Municipality",
            });
        }

        var saved = page.QuerySelector("#saved-idea")!.TextContent;
        Assert.Contains($"Saglabāta ideja „{titles[2]}”.", saved);
        Assert.Contains("Grupa: Vide, mājoklis, drošība.", saved);
        Assert.Equal("Šim forumam no papīra ievadītas 3 idejas", page.QuerySelector("#entered-heading")!.TextContent.Trim());
        Assert.Equal(Enumerable.Reverse(titles), page.QuerySelectorAll("table[data-table=entered] tbody tr td:first-child a").Select(a => a.TextContent));

        var stored = await app.WithDbAsync(db => db.Ideas.AsNoTracking().Where(i => titles.Contains(i.Title)).ToListAsync());
        var forumStarts = await app.WithDbAsync(db => db.Events.Where(e => e.Id == forum.Id).Select(e => e.StartsAt).SingleAsync());
        Assert.Equal(3, stored.Count);
        Assert.All(stored, i =>
        {
            Assert.Equal((IdeaStatus.Published, IdeaSource.Forum, forum.Id, group.Id), (i.Status, i.Source, i.EventId!.Value, i.ForumGroupId!.Value));
            Assert.Equal((user.Id, (string?)null, ""), (i.EnteredById!, i.AuthorEmail, i.AuthorName));
            // Collected when the forum was held, whenever it is typed in.
            Assert.Equal(forumStarts, i.CreatedAt);
        });
        var ids = stored.Select(i => i.Id).ToList();
        Assert.Equal(3, await app.WithDbAsync(db => db.IdeaHistory.CountAsync(h => ids.Contains(h.IdeaId) && h.Kind == IdeaHistoryKind.Entered && h.ActorId == user.Id)));
        foreach (var title in titles)
        {
            Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.Contains(title))));
        }

        using var visitor = app.CreatePageClient("lv");
        var ideaPage = await visitor.GetAsync($"/ideas/{stored.Single(i => i.Title == titles[0]).Id}");
        Assert.Contains("Foruma dalībnieks", ideaPage.QuerySelector("main .text-body-secondary")!.TextContent);
        Assert.Contains("Uzrakstīta forumā uz papīra", ideaPage.QuerySelector(".idea-facts")!.TextContent);
        Assert.Contains("ievadīta no foruma papīra pierakstiem", ideaPage.QuerySelector(".idea-history")!.TextContent);
        Assert.Contains(titles[0], (await visitor.GetAsync($"/forums/{forum.Slug}")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_refused_entry_keeps_what_was_typed_and_stores_nothing()
    {
        var forum = await TestIdeas.CreateForumAsync(app, Unique("Ideju skrejceļš Jaunolainē"));
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var title = Unique("Soliņi");

        var refused = await organiser.SubmitExpectingPageAsync(await organiser.GetAsync($"/admin/events/{forum.Slug}/ideas"), "main form",
            new Dictionary<string, string>
            {
                ["form.ForumGroupId"] = "",
                ["form.Title"] = title,
                ["form.Body"] = "Pie upes.",
                ["form.AuthorName"] = "Anna",
            });

        var errors = refused.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Lūdzu, izvēlieties „Tematiskā grupa”", errors);
        Assert.Contains("Lūdzu, izvēlieties „Kam adresēta”", errors);
        Assert.Equal(title, refused.QuerySelector("#form_Title")!.GetAttribute("value"));
        Assert.Equal("Pie upes.", refused.QuerySelector("#form_Body")!.TextContent.Trim());
        Assert.Equal("Anna", refused.QuerySelector("#form_AuthorName")!.GetAttribute("value"));
        // The error list takes focus, not the title.
        Assert.Null(refused.QuerySelector("#form_Title[autofocus]"));
        Assert.False(await app.WithDbAsync(db => db.Ideas.AnyAsync(i => i.Title == title)));
    }

    [Fact]
    public async Task Paper_ideas_wait_until_the_forum_has_begun()
    {
        var forum = await TestEvents.CreateAsync(app, Unique("Nākamais forums"));
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);

        var page = await organiser.GetAsync($"/admin/events/{forum.Slug}/ideas");

        Assert.Contains("kad publicēts forums ir sācies", page.QuerySelector("main [role=note]")!.TextContent);
        Assert.Null(page.QuerySelector("main form[action$='/ideas']"));
        var notForum = await TestEvents.CreateAsync(app, Unique("Talka"), startsAt: app.Clock.GetUtcNow().AddDays(-1), configure: e => e.Kind = EventKind.CommunityEvent);
        using var response = await organiser.Http.GetAsync($"/admin/events/{notForum.Slug}/ideas");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Leaders_of_a_co_organising_community_enter_paper_ideas_and_nobody_else_without_a_role()
    {
        var (leader, leaderUser) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, Unique("Jaunolaines kopiena"), "olaine", leaderId: leaderUser.Id);
        var forum = await TestIdeas.CreateForumAsync(app, Unique("Kopienas forums"));
        await app.WithDbAsync(async db =>
        {
            var ev = await db.Events.Include(e => e.Communities).SingleAsync(e => e.Id == forum.Id);
            ev.Communities.Add(await db.Communities.SingleAsync(c => c.Id == community.Id));
            return await db.SaveChangesAsync();
        });
        var otherForum = await TestIdeas.CreateForumAsync(app, Unique("Cits forums"));
        var title = Unique("Rotaļu laukums");

        var page = await leader.SubmitAndFollowAsync(await leader.GetAsync($"/admin/events/{forum.Slug}/ideas"), "main form", new Dictionary<string, string>
        {
            ["form.ForumGroupId"] = forum.Groups.First().Id.ToString(),
            ["form.Title"] = title,
            ["form.Body"] = "Bērniem.",
            ["form.AddressedTo"] = "Residents",
        });
        Assert.Contains(title, page.QuerySelector("#saved-idea")!.TextContent);

        var (resident, _) = await app.LoggedInAsync(null);
        foreach (var (client, slug) in new[] { (leader, otherForum.Slug), (resident, forum.Slug) })
        {
            var token = (await client.GetAsync("/ideas/new")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var get = await client.Http.GetAsync($"/admin/events/{slug}/ideas");
            using var post = await client.Http.PostAsync($"/admin/events/{slug}/ideas", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["form.Title"] = title + " (svešs)",
                ["form.Body"] = "Nedrīkst.",
                ["form.AddressedTo"] = "Residents",
                ["form.TerritoryId"] = forum.TerritoryId.ToString(),
            }));
            foreach (var response in new[] { get, post })
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("http://localhost/account/access-denied", response.Headers.Location!.ToString());
            }
        }

        Assert.False(await app.WithDbAsync(db => db.Ideas.AnyAsync(i => i.Title == title + " (svešs)")));
    }

    [Fact]
    public async Task Answering_or_hiding_a_paper_idea_mails_nobody()
    {
        var forum = await TestIdeas.CreateForumAsync(app, Unique("Ideju skrejceļš Grēnēs"));
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var title = Unique("Ūdensvads Grēnēs");
        await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/events/{forum.Slug}/ideas"), "main form", new Dictionary<string, string>
        {
            ["form.ForumGroupId"] = forum.Groups.First().Id.ToString(),
            ["form.Title"] = title,
            ["form.Body"] = "Vajadzīgs centralizēts ūdensvads.",
            ["form.AddressedTo"] = "Municipality",
        });
        var id = await app.WithDbAsync(db => db.Ideas.Where(i => i.Title == title).Select(i => i.Id).SingleAsync());

        var (staff, _) = await app.LoggedInStaffAsync();
        var answered = await staff.SubmitAndFollowAsync(await staff.GetAsync($"/municipality/ideas/{id}"), "main form", new Dictionary<string, string>
        {
            ["form.Response"] = "UnderReview",
            ["form.Reply"] = "Izvērtējam.",
        });
        Assert.NotNull(answered.QuerySelector("[role=status]"));
        await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/ideas/{id}"), "main form[action$='/hide']", new Dictionary<string, string>
        {
            ["form.Reason"] = "Dublikāts.",
        });

        Assert.Equal(IdeaStatus.Hidden, await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.Contains(title))));
    }
}
