using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Ideas;

/// <summary>The municipality answers for its own novads and signs as the institution: staff answer the
/// ideas of the novads their account works for, and the employee's name is shown only when they
/// choose it.</summary>
public class IdeaAnswerNovadsTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Theory]
    [InlineData("Mārupes novads", "Mārupes novada pašvaldība")]
    [InlineData("Olaines novads", "Olaines novada pašvaldība")]
    [InlineData("Ķekavas novads", "Ķekavas novada pašvaldība")]
    public void A_novads_municipality_is_named_with_the_genitive(string novads, string municipality) =>
        Assert.Equal(municipality, IdeaText.Municipality(novads));

    [Fact]
    public async Task Staff_of_another_novads_read_the_idea_without_an_answer_form_and_a_forged_answer_is_refused()
    {
        var idea = await TestIdeas.CreateAsync(app, Unique("Soliņi pie Olaines stacijas"));
        var (marupe, _) = await app.LoggedInStaffAsync("marupes-novads");
        var (unassigned, _) = await app.LoggedInAsync(Roles.MunicipalityStaff);

        var page = await marupe.GetAsync($"/municipality/ideas/{idea.Id}");
        Assert.Null(page.QuerySelector("main form[action$='/answer']"));
        Assert.Null(page.QuerySelector($"main a[href='/ideas/{idea.Id}/implemented']"));
        Assert.Contains("Olaines novada pašvaldība", page.QuerySelector("#not-your-novads")!.TextContent);
        Assert.Contains(idea.Title, page.QuerySelector("h1")!.TextContent);
        Assert.Null((await marupe.GetAsync($"/ideas/{idea.Id}")).QuerySelector($"main a[href='/municipality/ideas/{idea.Id}']"));

        foreach (var client in new[] { marupe, unassigned })
        {
            var token = (await client.GetAsync("/ideas/new")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var response = await client.Http.PostAsync($"/municipality/ideas/{idea.Id}/answer", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["form.Response"] = "Declined",
                ["form.Reply"] = "Viltota atbilde no cita novada darbinieka.",
            }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/account/access-denied", response.Headers.Location!.ToString());
        }

        var stored = await app.WithDbAsync(db => db.Ideas.SingleAsync(i => i.Id == idea.Id));
        Assert.Equal(IdeaResponse.None, stored.Response);
        Assert.False(await app.WithDbAsync(db => db.IdeaHistory.AnyAsync(h => h.IdeaId == idea.Id && h.Kind == IdeaHistoryKind.Answered)));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Category == "idea.answer" && m.Subject.Contains(idea.Title))));
    }

    [Fact]
    public async Task An_answer_is_signed_by_the_municipality_and_by_the_employee_only_when_they_choose()
    {
        var unsigned = await TestIdeas.CreateAsync(app, Unique("Apgaismojums Jaunolainē"));
        var named = await TestIdeas.CreateAsync(app, Unique("Velosipēdu novietne Olainē"));
        var (staff, user) = await app.LoggedInStaffAsync("olaines-novads");

        var form = await staff.GetAsync($"/municipality/ideas/{unsigned.Id}");
        Assert.False(form.QuerySelector("#form_ShowName")!.HasAttribute("checked"));
        await staff.SubmitAndFollowAsync(form, "main form[action$='/answer']", new Dictionary<string, string>
        {
            ["form.Response"] = "Accepted",
            ["form.Reply"] = "Iekļausim nākamā gada plānā.",
        });
        await staff.SubmitAndFollowAsync(await staff.GetAsync($"/municipality/ideas/{named.Id}"), "main form[action$='/answer']", new Dictionary<string, string>
        {
            ["form.Response"] = "UnderReview",
            ["form.Reply"] = "Izvērtējam vietu.",
            ["form.ShowName"] = "true",
        });

        foreach (var culture in new[] { "lv", "en" })
        {
            using var visitor = app.CreatePageClient(culture);
            var page = await visitor.GetAsync($"/ideas/{unsigned.Id}");
            var signature = page.QuerySelector(".idea-answer-signature")!;
            Assert.EndsWith(" · Olaines novada pašvaldība", System.Text.RegularExpressions.Regex.Replace(signature.TextContent, @"\s+", " ").TrimEnd());
            Assert.DoesNotContain(user.DisplayName, signature.TextContent);
            var history = page.QuerySelector(".idea-history")!.TextContent;
            Assert.Contains("Olaines novada pašvaldība", history);
            Assert.DoesNotContain(user.DisplayName, history);
            Assert.Equal(culture == "en" ? "lv" : null, signature.QuerySelector("span")!.GetAttribute("lang"));

            var withName = await visitor.GetAsync($"/ideas/{named.Id}");
            Assert.Contains($"Olaines novada pašvaldība, {user.DisplayName}", withName.QuerySelector(".idea-answer-signature")!.TextContent);
            Assert.Contains($"Olaines novada pašvaldība, {user.DisplayName}", withName.QuerySelector(".idea-history")!.TextContent);
        }
    }

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 7)];
}
