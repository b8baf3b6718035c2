using System.Net;
using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Ideas;

public partial class IdeaSubmissionTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static Dictionary<string, string> Values(string title, string territoryId, string? email = null)
    {
        var values = new Dictionary<string, string>
        {
            ["form.Kind"] = "Idea",
            ["form.Title"] = title,
            ["form.Body"] = "Vasarā pagalmā varētu rīkot kaimiņu kino vakarus.",
            ["form.TerritoryId"] = territoryId,
            ["form.AddressedTo"] = "Residents",
            ["form.Name"] = "Zane Bērziņa",
        };
        if (email is not null)
        {
            values["form.Email"] = email;
        }

        return values;
    }

    [Fact]
    public async Task Without_an_account_the_idea_waits_for_the_e_mail_link_which_publishes_it_once()
    {
        using var visitor = app.CreatePageClient("lv");
        var form = await visitor.GetAsync("/ideas/new");
        var territory = form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent == "Baloži").GetAttribute("value")!;
        var email = TestUsers.UniqueEmail("bez-konta");
        var title = $"Kino vakari pagalmā {Guid.NewGuid():N}"[..30];

        var sent = await visitor.SubmitAndFollowAsync(form, "main form", Values(title, territory, email.ToUpperInvariant()));

        Assert.Equal("Pārbaudiet savu e-pastu", sent.QuerySelector("h1")!.TextContent);
        var stored = await app.WithDbAsync(db => db.Ideas.SingleAsync(i => i.Title == title));
        Assert.Equal(IdeaStatus.Unconfirmed, stored.Status);
        Assert.Equal(email, stored.AuthorEmail);
        Assert.Null(stored.AuthorId);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/ideas/{stored.Id}")).StatusCode);
        Assert.DoesNotContain(title, (await visitor.GetAsync($"/ideas?q={Uri.EscapeDataString("kino vakari")}")).QuerySelector("main")!.TextContent);

        var mail = await app.Smtp.WaitForMessageAsync(email);
        Assert.Equal($"Apstipriniet savu iesniegumu „{title}”", mail.Subject);
        var link = ConfirmLink().Match(mail.TextBody!).Groups[1].Value;
        Assert.DoesNotContain(link.Split('/').Last(), await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == stored.Id).Select(i => i.ConfirmTokenHash!).SingleAsync()));

        // Opening the link publishes nothing (mail scanners open links); the button does.
        var confirmPage = await visitor.GetAsync(link);
        Assert.Equal(IdeaStatus.Unconfirmed, await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == stored.Id).Select(i => i.Status).SingleAsync()));
        var page = await visitor.SubmitAndFollowAsync(confirmPage, "main form", new Dictionary<string, string>());
        Assert.Contains("ideja ir publicēta", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain(email, page.DocumentElement.OuterHtml);
        Assert.Contains("Zane Bērziņa", page.QuerySelector("main")!.TextContent);
        Assert.Contains(title, (await visitor.GetAsync("/ideas?q=kino+vakari")).QuerySelector("main")!.TextContent);

        // The link opened again leads to the idea; posting it again changes nothing.
        var again = await visitor.Http.GetAsync(link);
        Assert.Equal($"/ideas/{stored.Id}", again.Headers.Location!.OriginalString);
        using var repost = await visitor.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = confirmPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.NotFound, repost.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.IdeaHistory.CountAsync(h => h.IdeaId == stored.Id)));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_translated_errors_and_the_input_kept()
    {
        using var visitor = app.CreatePageClient("en");
        var form = await visitor.GetAsync("/ideas/new");
        var territory = form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent == "Olaine").GetAttribute("value")!;

        var values = Values("Jā", "999999", "nav-epasts");
        values["form.Body"] = new string('a', 5001);
        values["form.ThemeId"] = "4242";
        var wrong = await visitor.SubmitExpectingPageAsync(form, "main form", values);

        var errors = wrong.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("“Title” must be 5 to 200 characters long.", errors);
        Assert.Contains("“Description” must be 20 to 5000 characters long.", errors);
        Assert.Contains("Choose a place from the list.", errors);
        Assert.Contains("Choose a theme from the list.", errors);
        Assert.Contains("Enter a valid e-mail address", errors);
        Assert.Equal("Jā", wrong.QuerySelector("#form_Title")!.GetAttribute("value"));
        Assert.Equal("Zane Bērziņa", wrong.QuerySelector("#form_Name")!.GetAttribute("value"));
        Assert.Equal("nav-epasts", wrong.QuerySelector("#form_Email")!.GetAttribute("value"));
        Assert.NotNull(wrong.QuerySelector("#addressee-Residents[checked]"));

        values = Values("<script>alert(1)</script> soliņš", territory);
        values["form.ForumGroupId"] = "987654";
        var noEmail = await visitor.SubmitExpectingPageAsync(form, "main form", values);
        Assert.Contains("Please fill in “E-mail address”.", noEmail.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("Choose a forum group from the list.", noEmail.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Ideas.CountAsync(i => i.Title.Contains("soliņš"))));
    }

    [Fact]
    public async Task Text_is_shown_encoded_with_its_line_breaks()
    {
        var (client, _) = await app.LoggedInAsync(null);
        var form = await client.GetAsync("/ideas/new");
        var territory = form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent == "Olaine").GetAttribute("value")!;
        var values = Values("<b>Soliņi</b> & galdi parkā", territory);
        values["form.Body"] = "Pirmā rinda <script>alert('x')</script>\nOtrā rinda";

        var page = await client.SubmitAndFollowAsync(form, "main form", values);

        Assert.Equal("<b>Soliņi</b> & galdi parkā", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("main script"));
        Assert.Equal("Pirmā rinda <script>alert('x')</script>\nOtrā rinda", page.QuerySelector("main .idea-text")!.TextContent);
    }

    [Fact]
    public async Task A_forum_group_link_preselects_the_group_and_the_idea_lands_in_it()
    {
        var forum = await TestIdeas.CreateForumAsync(app, "Ideju skrejceļš Baložos");
        var group = forum.Groups.Single(g => g.Position == 4);
        var (client, _) = await app.LoggedInAsync(null);

        var form = await client.GetAsync($"/ideas/new?forum={forum.Slug}&group={group.Id}");
        Assert.Equal(group.Id.ToString(), form.QuerySelector("#form_ForumGroupId option[selected]")!.GetAttribute("value"));
        var territory = form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent == "Baloži").GetAttribute("value")!;
        // The client posts inputs only: the selected group goes as the browser would send it.
        var values = Values("Skeitparks pie skolas", territory);
        values["form.ForumGroupId"] = group.Id.ToString();
        await client.SubmitAndFollowAsync(form, "main form", values);

        var stored = await app.WithDbAsync(db => db.Ideas.SingleAsync(i => i.Title == "Skeitparks pie skolas"));
        Assert.Equal(forum.Id, stored.EventId);
        Assert.Equal(group.Id, stored.ForumGroupId);
        using var visitor = app.CreatePageClient("lv");
        var forumPage = await visitor.GetAsync($"/forums/{forum.Slug}");
        Assert.Contains("Skeitparks pie skolas", forumPage.QuerySelector($"#group-{group.Id}")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task A_forum_older_than_the_hundred_newest_still_takes_ideas()
    {
        var old = await TestIdeas.CreateForumAsync(app, "Senais ideju skrejceļš");
        var group = old.Groups.Single(g => g.Position == 2);
        var territoryId = old.TerritoryId;
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var row = await db.Events.SingleAsync(e => e.Id == old.Id);
            row.StartsAt = now.AddYears(-3);
            row.EndsAt = row.StartsAt.AddHours(4);
            // More newer forums than a form lists, so the old one is not among them.
            for (var i = 0; i < IdeaQueries.OfferedForums; i++)
            {
                var starts = now.AddDays(-1 - i);
                db.Events.Add(new Event
                {
                    Slug = $"jaunaks-forums-{i}-{Guid.NewGuid():N}"[..30],
                    Title = $"Jaunāks forums {i}",
                    Kind = EventKind.Forum,
                    StartsAt = starts,
                    EndsAt = starts.AddHours(4),
                    Venue = "Kultūras nams",
                    TerritoryId = territoryId,
                    Status = EventStatus.Published,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }

            return await db.SaveChangesAsync();
        });
        var (client, _) = await app.LoggedInAsync(null);

        var form = await client.GetAsync($"/ideas/new?forum={old.Slug}&group={group.Id}");
        Assert.Equal(group.Id.ToString(), form.QuerySelector("#form_ForumGroupId option[selected]")!.GetAttribute("value"));
        var values = Values("Soliņi pie senās skolas", territoryId.ToString());
        values["form.ForumGroupId"] = group.Id.ToString();
        await client.SubmitAndFollowAsync(form, "main form", values);

        var stored = await app.WithDbAsync(db => db.Ideas.SingleAsync(i => i.Title == "Soliņi pie senās skolas"));
        Assert.Equal(old.Id, stored.EventId);
        Assert.Equal(group.Id, stored.ForumGroupId);
    }

    [GeneratedRegex(@"http://kaimini\.test(/ideas/confirm/[A-Za-z0-9_-]+)")]
    private static partial Regex ConfirmLink();
}
