using System.Text.Json;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Ideas;

public class IdeaListTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".idea-list h3 a").Select(a => a.TextContent).ToList();

    private async Task<List<string>> TitlesAsync(string url)
    {
        using var client = app.CreatePageClient("lv");
        await app.ForgetCachedPagesAsync();
        return Titles(await client.GetAsync(url));
    }

    [Theory]
    [InlineData("celins")]
    [InlineData("CELIŅŠ")]
    [InlineData("celinu kekava")]
    [InlineData("Ķekavā celiņš")]
    public async Task Search_ignores_diacritics_case_and_latvian_endings(string typed)
    {
        await TestIdeas.CreateAsync(app, "Gājēju celiņš gar Ķekavas upi", "kekava", body: "Ķekavā trūkst droša celiņa gājējiem.");

        var titles = await TitlesAsync($"/ideas?q={Uri.EscapeDataString(typed)}");

        Assert.Contains("Gājēju celiņš gar Ķekavas upi", titles);
        Assert.DoesNotContain(titles, t => !SearchTextHolds(t));
    }

    private static bool SearchTextHolds(string title) => title.Contains("celiņ", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task Filters_narrow_the_list_and_unknown_values_match_nothing()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var forum = await TestIdeas.CreateForumAsync(app, $"Forums {tag}");
        var olaine = await TestIdeas.CreateAsync(app, $"Olaines ideja {tag}", "olaine", IdeaAddressee.Municipality, theme: "sport", eventId: forum.Id);
        var kekava = await TestIdeas.CreateAsync(app, $"Ķekavas ideja {tag}", "kekava", IdeaAddressee.Residents, theme: "culture");
        await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == olaine.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Response, IdeaResponse.InProgress)));
        await TestIdeas.SupportAsync(app, kekava.Id, (await TestUsers.CreateAsync(app, TestUsers.UniqueEmail())).Id);

        Assert.Equal([olaine.Title], await TitlesAsync($"/ideas?q={tag}&novads=olaines-novads"));
        Assert.Equal([kekava.Title], await TitlesAsync($"/ideas?q={tag}&novads=kekavas-novads"));
        Assert.Equal([kekava.Title], await TitlesAsync($"/ideas?q={tag}&theme=culture"));
        Assert.Equal([olaine.Title], await TitlesAsync($"/ideas?q={tag}&addressee=Municipality"));
        Assert.Equal([olaine.Title], await TitlesAsync($"/ideas?q={tag}&answer=InProgress"));
        Assert.Equal([kekava.Title], await TitlesAsync($"/ideas?q={tag}&answer=None"));
        Assert.Equal([olaine.Title], await TitlesAsync($"/ideas?forum={forum.Slug}"));
        Assert.Equal([kekava.Title, olaine.Title], await TitlesAsync($"/ideas?q={tag}&sort=supported"));
        Assert.Equal([kekava.Title, olaine.Title], await TitlesAsync($"/ideas?q={tag}"));
        Assert.Empty(await TitlesAsync($"/ideas?q={tag}&novads=nav-tada-novada"));
        Assert.Empty(await TitlesAsync($"/ideas?q={tag}&theme=nav-tadas-temas"));
        Assert.Empty(await TitlesAsync($"/ideas?forum=nav-tada-foruma"));
    }

    [Fact]
    public async Task List_pages_take_a_fixed_number_of_queries_however_many_ideas_they_show()
    {
        var forum = await TestIdeas.CreateForumAsync(app, "Forums vaicājumu skaitīšanai");
        var user = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail());
        for (var i = 0; i < 25; i++)
        {
            var idea = await TestIdeas.CreateAsync(app, $"Vaicājumu ideja {i}", i % 2 == 0 ? "olaine" : "kekava", theme: "sport",
                eventId: forum.Id, groupId: forum.Groups.ElementAt(i % 5).Id);
            await TestIdeas.SupportAsync(app, idea.Id, user.Id);
        }

        var one = await TestIdeas.CreateAsync(app, "Viena vienīga ideja bez foruma");
        using var client = app.CreatePageClient("lv");
        await client.GetAsync("/ideas");

        foreach (var (url, expected) in new[]
        {
            ("/ideas", 3), ("/ideas?q=vaicajumu", 3), ("/ideas?q=vienvieniga", 3), ("/ideas?novads=olaines-novads&theme=sport&sort=supported&page=2", 3),
            ($"/ideas?forum={forum.Slug}", 3), ($"/ideas/{one.Id}", 1), ("/forums", 1), ($"/forums/{forum.Slug}", 2),
        })
        {
            await app.ForgetCachedPagesAsync();
            app.Queries.Reset();
            await client.GetAsync(url);
            Assert.True(PageQueries() == expected, $"{url}: {PageQueries()} queries:\n{app.Queries.Commands}");

            app.Queries.Reset();
            await client.GetAsync(url);
            Assert.True(PageQueries() == 0, $"{url} again: {PageQueries()} queries:\n{app.Queries.Commands}");
        }

        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var (staff, _) = await app.LoggedInAsync(Roles.MunicipalityStaff);
        foreach (var (c, url) in new[] { (organiser, "/admin/ideas"), (organiser, "/admin/ideas?status=Published&sort=oldest"), (staff, "/municipality/ideas") })
        {
            await c.GetAsync(url);
            app.Queries.Reset();
            await c.GetAsync(url);
            // The page's own queries plus the sign-in cookie's checks (user and security stamp), whatever the rows.
            var authenticated = PageQueries();
            app.Queries.Reset();
            await c.GetAsync(url + (url.Contains('?') ? "&" : "?") + "page=2");
            Assert.True(PageQueries() == authenticated, $"{url}: {authenticated} then {PageQueries()}:\n{app.Queries.Commands}");
            Assert.True(authenticated <= 8, $"{url}: {authenticated} queries:\n{app.Queries.Commands}");
        }
    }

    [Fact]
    public async Task The_municipality_sees_unanswered_ideas_first_then_open_then_closed_each_oldest_change_first()
    {
        var tag = "sk" + Guid.NewGuid().ToString("N")[..6];
        var now = app.Clock.GetUtcNow();
        // Title, answer, implemented, last change (days ago).
        var ideas = new (string Title, IdeaResponse Response, bool Implemented, int DaysAgo)[]
        {
            ($"{tag} slēgta atteikta", IdeaResponse.Declined, false, 9),
            ($"{tag} atvērta jaunāka", IdeaResponse.InProgress, false, 2),
            ($"{tag} bez atbildes jaunāka", IdeaResponse.None, false, 1),
            ($"{tag} slēgta īstenota", IdeaResponse.UnderReview, true, 8),
            ($"{tag} atvērta vecāka", IdeaResponse.UnderReview, false, 5),
            ($"{tag} bez atbildes vecāka", IdeaResponse.None, false, 7),
        };
        foreach (var (title, response, implemented, daysAgo) in ideas)
        {
            var idea = await TestIdeas.CreateAsync(app, title);
            // Written after the insert, as an answer is: the stored stage follows the row.
            await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Response, response)
                .SetProperty(i => i.ImplementedOn, implemented ? DateOnly.FromDateTime(now.UtcDateTime) : null)
                .SetProperty(i => i.UpdatedAt, now.AddDays(-daysAgo))));
        }

        var (staff, _) = await app.LoggedInAsync(Roles.MunicipalityStaff);
        var page = await staff.GetAsync($"/municipality/ideas?q={tag}");
        var titles = page.QuerySelectorAll("tbody tr a").Select(a => a.TextContent.Trim()).ToList();

        Assert.Equal(
            [$"{tag} bez atbildes vecāka", $"{tag} bez atbildes jaunāka", $"{tag} atvērta vecāka", $"{tag} atvērta jaunāka", $"{tag} slēgta atteikta", $"{tag} slēgta īstenota"],
            titles);
    }

    [Fact]
    public async Task A_long_list_is_counted_only_a_little_past_the_page_and_still_pages_on()
    {
        var tag = "gar" + Guid.NewGuid().ToString("N")[..6];
        var first = await TestIdeas.CreateAsync(app, $"{tag} pirmā");
        // As many again as the count goes, plus one: copies of the first, with the same words.
        var copies = BoundedCount.AtLeast;
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO ideas (title, body, kind, territory_id, addressed_to, author_name, author_email, culture, status, response,
                               search_document, created_at, published_at, updated_at, support_count, source)
            SELECT title || ' ' || n, body, kind, territory_id, addressed_to, author_name, author_email, culture, status, response,
                   search_document, created_at - n * interval '1 minute', published_at, updated_at, 0, source
            FROM ideas, generate_series(1, {copies}) AS n
            WHERE id = {first.Id}
            """));

        using var client = app.CreatePageClient("lv");
        var page = await client.GetAsync($"/ideas?q={tag}");
        Assert.Equal("Vairāk nekā 1 000 ideju", page.QuerySelector("#results-heading")!.TextContent.Trim().Replace('\u00a0', ' '));
        Assert.Equal(20, Titles(page).Count);
        Assert.NotNull(page.QuerySelector("a[rel=next]"));

        // Ten pages on the count still stops past the page; the last page counts exactly.
        var last = await client.GetAsync($"/ideas?q={tag}&page={(copies + 1 + 19) / 20}");
        Assert.Single(Titles(last));
        Assert.Null(last.QuerySelector("a[rel=next]"));
        // 1,001: Latvian's "one" form (ends in 1, not in 11).
        Assert.Equal("1001 ideja", last.QuerySelector("#results-heading")!.TextContent.Trim());
    }

    /// <summary>The page's commands, without the outbox dispatcher's poll that may run meanwhile.</summary>
    private int PageQueries() =>
        app.Queries.Count == 0 ? 0 : app.Queries.Commands.Split("\n---\n").Count(c => !c.Contains("outbox_messages") && !c.Contains("bulk_send_recipients"));

    [Fact]
    public async Task Forums_list_their_ideas_per_group_and_the_outcome_once_recorded()
    {
        var forum = await TestIdeas.CreateForumAsync(app, "Ideju skrejceļš ar rezultātiem");
        var draft = await TestIdeas.CreateForumAsync(app, "Melnraksta forums");
        await app.WithDbAsync(db => db.Events.Where(e => e.Id == draft.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Draft)));
        var culture = forum.Groups.Single(g => g.Position == 1);
        await TestIdeas.CreateAsync(app, "Bibliotēkas vakari", eventId: forum.Id, groupId: culture.Id);
        await TestIdeas.CreateAsync(app, "Paslēpta foruma ideja", eventId: forum.Id, groupId: culture.Id, status: IdeaStatus.Hidden);
        await app.WithDbAsync(db => db.Events.Where(e => e.Id == forum.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, EventStatus.Completed)
            .SetProperty(e => e.HeadCount, 48)
            .SetProperty(e => e.OutcomeSummary, "Piecās grupās savāktas 23 idejas.")));
        using var client = app.CreatePageClient("en");

        var list = await client.GetAsync("/forums");
        var page = await client.GetAsync($"/forums/{forum.Slug}");

        Assert.Contains("Ideju skrejceļš ar rezultātiem", list.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Melnraksta forums", list.QuerySelector("main")!.TextContent);
        Assert.Contains("1 idea", list.QuerySelectorAll("main li").Single(li => li.TextContent.Contains("ar rezultātiem")).TextContent);
        Assert.Equal("Culture and education", page.QuerySelector($"#group-{culture.Id}")!.TextContent);
        Assert.Contains("Bibliotēkas vakari", page.QuerySelector($"#group-{culture.Id}")!.ParentElement!.TextContent);
        Assert.DoesNotContain("Paslēpta foruma ideja", page.QuerySelector("main")!.TextContent);
        Assert.Equal($"/ideas/new?forum={forum.Slug}&group={culture.Id}",
            page.QuerySelector($"#group-{culture.Id}")!.ParentElement!.QuerySelector("a[href^='/ideas/new']")!.GetAttribute("href"));
        Assert.Contains("Piecās grupās savāktas 23 idejas.", page.QuerySelector("#outcome-heading")!.ParentElement!.TextContent);
        Assert.Contains("48", page.QuerySelector("#outcome-heading")!.ParentElement!.TextContent);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.Http.GetAsync($"/forums/{draft.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_account_keeps_its_ideas_and_supports_without_the_person_and_the_download_lists_them()
    {
        var (client, user) = await app.LoggedInAsync(null);
        var form = await client.GetAsync("/ideas/new");
        var territory = form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent == "Olaine").GetAttribute("value")!;
        var page = await client.SubmitAndFollowAsync(form, "main form", new Dictionary<string, string>
        {
            ["form.Title"] = "Aizejošā autora ideja",
            ["form.Body"] = "Šī ideja paliek arī pēc konta dzēšanas.",
            ["form.TerritoryId"] = territory,
            ["form.AddressedTo"] = "Ngos",
            ["form.Name"] = "Aizejošā Autore",
        });
        var id = int.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());
        var other = await TestIdeas.CreateAsync(app, "Cita ideja, ko atbalstīja aizejošā");
        await client.SubmitAndFollowAsync(await client.GetAsync($"/ideas/{other.Id}"), "main form[action$='/support']", new Dictionary<string, string>());

        var json = JsonDocument.Parse(await client.Http.GetStringAsync("/account/privacy/download")).RootElement;
        Assert.Equal("Aizejošā autora ideja", json.GetProperty("ideas")[0].GetProperty("title").GetString());
        Assert.Equal("Cita ideja, ko atbalstīja aizejošā", json.GetProperty("ideaSupports")[0].GetProperty("idea").GetString());

        await client.SubmitAndFollowAsync(await client.GetAsync("/account/privacy"), "main form[action='/account/privacy/delete']",
            new Dictionary<string, string> { ["form.Password"] = TestUsers.Password });

        var idea = await app.WithDbAsync(db => db.Ideas.SingleAsync(i => i.Id == id));
        Assert.Equal(("—", (string?)null), (idea.AuthorName, idea.AuthorId));
        Assert.DoesNotContain(user.Email!.ToLowerInvariant(), idea.AuthorEmail);
        Assert.Equal(1, await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == other.Id).Select(i => i.SupportCount).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.IdeaSupports.CountAsync(s => s.IdeaId == other.Id && s.UserId == null)));
        using var visitor = app.CreatePageClient("lv");
        var shown = await visitor.GetAsync($"/ideas/{id}");
        Assert.Contains("dzēsts lietotājs", shown.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Aizejošā Autore", shown.QuerySelector("main")!.TextContent);
        Assert.Contains("Šī ideja paliek arī pēc konta dzēšanas.", shown.QuerySelector("main .idea-text")!.TextContent);
    }
}
