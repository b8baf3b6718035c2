using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Ideas;

/// <summary>The answers "in the plan" and "forwarded to another body": chosen in the answer form,
/// shown on the idea's page, in its history and in the lists' filters, and e-mailed to the author in
/// their language; forwarding says where to.</summary>
public class IdeaAnswerStatusTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task In_the_plan_is_shown_on_the_page_in_the_history_and_filters_and_mailed_to_the_author()
    {
        var author = TestUsers.UniqueEmail("plan-author");
        var idea = await TestIdeas.CreateAsync(app, Unique("Skeitparks Jaunmārupē"), authorEmail: author);
        var (staff, _) = await app.LoggedInStaffAsync();
        var form = await staff.GetAsync($"/municipality/ideas/{idea.Id}");
        Assert.Equal(["UnderReview", "Accepted", "InPlan", "InProgress", "Done", "Forwarded", "Declined"],
            form.QuerySelectorAll("#form_Response option").Select(o => o.GetAttribute("value")));

        await staff.SubmitAndFollowAsync(form, "main form", new Dictionary<string, string>
        {
            ["form.Response"] = "InPlan",
            ["form.Reply"] = "Iekļauts 2027. gada investīciju plānā.",
        });

        var mail = await app.Smtp.WaitForMessageAsync(author);
        Assert.Contains("Statuss: iekļauta plānā", mail.TextBody);
        Assert.Contains("Iekļauts 2027. gada investīciju plānā.", mail.TextBody);
        using var visitor = app.CreatePageClient("lv");
        var page = await visitor.GetAsync($"/ideas/{idea.Id}");
        Assert.Contains("Pašvaldības atbilde: iekļauta plānā", page.QuerySelector(".idea-answer")!.TextContent);
        Assert.Contains("pašvaldības atbilde: iekļauta plānā", page.QuerySelector(".idea-history")!.TextContent);
        var list = await visitor.GetAsync($"/ideas?answer=InPlan&q={Uri.EscapeDataString(idea.Title)}");
        Assert.Equal("InPlan", list.QuerySelector("#answer option[selected]")!.GetAttribute("value"));
        Assert.Contains(idea.Title, list.QuerySelector(".idea-list")!.TextContent);
        var staffList = await staff.GetAsync($"/municipality/ideas?answer=InPlan&q={Uri.EscapeDataString(idea.Title)}");
        Assert.Contains("iekļauta plānā", staffList.QuerySelector("main tbody")!.TextContent);
    }

    [Fact]
    public async Task Forwarding_needs_the_body_named_and_the_author_hears_where_in_english()
    {
        var author = TestUsers.UniqueEmail("forward-author");
        var idea = await TestIdeas.CreateAsync(app, Unique("Autobusa pietura pie šosejas"), authorEmail: author, culture: "en");
        var (staff, _) = await app.LoggedInStaffAsync();
        var form = await staff.GetAsync($"/municipality/ideas/{idea.Id}");

        var refused = await staff.SubmitExpectingPageAsync(form, "main form", new Dictionary<string, string>
        {
            ["form.Response"] = "Forwarded",
            ["form.Reply"] = "  ",
        });
        Assert.Contains("Ja ideju pārsūtāt, laukā „Publiska atbilde” norādiet, kurai iestādei.", refused.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Forwarded", refused.QuerySelector("#form_Response option[selected]")!.GetAttribute("value"));
        Assert.Equal(IdeaResponse.None, await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea.Id).Select(i => i.Response).SingleAsync()));

        await staff.SubmitAndFollowAsync(refused, "main form", new Dictionary<string, string>
        {
            ["form.Response"] = "Forwarded",
            ["form.Reply"] = "Pieturas ir valsts autoceļu uzturētāja ziņā; ideja nosūtīta tam.",
        });

        var mail = await app.Smtp.WaitForMessageAsync(author);
        Assert.StartsWith("The municipality's answer", mail.Subject);
        Assert.Contains("Status: forwarded to another body", mail.TextBody);
        using var english = app.CreatePageClient("en");
        var page = await english.GetAsync($"/ideas/{idea.Id}");
        Assert.Contains("forwarded to another body", page.QuerySelector(".idea-answer")!.TextContent);
        Assert.Contains("Pieturas ir valsts autoceļu uzturētāja ziņā", page.QuerySelector(".idea-answer")!.TextContent);
        var stored = await app.WithDbAsync(db => db.Ideas.AsNoTracking().SingleAsync(i => i.Id == idea.Id));
        Assert.Equal((IdeaResponse.Forwarded, null), (stored.Response, stored.ImplementedOn));
    }
}
