using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Unsubscribe;

public class UnsubscribeTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task One_click_unsubscribe_stops_invitations_but_not_password_resets()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var person = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("unsubscriber"));
        var email = person.Email!;
        await InviteAsync(admin, email);
        var invitation = await app.Smtp.WaitForMessageAsync(email);
        var unsubscribeUrl = invitation.Headers["List-Unsubscribe"]!.Trim('<', '>');
        var path = new Uri(unsubscribeUrl).PathAndQuery;
        using var mailClient = app.CreatePageClient("lv");

        var confirm = await mailClient.GetAsync(path);
        Assert.Contains(email, confirm.QuerySelector("main")!.TextContent);
        // What a mail client does for RFC 8058 one-click: a bare POST, no cookies, no token.
        using var response = await mailClient.Http.PostAsync(path, new StringContent("List-Unsubscribe=One-Click"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Vēstuļu sūtīšana pārtraukta", (await PageClient.ParseAsync(response)).QuerySelector("h1")!.TextContent);

        var batch = await InviteAsync(admin, email, Roles.Organiser);
        // The worker skips the unsubscribed address; the page says so once the send is done.
        await Eventually.TrueAsync(async () =>
        {
            batch = await admin.GetAsync(new Uri(batch.Url).PathAndQuery);
            return batch.QuerySelector("[data-state=finished]")!.GetAttribute("hidden") is null;
        }, "The send did not finish.");
        Assert.Contains("1 adrese ir atteikusies", batch.QuerySelector("main")!.TextContent);
        using var visitor = app.CreatePageClient("lv");
        await visitor.SubmitAndFollowAsync(await visitor.GetAsync("/account/forgot-password"), "main form",
            new Dictionary<string, string> { ["Email"] = email });
        await app.Smtp.WaitForMessageAsync(email, m => m.Subject == "Paroles atjaunošana portālā Kaimiņi");
        Assert.Single(app.Smtp.MessagesTo(email), m => m.Subject == "Uzaicinājums pievienoties portālam Kaimiņi");
        Assert.Null((await app.Smtp.WaitForMessageAsync(email, m => m.Subject == "Paroles atjaunošana portālā Kaimiņi")).Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task A_forged_unsubscribe_link_gets_a_clear_page_and_unsubscribes_nobody()
    {
        using var client = app.CreatePageClient("en");
        // The class's other test adds a suppression of its own: compare before and after.
        var before = await app.WithDbAsync(db => db.EmailSuppressions.Select(s => s.Email).ToListAsync());

        using var response = await client.Http.PostAsync("/unsubscribe/not-a-real-token", new StringContent(""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("The link is not valid", (await PageClient.ParseAsync(response)).QuerySelector("h1")!.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.EmailSuppressions.Select(s => s.Email).ToListAsync()));
    }

    private static async Task<AngleSharp.Dom.IDocument> InviteAsync(PageClient admin, string email, string role = Roles.Leader) =>
        await admin.SubmitAndFollowAsync(await admin.GetAsync("/admin/invitations"), "main form[action='/admin/invitations']",
            new Dictionary<string, string>
            {
                ["form.Emails"] = email,
                ["form.Role"] = role,
                ["form.Culture"] = "lv",
            });
}
