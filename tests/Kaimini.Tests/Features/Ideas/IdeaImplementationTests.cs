using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Ideas;

/// <summary>Marking an idea implemented: the day and who did it, shown on the idea's page and in its
/// history, refused for a wrong day with the typed values kept, taken back when it was a mistake;
/// only staff who may (municipality staff for ideas addressed to the municipality in their own
/// novads, organisers and administrators for any).</summary>
public class IdeaImplementationTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task Municipality_staff_mark_an_idea_implemented_by_a_community_and_everyone_sees_when_and_by_whom()
    {
        var community = await TestCommunities.CreateAsync(app, Unique("Jaunolaines soliņu draugi"), "olaine");
        var idea = await TestIdeas.CreateAsync(app, Unique("Soliņi pie Jaunolaines stacijas"), createdAt: app.Clock.GetUtcNow().AddDays(-40));
        var (staff, user) = await app.LoggedInStaffAsync();
        var day = TestDates.DaysAhead(app.Clock, -7);

        var ideaPage = await staff.GetAsync($"/ideas/{idea.Id}");
        Assert.NotNull(ideaPage.QuerySelector($"main a[href='/ideas/{idea.Id}/implemented']"));
        var form = await staff.GetAsync($"/ideas/{idea.Id}/implemented");
        // An idea addressed to the municipality: the municipality is offered first.
        Assert.Equal("Municipality", form.QuerySelector("input[name='form.By'][checked]")!.GetAttribute("value"));
        var shown = await staff.SubmitAndFollowAsync(form, "main form[action$='/implemented']", new Dictionary<string, string>
        {
            ["form.On"] = $"{day:yyyy-MM-dd}",
            ["form.By"] = "Community",
            ["form.Community"] = community.Name.ToUpperInvariant(),
            ["form.Note"] = "Kopiena uzstādīja četrus soliņus.",
        });

        Assert.Equal("Ideja atzīmēta kā īstenota.", shown.QuerySelector("[role=status]")!.TextContent.Trim());
        var stored = await app.WithDbAsync(db => db.Ideas.AsNoTracking().SingleAsync(i => i.Id == idea.Id));
        Assert.Equal((day, IdeaImplementer.Community, community.Id), (stored.ImplementedOn!.Value, stored.ImplementedBy!.Value, stored.ImplementedByCommunityId!.Value));
        var entry = await app.WithDbAsync(db => db.IdeaHistory.SingleAsync(h => h.IdeaId == idea.Id && h.Kind == IdeaHistoryKind.Implemented));
        Assert.Equal((user.Id, day, community.Name), (entry.ActorId!, entry.ImplementedOn!.Value, entry.ImplementedByName!));

        using var visitor = app.CreatePageClient("lv");
        var page = await visitor.GetAsync($"/ideas/{idea.Id}");
        var implemented = page.QuerySelector(".idea-implemented")!;
        Assert.Equal($"Īstenota: {day:dd.MM.yyyy}.", implemented.QuerySelector("[data-implemented=on]")!.TextContent.Trim());
        Assert.Contains($"kopiena „{community.Name}”", implemented.QuerySelector("[data-implemented=by]")!.TextContent);
        Assert.Equal($"/communities/{community.Slug}", implemented.QuerySelector("[data-implemented=by] a")!.GetAttribute("href"));
        Assert.Contains("Kopiena uzstādīja četrus soliņus.", implemented.TextContent);
        var history = page.QuerySelector(".idea-history")!.TextContent;
        Assert.Contains($"īstenota: {day:dd.MM.yyyy}; īstenoja: kopiena „{community.Name}”", history);
        // Who marked it is for staff; the public sees who carried it out.
        Assert.DoesNotContain(user.DisplayName, history);

        using var english = app.CreatePageClient("en");
        var inEnglish = await english.GetAsync($"/ideas/{idea.Id}");
        Assert.Contains($"Implemented on {day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en"))}.",
            inEnglish.QuerySelector(".idea-implemented")!.TextContent);

        var list = await visitor.GetAsync($"/ideas?implemented=true&q={Uri.EscapeDataString(idea.Title)}");
        Assert.Contains($"īstenota {day:dd.MM.yyyy}", list.QuerySelector(".idea-list")!.TextContent);
        var notYet = await visitor.GetAsync($"/ideas?implemented=false&q={Uri.EscapeDataString(idea.Title)}");
        Assert.Null(notYet.QuerySelector(".idea-list"));
    }

    [Fact]
    public async Task A_day_in_the_future_or_before_the_idea_is_refused_in_the_readers_language_and_what_was_typed_stays()
    {
        var community = await TestCommunities.CreateAsync(app, Unique("Grēnes kaimiņi"), "olaine");
        var idea = await TestIdeas.CreateAsync(app, Unique("Apgaismojums Grēnēs"), createdAt: app.Clock.GetUtcNow().AddDays(-10));
        var (staff, _) = await app.LoggedInStaffAsync();
        var form = await staff.GetAsync($"/ideas/{idea.Id}/implemented");
        var tomorrow = TestDates.DaysAhead(app.Clock, 1);

        var future = await staff.SubmitExpectingPageAsync(form, "main form[action$='/implemented']", new Dictionary<string, string>
        {
            ["form.On"] = $"{tomorrow:yyyy-MM-dd}",
            ["form.By"] = "Community",
            ["form.Community"] = community.Name,
            ["form.Note"] = "Lukturi uzstādīti.",
        });
        Assert.Contains("Īstenošanas datums nevar būt nākotnē.", future.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal($"{tomorrow:yyyy-MM-dd}", future.QuerySelector("#form_On")!.GetAttribute("value"));
        Assert.Equal("true", future.QuerySelector("#form_On")!.GetAttribute("aria-invalid"));
        Assert.Equal(community.Name, future.QuerySelector("#form_Community")!.GetAttribute("value"));
        Assert.Equal("Lukturi uzstādīti.", future.QuerySelector("#form_Note")!.TextContent.Trim());
        Assert.Equal("Community", future.QuerySelector("input[name='form.By'][checked]")!.GetAttribute("value"));

        var before = TestDates.DaysAhead(app.Clock, -30);
        var early = await staff.SubmitExpectingPageAsync(future, "main form[action$='/implemented']", new Dictionary<string, string>
        {
            ["form.On"] = $"{before:yyyy-MM-dd}",
        });
        Assert.Contains("Īstenošanas datums nevar būt agrāks par idejas iesniegšanu", early.QuerySelector("[role=alert]")!.TextContent);

        var unknown = await staff.SubmitExpectingPageAsync(early, "main form[action$='/implemented']", new Dictionary<string, string>
        {
            ["form.On"] = $"{TestDates.DaysAhead(app.Clock, 0):yyyy-MM-dd}",
            ["form.Community"] = "Nav tādas kopienas",
        });
        Assert.Contains("Katalogā nav publicētas kopienas „Nav tādas kopienas”", unknown.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Nav tādas kopienas", unknown.QuerySelector("#form_Community")!.GetAttribute("value"));

        var (englishStaff, _) = await app.LoggedInStaffAsync(culture: "en");
        var inEnglish = await englishStaff.SubmitExpectingPageAsync(await englishStaff.GetAsync($"/ideas/{idea.Id}/implemented"),
            "main form[action$='/implemented']", new Dictionary<string, string> { ["form.On"] = $"{tomorrow:yyyy-MM-dd}" });
        Assert.Contains("The date of implementation cannot be in the future.", inEnglish.QuerySelector("[role=alert]")!.TextContent);

        var stored = await app.WithDbAsync(db => db.Ideas.AsNoTracking().SingleAsync(i => i.Id == idea.Id));
        Assert.Null(stored.ImplementedOn);
        Assert.Equal(0, await app.WithDbAsync(db => db.IdeaHistory.CountAsync(h => h.IdeaId == idea.Id && h.Kind == IdeaHistoryKind.Implemented)));
    }

    [Fact]
    public async Task A_mistaken_mark_is_taken_back_and_the_history_keeps_both()
    {
        var idea = await TestIdeas.CreateAsync(app, Unique("Talka Misas krastā"), addressedTo: IdeaAddressee.Residents,
            createdAt: app.Clock.GetUtcNow().AddDays(-20));
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var form = await organiser.GetAsync($"/ideas/{idea.Id}/implemented");
        // An idea for residents: residents are offered first.
        Assert.Equal("Residents", form.QuerySelector("input[name='form.By'][checked]")!.GetAttribute("value"));
        await organiser.SubmitAndFollowAsync(form, "main form[action$='/implemented']", new Dictionary<string, string>());

        var undone = await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/ideas/{idea.Id}/implemented"),
            "main form[action$='/undo']", new Dictionary<string, string>());

        Assert.Equal("Atzīme „īstenota” atsaukta.", undone.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Null(undone.QuerySelector(".idea-implemented"));
        var history = undone.QuerySelector(".idea-history")!.TextContent;
        Assert.Contains($"īstenota: {TestDates.DaysAhead(app.Clock, 0):dd.MM.yyyy}; īstenoja: iedzīvotāji", history);
        Assert.Contains("atzīme „īstenota” atsaukta", history);
        var stored = await app.WithDbAsync(db => db.Ideas.AsNoTracking().SingleAsync(i => i.Id == idea.Id));
        Assert.Equal((null, null, null), (stored.ImplementedOn, stored.ImplementedBy, stored.ImplementedByCommunityId));
    }

    [Fact]
    public async Task Answering_done_marks_the_idea_implemented_by_the_municipality_today()
    {
        var idea = await TestIdeas.CreateAsync(app, Unique("Ietve Rīgas ielā"), createdAt: app.Clock.GetUtcNow().AddDays(-5));
        var (staff, _) = await app.LoggedInStaffAsync();

        var page = await staff.SubmitAndFollowAsync(await staff.GetAsync($"/municipality/ideas/{idea.Id}"), "main form", new Dictionary<string, string>
        {
            ["form.Response"] = "Done",
            ["form.Reply"] = "Ietve izbūvēta.",
        });

        Assert.Contains($"Īstenota: {TestDates.DaysAhead(app.Clock, 0):dd.MM.yyyy}.", page.QuerySelector(".idea-implemented")!.TextContent);
        Assert.Contains("Īstenoja: pašvaldība.", page.QuerySelector(".idea-implemented")!.TextContent);
        var stored = await app.WithDbAsync(db => db.Ideas.AsNoTracking().SingleAsync(i => i.Id == idea.Id));
        Assert.Equal((IdeaResponse.Done, IdeaImplementer.Municipality), (stored.Response, stored.ImplementedBy!.Value));
    }

    public static TheoryData<string, string, bool> Matrix() => new()
    {
        { "anonymous", "Municipality", false },
        { "resident", "Municipality", false },
        { "unrelated leader", "Municipality", false },
        { Roles.MunicipalityStaff, "Residents", false },
        { Roles.MunicipalityStaff, "Municipality", true },
        { "staff of another novads", "Municipality", false },
        { Roles.Organiser, "Residents", true },
        { Roles.Administrator, "Ngos", true },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Only_staff_who_may_mark_an_idea_implemented_reach_the_form_or_change_it(string who, string addressee, bool allowed)
    {
        var idea = await TestIdeas.CreateAsync(app, Unique("Ideja tiesību pārbaudei"), addressedTo: Enum.Parse<IdeaAddressee>(addressee),
            createdAt: app.Clock.GetUtcNow().AddDays(-3));
        using var client = who switch
        {
            "anonymous" => app.CreatePageClient("lv"),
            "resident" => (await app.LoggedInAsync(null)).Client,
            "unrelated leader" => await LeaderOfAnotherCommunityAsync(),
            "staff of another novads" => (await app.LoggedInStaffAsync("marupes-novads")).Client,
            Roles.MunicipalityStaff => (await app.LoggedInStaffAsync()).Client,
            _ => (await app.LoggedInAsync(who)).Client,
        };
        var token = (await client.GetAsync("/ideas/new")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var page = await client.Http.GetAsync($"/ideas/{idea.Id}/implemented");
        using var mark = await client.Http.PostAsync($"/ideas/{idea.Id}/implemented", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["form.On"] = $"{TestDates.DaysAhead(app.Clock, 0):yyyy-MM-dd}",
            ["form.By"] = "Residents",
        }));

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, mark.StatusCode);
            Assert.Equal($"/ideas/{idea.Id}", mark.Headers.Location!.OriginalString);
            Assert.Equal(IdeaImplementer.Residents, await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea.Id).Select(i => i.ImplementedBy).SingleAsync()));
        }
        else
        {
            foreach (var response in new[] { page, mark })
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith(who == "anonymous" ? "http://localhost/account/login" : "http://localhost/account/access-denied",
                    response.Headers.Location!.ToString());
            }

            Assert.Null(await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea.Id).Select(i => i.ImplementedOn).SingleAsync()));
            var ideaPage = await client.GetAsync($"/ideas/{idea.Id}");
            Assert.Null(ideaPage.QuerySelector($"a[href='/ideas/{idea.Id}/implemented']"));
        }
    }

    [Fact]
    public async Task An_idea_that_is_not_there_or_not_published_is_not_found()
    {
        var hidden = await TestIdeas.CreateAsync(app, Unique("Paslēpta ideja"), status: IdeaStatus.Hidden);
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);

        using var missing = await organiser.Http.GetAsync($"/ideas/{int.MaxValue}/implemented");
        using var notPublic = await organiser.Http.GetAsync($"/ideas/{hidden.Id}/implemented");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notPublic.StatusCode);
    }

    private async Task<Infrastructure.Browsing.PageClient> LeaderOfAnotherCommunityAsync()
    {
        var (client, user) = await app.LoggedInAsync(Roles.Leader);
        await TestCommunities.CreateAsync(app, Unique("Cita kopiena"), "olaine", leaderId: user.Id);
        return client;
    }
}
