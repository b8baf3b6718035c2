using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Ideas;

/// <summary>An idea's whole way: submitted, supported, answered by the municipality, and the answer
/// e-mailed through the outbox and real SMTP to the author and every supporter in their language.</summary>
public class IdeaAnswerTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task A_need_is_supported_and_the_municipality_answer_reaches_the_author_and_every_supporter_in_their_language()
    {
        var (author, authorUser) = await app.LoggedInAsync(null);
        var form = await author.GetAsync("/ideas/new");
        var olaine = form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent == "Olaine").GetAttribute("value")!;
        var created = await author.SubmitAndFollowAsync(form, "main form", new Dictionary<string, string>
        {
            ["form.Kind"] = "Need",
            ["form.Title"] = "Gājēju celiņš uz Jaunolaines staciju",
            ["form.Body"] = "Gar ceļu uz staciju nav ietves.\nBērni iet pa brauktuvi.",
            ["form.TerritoryId"] = olaine,
            ["form.AddressedTo"] = "Municipality",
        });
        Assert.Equal("Paldies! Jūsu ideja ir publicēta.", created.QuerySelector("[role=status]")!.TextContent);
        var url = new Uri(created.Url).AbsolutePath;
        var id = int.Parse(url.Split('/').Last());

        var (latvian, latvianUser) = await app.LoggedInAsync(null);
        var englishUser = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("english"), culture: "en");
        using var english = await LogInAsync(englishUser.Email!, "en");
        foreach (var supporter in new[] { latvian, english })
        {
            var supported = await supporter.SubmitAndFollowAsync(await supporter.GetAsync(url), "main form[action$='/support']", new Dictionary<string, string>());
            Assert.NotNull(supported.QuerySelector("[role=status]"));
        }

        var (staff, _) = await app.LoggedInStaffAsync();
        var answerPage = await staff.GetAsync($"/municipality/ideas/{id}");
        var refused = await staff.SubmitExpectingPageAsync(answerPage, "main form", new Dictionary<string, string>
        {
            ["form.Response"] = "Declined",
            ["form.Reply"] = " ok ",
        });
        Assert.Contains("Ja ideju noraidāt, laukā „Publiska atbilde” paskaidrojiet iemeslu", refused.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Declined", refused.QuerySelector("#form_Response option[selected]")!.GetAttribute("value"));
        Assert.Equal(IdeaResponse.None, await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == id).Select(i => i.Response).SingleAsync()));

        var answered = await staff.SubmitAndFollowAsync(answerPage, "main form", new Dictionary<string, string>
        {
            ["form.Response"] = "Accepted",
            ["form.Reply"] = "Ietvi iekļausim 2027. gada budžetā.",
        });
        Assert.Contains("Atbilde publicēta", answered.QuerySelector("[role=status]")!.TextContent);

        var toAuthor = await app.Smtp.WaitForMessageAsync(authorUser.Email!, m => m.Subject!.StartsWith("Pašvaldības atbilde"));
        var toLatvian = await app.Smtp.WaitForMessageAsync(latvianUser.Email!, m => m.Subject!.StartsWith("Pašvaldības atbilde"));
        var toEnglish = await app.Smtp.WaitForMessageAsync(englishUser.Email!);
        Assert.Equal("Pašvaldības atbilde: Gājēju celiņš uz Jaunolaines staciju", toAuthor.Subject);
        Assert.Contains("jūsu iesniegumu „Gājēju celiņš uz Jaunolaines staciju”", toAuthor.TextBody);
        Assert.Contains("Statuss: pieņemta.", toAuthor.TextBody);
        Assert.Contains("Ietvi iekļausim 2027. gada budžetā.", toAuthor.TextBody);
        Assert.Contains($"http://kaimini.test/ideas/{id}", toAuthor.TextBody);
        Assert.Contains("ko jūs atbalstījāt", toLatvian.TextBody);
        Assert.Equal("The municipality's answer: Gājēju celiņš uz Jaunolaines staciju", toEnglish.Subject);
        Assert.Contains("Status: accepted.", toEnglish.TextBody);
        Assert.Contains("which you supported", toEnglish.TextBody);
        // Supporters asked for nothing and may unsubscribe; the author's answer is theirs.
        Assert.NotNull(toEnglish.Headers["List-Unsubscribe"]);
        Assert.Null(toAuthor.Headers["List-Unsubscribe"]);
        Assert.Single(app.Smtp.MessagesTo(authorUser.Email!), m => m.Subject!.StartsWith("Pašvaldības atbilde"));

        using var visitor = app.CreatePageClient("lv");
        var page = await visitor.GetAsync(url);
        Assert.Contains("pieņemta", page.QuerySelector(".idea-answer")!.TextContent);
        Assert.Contains("Ietvi iekļausim 2027. gada budžetā.", page.QuerySelector(".idea-answer")!.TextContent);
        Assert.Equal("2 cilvēki atbalsta", page.QuerySelector("#support-count")!.TextContent);
        var history = page.QuerySelector(".idea-history")!.TextContent;
        Assert.Contains("iesniegta", history);
        Assert.Contains("publicēta", history);
        Assert.Contains("pašvaldības atbilde: pieņemta", history);
        Assert.Contains("Gar ceļu uz staciju nav ietves.\nBērni iet pa brauktuvi.", page.QuerySelector("main .idea-text")!.TextContent);
    }

    [Fact]
    public async Task Only_ideas_addressed_to_the_municipality_are_in_its_list_unanswered_first()
    {
        var answered = await TestIdeas.CreateAsync(app, "Atbildēta ideja par apgaismojumu", createdAt: DateTimeOffset.UtcNow.AddDays(-10));
        await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == answered.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Response, IdeaResponse.Done)));
        var open = await TestIdeas.CreateAsync(app, "Neatbildēta ideja par soliņiem");
        var forResidents = await TestIdeas.CreateAsync(app, "Iedzīvotāju talka pie dīķa", addressedTo: IdeaAddressee.Residents);
        var (staff, _) = await app.LoggedInStaffAsync();

        var list = await staff.GetAsync("/municipality/ideas");
        var titles = list.QuerySelectorAll("main tbody td a").Select(a => a.TextContent).ToList();

        Assert.Contains(open.Title, titles);
        Assert.Contains(answered.Title, titles);
        Assert.True(titles.IndexOf(open.Title) < titles.IndexOf(answered.Title), string.Join(" | ", titles));
        Assert.DoesNotContain(forResidents.Title, titles);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/municipality/ideas/{forResidents.Id}")).StatusCode);
    }

    private async Task<PageClient> LogInAsync(string email, string culture)
    {
        var client = app.CreatePageClient(culture);
        await client.SubmitAndFollowAsync(await client.GetAsync("/account/login"), "main form", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = TestUsers.Password,
        });
        return client;
    }
}
