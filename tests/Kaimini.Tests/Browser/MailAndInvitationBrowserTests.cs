using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.Playwright;

namespace Kaimini.Tests.Browser;

/// <summary>An administrator invites by e-mail in the browser; the invitee accepts in another one.
/// axe-core runs on every page on the way, in both languages.</summary>
public partial class MailAndInvitationBrowserTests(KaiminiServer server, BrowserFixture browser) : IClassFixture<KaiminiServer>
{
    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task Invite_send_watch_the_queue_accept_and_unsubscribe(string culture)
    {
        var admin = await TestUsers.CreateAsync(server, TestUsers.UniqueEmail("browser-admin"), Roles.Administrator);
        var invitee = TestUsers.UniqueEmail("browser-invitee");
        await using var adminContext = await browser.NewContextAsync(server.BaseUrl);
        var page = await adminContext.NewPageAsync();
        await BrowserLogin.LogInAsync(page, server, admin, culture);

        await page.ClickAsync("header a[href='/admin']");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main a[href='/admin/invitations']");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#form_Emails", $"{invitee}\nnav-adrese");
        await page.SelectOptionAsync("#form_Role", Roles.Organiser);
        await page.ClickAsync("main form[action='/admin/invitations'] button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("/admin/invitations/batches/"));
        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
        await Axe.AssertNoViolationsAsync(page);
        // The page's script updates the counts until nothing waits.
        await Assertions.Expect(page.Locator("[data-count=sent]")).ToHaveTextAsync("1", new() { Timeout = 15000 });

        await page.GotoAsync("/admin");
        await page.ClickAsync("main a[href='/admin/mail']");
        Assert.Contains(invitee, await page.InnerTextAsync("main table"));
        await Axe.AssertNoViolationsAsync(page);

        var message = await server.Smtp.WaitForMessageAsync(invitee);
        var link = InvitationLink().Match(message.TextBody!).Groups[1].Value;
        await using var inviteeContext = await browser.NewContextAsync(server.BaseUrl);
        var invitation = await inviteeContext.NewPageAsync();
        await invitation.GotoAsync(link);
        Assert.Equal(1, await invitation.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(invitation);
        await invitation.FillAsync("#form_DisplayName", "Rūta Ozoliņa");
        await invitation.FillAsync("#form_Password", "kalnu-iela-2026");
        await invitation.FillAsync("#form_ConfirmPassword", "kalnu-iela-2026");
        await invitation.ClickAsync("main button[type=submit]");
        // Waits for the redirect to commit, then for the elements: waiting for the page's "load"
        // state here once hung past 30 s under CI load although the page had arrived (networkidle
        // had fired), so nothing below depends on load events.
        await invitation.WaitForURLAsync(u => !u.Contains("/invitations/"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(invitation.Locator($"header a[title='{invitee}']")).ToHaveCountAsync(1);
        await Assertions.Expect(invitation.Locator("[role=status]")).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(invitation);

        var unsubscribe = new Uri(message.Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery;
        await invitation.GotoAsync(unsubscribe);
        await Axe.AssertNoViolationsAsync(invitation);
        await invitation.ClickAsync("main button[type=submit]");
        Assert.Equal(1, await invitation.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(invitation);
    }

    [GeneratedRegex(@"https?://[^/\s]+(/invitations/[A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();
}
