using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Cooperation;

public class CooperationBoardTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private async Task<(PageClient Client, AppUser Leader, Community Community)> LeaderAsync(string name, string territory = "olaine", string culture = "lv")
    {
        var leader = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("leader"), culture: culture);
        var community = await TestCommunities.CreateAsync(app, name, territory, leaderId: leader.Id);
        var client = app.CreatePageClient(culture);
        await app.LogInAsync(client, leader);
        return (client, leader, community);
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", Path(response));
    }

    private static string Path(HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;

    private static IEnumerable<int> Listed(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-post]").Select(e => int.Parse(e.GetAttribute("data-post")!, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_leader_posts_a_request_which_the_board_lists_and_shows_with_sanitised_markdown()
    {
        var (client, _, community) = await LeaderAsync("Talkotāju biedrība");
        var form = await client.GetAsync($"/cooperation/new?community={community.Slug}");
        Assert.Equal(TestCooperation.Today(app).AddDays(60).ToString("yyyy-MM-dd"), form.QuerySelector("#form_ValidUntil")!.GetAttribute("value"));

        var page = await client.SubmitAndFollowAsync(form, "main form", new Dictionary<string, string>
        {
            ["form.CommunityId"] = community.Id.ToString(),
            ["form.Direction"] = nameof(CooperationDirection.Request),
            ["form.Kind"] = nameof(CooperationKind.Volunteers),
            ["form.Title"] = "Meklējam talciniekus pavasarim",
            ["form.Body"] = "Vajag **desmit** rokas <script>alert(1)</script> parka sakopšanai.",
            ["form.TerritoryId"] = "",
        });

        Assert.Equal("Meklējam talciniekus pavasarim", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".cooperation-text strong"));
        Assert.Empty(page.QuerySelectorAll("main script"));
        var post = await app.WithDbAsync(db => db.CooperationPosts.SingleAsync(p => p.CommunityId == community.Id));
        Assert.Equal(community.TerritoryId, post.TerritoryId);
        Assert.Equal(community.NovadsId, post.NovadsId);
        Assert.Equal(TestCooperation.Today(app).AddDays(60), post.ValidUntil);
        using var anonymous = app.CreatePageClient("lv");
        Assert.Contains(post.Id, Listed(await anonymous.GetAsync("/cooperation?kind=Volunteers")));
    }

    [Fact]
    public async Task Valid_until_must_be_in_the_future_and_within_a_year()
    {
        var (client, _, community) = await LeaderAsync("Termiņu biedrība");
        var form = await client.GetAsync("/cooperation/new");
        var values = new Dictionary<string, string>
        {
            ["form.CommunityId"] = community.Id.ToString(),
            ["form.Direction"] = nameof(CooperationDirection.Offer),
            ["form.Kind"] = nameof(CooperationKind.SpaceOrEquipment),
            ["form.Title"] = "Piedāvājam zāli",
            ["form.Body"] = "Zāle četrdesmit cilvēkiem vakaros.",
            ["form.ValidUntil"] = TestCooperation.Today(app).ToString("yyyy-MM-dd"),
        };

        var past = await client.SubmitExpectingPageAsync(form, "main form", values);
        values["form.ValidUntil"] = TestCooperation.Today(app).AddDays(400).ToString("yyyy-MM-dd");
        var far = await client.SubmitExpectingPageAsync(form, "main form", values);

        Assert.Contains("nākotnē", past.QuerySelector("#form_ValidUntil-error")!.TextContent);
        Assert.Contains("365", far.QuerySelector("#form_ValidUntil-error")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.CooperationPosts.AnyAsync(p => p.CommunityId == community.Id)));
    }

    [Fact]
    public async Task Only_the_communitys_leaders_edit_match_and_close_and_strangers_must_log_in()
    {
        var (_, _, community) = await LeaderAsync("Savējo biedrība");
        var post = await TestCooperation.CreateAsync(app, community, "Meklējam lektoru");
        var (other, _, _) = await LeaderAsync("Svešā biedrība");
        var (resident, _) = await app.LoggedInAsync(null);
        using var anonymous = app.CreatePageClient("lv");

        AssertDenied(await other.Http.GetAsync($"/cooperation/{post.Id}/edit"));
        var page = await other.GetAsync($"/cooperation/{post.Id}");
        Assert.Null(page.QuerySelector($"form[action='/cooperation/{post.Id}/match']"));
        // A forged close (the page's antiforgery token, another form's action) is refused.
        var close = await other.SubmitAsync(page, "main form[action$='/report']", new Dictionary<string, string>(), path: $"/cooperation/{post.Id}/close");
        AssertDenied(close);
        AssertDenied(await resident.Http.GetAsync("/cooperation/new"));
        var login = await anonymous.Http.GetAsync("/cooperation/new");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/account/login", Path(login));
        Assert.Equal("/account/login", Path(await anonymous.Http.GetAsync($"/cooperation/{post.Id}/edit")));
        Assert.Equal(CooperationStatus.Open, (await app.WithDbAsync(db => db.CooperationPosts.SingleAsync(p => p.Id == post.Id))).Status);

        // Another community's leader posting for this one is refused.
        var form = await other.GetAsync("/cooperation/new");
        var forged = await other.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["form.CommunityId"] = community.Id.ToString(),
            ["form.Direction"] = nameof(CooperationDirection.Offer),
            ["form.Kind"] = nameof(CooperationKind.Other),
            ["form.Title"] = "Viltots sludinājums",
            ["form.Body"] = "Šo nedrīkstētu publicēt cita kopiena.",
        });
        AssertDenied(forged);
    }

    [Fact]
    public async Task An_answer_and_the_reply_are_relayed_without_either_address()
    {
        var (leaderClient, leader, community) = await LeaderAsync("Atbildētāju biedrība");
        var post = await TestCooperation.CreateAsync(app, community, "Piedāvājam projektora nomu", CooperationKind.SpaceOrEquipment, CooperationDirection.Offer);
        var (answerer, answererUser) = await app.LoggedInAsync(null);

        var page = await answerer.GetAsync($"/cooperation/{post.Id}");
        Assert.DoesNotContain(leader.Email!, page.DocumentElement.OuterHtml);
        var after = await answerer.SubmitAndFollowAsync(page, "main form[action$='/answer']", new Dictionary<string, string>
        {
            ["answer.Message"] = "Labdien! Mums projektors vajadzīgs sestdien.",
        });
        Assert.DoesNotContain(leader.Email!, after.DocumentElement.OuterHtml);

        var mail = await app.Smtp.WaitForMessageAsync(leader.Email!);
        Assert.Contains("Piedāvājam projektora nomu", mail.Subject);
        Assert.Contains("Mums projektors vajadzīgs sestdien.", mail.TextBody);
        Assert.Contains(answererUser.DisplayName, mail.TextBody);
        Assert.DoesNotContain(answererUser.Email!, mail.ToString());
        Assert.Empty(mail.ReplyTo.Mailboxes);
        var link = new Uri(mail.TextBody!.Split(['\n', ' '], StringSplitOptions.RemoveEmptyEntries).First(w => w.Contains("/answers/")).Trim()).PathAndQuery;

        // Only the poster's leaders read it.
        AssertDenied(await answerer.Http.GetAsync(link));
        var conversation = await leaderClient.GetAsync(link);
        Assert.Contains("Mums projektors vajadzīgs sestdien.", conversation.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(answererUser.Email!, conversation.DocumentElement.OuterHtml);
        await leaderClient.SubmitAndFollowAsync(conversation, "main form", new Dictionary<string, string>
        {
            ["reply.Message"] = "Sestdien der, nāciet desmitos.",
        });

        var reply = await app.Smtp.WaitForMessageAsync(answererUser.Email!);
        Assert.Contains("Sestdien der, nāciet desmitos.", reply.TextBody);
        Assert.DoesNotContain(leader.Email!, reply.ToString());
        Assert.Empty(reply.ReplyTo.Mailboxes);
        Assert.Equal(2, await app.WithDbAsync(db => db.CooperationAnswers.CountAsync(a => a.PostId == post.Id)));
    }

    [Fact]
    public async Task A_matched_post_leaves_the_open_list_and_offers_a_co_organised_event()
    {
        var (client, _, community) = await LeaderAsync("Sadarbības biedrība");
        var (partnerClient, _, partner) = await LeaderAsync("Partneru biedrība", "kekava");
        var post = await TestCooperation.CreateAsync(app, community, "Meklējam partneri festivālam", CooperationKind.EventPartner);
        var page = await client.GetAsync($"/cooperation/{post.Id}");

        var invalid = await client.SubmitExpectingPageAsync(page, $"form[action='/cooperation/{post.Id}/match']",
            new Dictionary<string, string> { ["match.Community"] = "Nav tādas kopienas" });
        Assert.NotNull(invalid.QuerySelector("#match_Community-error"));
        var matched = await client.SubmitAndFollowAsync(page, $"form[action='/cooperation/{post.Id}/match']",
            new Dictionary<string, string> { ["match.Community"] = "partneru biedriba" });

        Assert.Contains("Partneru biedrība", matched.QuerySelector("#post-status")!.TextContent);
        var stored = await app.WithDbAsync(db => db.CooperationPosts.SingleAsync(p => p.Id == post.Id));
        Assert.Equal(CooperationStatus.Matched, stored.Status);
        Assert.Equal(partner.Id, stored.MatchedCommunityId);
        using var anonymous = app.CreatePageClient("lv");
        Assert.DoesNotContain(post.Id, Listed(await anonymous.GetAsync("/cooperation")));
        Assert.Contains(post.Id, Listed(await anonymous.GetAsync("/cooperation?matched=true")));
        Assert.Null((await anonymous.GetAsync($"/cooperation/{post.Id}")).QuerySelector("#start-event"));

        // The partner's leader starts the event: both communities ticked as co-organisers.
        var link = (await partnerClient.GetAsync($"/cooperation/{post.Id}")).QuerySelector("#start-event")!.GetAttribute("href")!;
        var eventForm = await partnerClient.GetAsync(link);
        Assert.NotNull(eventForm.QuerySelector($"input[name='form.CommunityIds'][value='{community.Id}'][checked]"));
        Assert.NotNull(eventForm.QuerySelector($"input[name='form.CommunityIds'][value='{partner.Id}'][checked]"));
    }

    [Fact]
    public async Task A_post_past_its_day_closes_by_itself()
    {
        var (_, _, community) = await LeaderAsync("Termiņa biedrība");
        var post = await TestCooperation.CreateAsync(app, community, "Īslaicīgs lūgums", validDays: 1);
        using var anonymous = app.CreatePageClient("lv");
        var (resident, _) = await app.LoggedInAsync(null);
        Assert.Contains(post.Id, Listed(await anonymous.GetAsync("/cooperation")));
        try
        {
            app.Clock.Advance(TimeSpan.FromDays(2));

            Assert.DoesNotContain(post.Id, Listed(await anonymous.GetAsync("/cooperation")));
            var page = await resident.GetAsync($"/cooperation/{post.Id}");
            Assert.Contains("Beidzies termiņš", page.QuerySelector("#post-status")!.TextContent);
            Assert.Null(page.QuerySelector("form[action$='/answer']"));
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task A_reported_post_hidden_by_an_organiser_vanishes_and_its_leaders_are_told()
    {
        var (_, leader, community) = await LeaderAsync("Ziņotā biedrība");
        var post = await TestCooperation.CreateAsync(app, community, "Pērciet mūsu produktus");
        var (reporter, _) = await app.LoggedInAsync(null);
        await reporter.SubmitAndFollowAsync(await reporter.GetAsync($"/cooperation/{post.Id}"), "main form[action$='/report']",
            new Dictionary<string, string> { ["report.Reason"] = "Tā ir reklāma, nevis sadarbība." });
        var (organiser, organiserUser) = await app.LoggedInAsync(Roles.Organiser);

        var queue = await organiser.GetAsync("/admin/cooperation");
        Assert.Contains("Tā ir reklāma", queue.QuerySelector($"[data-reported='{post.Id}']")!.TextContent);
        await organiser.SubmitAndFollowAsync(queue, $"form[action='/admin/cooperation/{post.Id}/hide']",
            new Dictionary<string, string> { ["Hide.Reason"] = "Komerciāla reklāma nav sadarbība." });

        var mail = await app.Smtp.WaitForMessageAsync(leader.Email!);
        Assert.Contains("Komerciāla reklāma nav sadarbība.", mail.TextBody);
        using var anonymous = app.CreatePageClient("lv");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"/cooperation/{post.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.Http.GetAsync($"/cooperation/{post.Id}")).StatusCode);
        Assert.DoesNotContain(post.Id, Listed(await anonymous.GetAsync("/cooperation")));
        Assert.Null((await organiser.GetAsync("/admin/cooperation")).QuerySelector($"[data-reported='{post.Id}']"));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == nameof(CooperationPost) && a.EntityId == post.Id.ToString()));
        Assert.Equal("hidden", audit.Action);
        Assert.Equal(organiserUser.Id, audit.UserId);
    }

    [Fact]
    public async Task Filters_and_search_without_diacritics_find_the_right_posts()
    {
        var (_, _, olaine) = await LeaderAsync("Filtru biedrība Olainē");
        var (_, _, kekava) = await LeaderAsync("Filtru biedrība Ķekavā", "kekava");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var hall = await TestCooperation.CreateAsync(app, kekava, $"Ķekavas zāle {tag}", CooperationKind.SpaceOrEquipment, CooperationDirection.Offer, themeSlug: "culture");
        var talk = await TestCooperation.CreateAsync(app, olaine, $"Lekcija par bitēm {tag}", CooperationKind.SkillsOrTalk, CooperationDirection.Request);
        var baldone = await TestCooperation.CreateAsync(app, kekava, $"Baldones talka {tag}", CooperationKind.Volunteers, territorySlug: "baldone");
        using var client = app.CreatePageClient("lv");

        async Task<List<int>> Find(string query) => Listed(await client.GetAsync($"/cooperation?q={tag}&{query}")).ToList();

        Assert.Equal([hall.Id], Listed(await client.GetAsync($"/cooperation?q=kekavas+zale+{tag}")));
        Assert.Equal([talk.Id], Listed(await client.GetAsync($"/cooperation?q=BITES+{tag}")));
        Assert.Equal([hall.Id], await Find("kind=SpaceOrEquipment"));
        Assert.Equal([talk.Id], await Find("direction=Request&kind=SkillsOrTalk"));
        Assert.Equal([hall.Id], await Find("theme=culture"));
        Assert.Equal([talk.Id], await Find("novads=olaines-novads"));
        Assert.Equal([baldone.Id], await Find("former=bijusais-baldones-novads"));
        Assert.Equal([baldone.Id], await Find("place=baldone"));
        Assert.Equal(3, (await Find("")).Count);
        Assert.Empty(await Find("novads=nav-tada"));
    }

    [Fact]
    public async Task A_match_between_two_communities_is_a_cooperation_tie_in_the_reports()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var first = await TestCommunities.CreateAsync(app, $"Saišu biedrība {tag}", "olaine");
        var second = await TestCommunities.CreateAsync(app, $"Saišu partneris {tag}", "kekava");
        var post = await TestCooperation.CreateAsync(app, first, "Meklējam partneri projektam", CooperationKind.ProjectPartner);
        await app.WithDbAsync(async db =>
        {
            var stored = await db.CooperationPosts.SingleAsync(p => p.Id == post.Id);
            stored.Match(second.Id, app.Clock.GetUtcNow().AddMinutes(-1));
            return await db.SaveChangesAsync();
        });
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);

        var report = await organiser.GetAsync("/reports");

        var row = report.QuerySelectorAll("table[data-table=ties] tbody tr")
            .Single(r => r.TextContent.Contains(first.Name) && r.TextContent.Contains(second.Name));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["0", "1"], cells[2..]);
    }

    [Fact]
    public async Task A_leader_edits_the_post_and_its_place_columns_follow_the_new_place()
    {
        var (client, _, community) = await LeaderAsync("Labotāju biedrība");
        var post = await TestCooperation.CreateAsync(app, community, "Sākotnējais virsraksts");
        var baldone = await app.WithDbAsync(db => db.Territories.SingleAsync(t => t.Slug == "baldone"));

        var page = await client.SubmitAndFollowAsync(await client.GetAsync($"/cooperation/{post.Id}/edit"), "main form", new Dictionary<string, string>
        {
            ["form.Title"] = "Labotais virsraksts",
            ["form.TerritoryId"] = baldone.Id.ToString(),
        });

        Assert.Equal("Labotais virsraksts", page.QuerySelector("h1")!.TextContent.Trim());
        var stored = await app.WithDbAsync(db => db.CooperationPosts.SingleAsync(p => p.Id == post.Id));
        Assert.Equal(baldone.Id, stored.TerritoryId);
        Assert.Equal(baldone.Id, stored.ParishId);
        Assert.Equal(baldone.FormerNovadsId, stored.FormerNovadsId);
        Assert.Contains("baldone", stored.SearchDocument);
        Assert.Equal(community.Id, stored.CommunityId);
    }

    [Fact]
    public async Task Posts_of_a_community_that_left_the_directory_are_not_shown()
    {
        var (_, _, community) = await LeaderAsync("Aizgājušā biedrība");
        var post = await TestCooperation.CreateAsync(app, community, "Aizgājušās kopienas lūgums");
        await app.WithDbAsync(db => db.Communities.Where(c => c.Id == community.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CommunityStatus.Rejected)));
        using var anonymous = app.CreatePageClient("lv");

        Assert.DoesNotContain(post.Id, Listed(await anonymous.GetAsync("/cooperation")));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"/cooperation/{post.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_persons_answers_are_in_their_data_and_lose_their_name_with_the_account()
    {
        var (_, _, community) = await LeaderAsync("Datu biedrība");
        var post = await TestCooperation.CreateAsync(app, community, "Lūgums ar atbildēm");
        var (client, user) = await app.LoggedInAsync(null);
        await client.SubmitAndFollowAsync(await client.GetAsync($"/cooperation/{post.Id}"), "main form[action$='/answer']",
            new Dictionary<string, string> { ["answer.Message"] = "Mana atbilde uz lūgumu par datiem." });

        Assert.Contains("Mana atbilde uz lūgumu par datiem.", await client.Http.GetStringAsync("/account/privacy/download"));
        await client.SubmitAndFollowAsync(await client.GetAsync("/account/privacy"), "main form[action='/account/privacy/delete']",
            new Dictionary<string, string> { ["form.Password"] = TestUsers.Password });

        var answer = await app.WithDbAsync(db => db.CooperationAnswers.SingleAsync(a => a.PostId == post.Id));
        Assert.Null(answer.SenderId);
        Assert.Equal(DeletedPerson.Name, answer.SenderName);
        Assert.DoesNotContain(user.DisplayName, answer.SenderName);
    }
}
