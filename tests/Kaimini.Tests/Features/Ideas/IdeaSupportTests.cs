using System.Net;
using Kaimini.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Ideas;

public class IdeaSupportTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task Twenty_clicks_at_once_by_one_person_count_once()
    {
        var idea = await TestIdeas.CreateAsync(app, "Velonovietne pie bibliotēkas");
        var (client, user) = await app.LoggedInAsync(null);
        var page = await client.GetAsync($"/ideas/{idea.Id}");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            client.SubmitAsync(page, "main form[action$='/support']", new Dictionary<string, string>())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea.Id).Select(i => i.SupportCount).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.IdeaSupports.CountAsync(s => s.IdeaId == idea.Id && s.UserId == user.Id)));
    }

    [Fact]
    public async Task A_second_click_is_told_it_already_counts_and_many_people_count_each_once()
    {
        var idea = await TestIdeas.CreateAsync(app, "Soliņi gar Misu");
        var (first, _) = await app.LoggedInAsync(null);
        var page = await first.GetAsync($"/ideas/{idea.Id}");

        var counted = await first.SubmitAndFollowAsync(page, "main form[action$='/support']", new Dictionary<string, string>());
        var again = await first.SubmitAndFollowAsync(page, "main form[action$='/support']", new Dictionary<string, string>());

        Assert.Equal("Paldies! Jūsu atbalsts ir pieskaitīts.", counted.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("1 cilvēks atbalsta", counted.QuerySelector("#support-count")!.TextContent);
        Assert.Contains("jau atbalstāt", again.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Atbalstīta", again.QuerySelector("main")!.TextContent);
        Assert.Null(again.QuerySelector("main form[action$='/support']"));

        var others = new List<Infrastructure.Browsing.PageClient>();
        for (var i = 0; i < 10; i++)
        {
            others.Add((await app.LoggedInAsync(null)).Client);
        }

        await Task.WhenAll(others.Select(async c =>
            await c.SubmitAsync(await c.GetAsync($"/ideas/{idea.Id}"), "main form[action$='/support']", new Dictionary<string, string>())));
        Assert.Equal(11, await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea.Id).Select(i => i.SupportCount).SingleAsync()));
        Assert.Equal(11, await app.WithDbAsync(db => db.IdeaSupports.CountAsync(s => s.IdeaId == idea.Id)));
    }

    [Fact]
    public async Task Visitors_without_an_account_are_sent_to_log_in_and_hidden_ideas_take_no_support()
    {
        var idea = await TestIdeas.CreateAsync(app, "Rotaļu laukums Medemciemā");
        var hidden = await TestIdeas.CreateAsync(app, "Paslēpta ideja", status: Kaimini.Web.Domain.IdeaStatus.Hidden);
        using var visitor = app.CreatePageClient("lv");
        var page = await visitor.GetAsync($"/ideas/{idea.Id}");

        Assert.Null(page.QuerySelector("main form[action$='/support']"));
        Assert.Equal($"/account/login?returnUrl=%2Fideas%2F{idea.Id}", page.QuerySelector("main a.btn-primary")!.GetAttribute("href"));
        var (client, _) = await app.LoggedInAsync(null);
        var token = (await client.GetAsync($"/ideas/{idea.Id}")).QuerySelector("main form[action$='/support'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.Http.PostAsync($"/ideas/{hidden.Id}/support",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.IdeaSupports.CountAsync(s => s.IdeaId == hidden.Id)));
    }
}
