using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Ideas;

/// <summary>Who may do what: organisers moderate, municipality staff answer, administrators both;
/// organisers do not answer for the municipality. Every POST needs the antiforgery token.</summary>
public class IdeaAuthorizationTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    public static TheoryData<string?, string, bool> Matrix()
    {
        var data = new TheoryData<string?, string, bool>();
        foreach (var (role, moderates, answers) in new (string?, bool, bool)[]
        {
            (null, false, false), ("resident", false, false), (Roles.Leader, false, false),
            (Roles.Organiser, true, false), (Roles.MunicipalityStaff, false, true), (Roles.Administrator, true, true),
        })
        {
            data.Add(role, "admin", moderates);
            data.Add(role, "municipality", answers);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_use_only_its_own_idea_pages(string? role, string area, bool allowed)
    {
        var idea = await TestIdeas.CreateAsync(app, $"Ideja lomu pārbaudei {Guid.NewGuid():N}"[..30]);
        using var client = role is null ? app.CreatePageClient("lv")
            : role == Roles.MunicipalityStaff ? (await app.LoggedInStaffAsync()).Client
            : (await app.LoggedInAsync(role == "resident" ? null : role)).Client;
        var token = (await client.GetAsync("/ideas/new")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var requests = area == "admin"
            ? new (string Url, Dictionary<string, string>? Form)[]
            {
                ("/admin/ideas", null), ($"/admin/ideas/{idea.Id}", null),
                ($"/admin/ideas/{idea.Id}/link", new() { ["form.Target"] = "" }),
                ($"/admin/ideas/{idea.Id}/hide", new() { ["form.Reason"] = "Pārbaude." }),
                ($"/admin/ideas/{idea.Id}/restore", new()),
                ($"/admin/ideas/{idea.Id}/merge", new() { ["form.TargetId"] = int.MaxValue.ToString() }),
            }
            : [
                ("/municipality/ideas", null), ($"/municipality/ideas/{idea.Id}", null),
                ($"/municipality/ideas/{idea.Id}/answer", new() { ["form.Response"] = "UnderReview", ["form.Reply"] = "Izskatām." }),
            ];

        foreach (var (url, form) in requests)
        {
            using var response = form is null
                ? await client.Http.GetAsync(url)
                : await client.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token }));
            if (allowed)
            {
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{role} {url}: {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Assert.DoesNotContain("/account/", response.Headers.Location!.OriginalString);
                }
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith(role is null ? "http://localhost/account/login" : "http://localhost/account/access-denied", response.Headers.Location!.ToString());
            }
        }

        var stored = await app.WithDbAsync(db => db.Ideas.SingleAsync(i => i.Id == idea.Id));
        if (!allowed)
        {
            Assert.Equal((IdeaStatus.Published, IdeaResponse.None), (stored.Status, stored.Response));
            Assert.Equal(1, await app.WithDbAsync(db => db.IdeaHistory.CountAsync(h => h.IdeaId == idea.Id)));
        }
        else if (area == "municipality")
        {
            Assert.Equal(IdeaResponse.UnderReview, stored.Response);
        }
        else
        {
            Assert.Equal(IdeaStatus.Published, stored.Status);
            Assert.Contains(IdeaHistoryKind.Restored, await app.WithDbAsync(db => db.IdeaHistory.Where(h => h.IdeaId == idea.Id).Select(h => h.Kind).ToListAsync()));
        }
    }

    [Fact]
    public async Task An_organiser_is_not_offered_the_answer_form_and_an_administrator_is()
    {
        var idea = await TestIdeas.CreateAsync(app, "Ideja ar atbildes saiti");
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var (administrator, _) = await app.LoggedInAsync(Roles.Administrator);

        Assert.Null((await organiser.GetAsync($"/ideas/{idea.Id}")).QuerySelector($"main a[href='/municipality/ideas/{idea.Id}']"));
        Assert.NotNull((await organiser.GetAsync($"/ideas/{idea.Id}")).QuerySelector($"main a[href='/admin/ideas/{idea.Id}']"));
        Assert.NotNull((await administrator.GetAsync($"/ideas/{idea.Id}")).QuerySelector($"main a[href='/municipality/ideas/{idea.Id}']"));
    }

    [Fact]
    public async Task Posts_without_an_antiforgery_token_are_refused_and_change_nothing()
    {
        var idea = await TestIdeas.CreateAsync(app, "Ideja bez žetona");
        var (administrator, _) = await app.LoggedInAsync(Roles.Administrator);
        var (resident, _) = await app.LoggedInAsync(null);

        foreach (var (client, url, form) in new (PageClient, string, Dictionary<string, string>)[]
        {
            (administrator, $"/admin/ideas/{idea.Id}/hide", new() { ["form.Reason"] = "Viltots." }),
            (administrator, $"/municipality/ideas/{idea.Id}/answer", new() { ["form.Response"] = "Done" }),
            (resident, $"/ideas/{idea.Id}/support", new()),
            (resident, "/ideas/new", new() { ["form.Title"] = "Viltota ideja bez žetona", ["form.Body"] = new string('x', 30) }),
        })
        {
            using var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var stored = await app.WithDbAsync(db => db.Ideas.SingleAsync(i => i.Id == idea.Id));
        Assert.Equal((IdeaStatus.Published, IdeaResponse.None, 0), (stored.Status, stored.Response, stored.SupportCount));
        Assert.False(await app.WithDbAsync(db => db.Ideas.AnyAsync(i => i.Title == "Viltota ideja bez žetona")));
    }
}
