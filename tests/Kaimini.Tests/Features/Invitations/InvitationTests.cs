using System.Net;
using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Kaimini.Tests.Features.Invitations;

public partial class InvitationTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task An_administrator_invites_an_organiser_who_registers_through_the_link_and_has_the_role()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var email = TestUsers.UniqueEmail("organisers");

        await InviteAsync(admin, email, Roles.Organiser, "lv");

        var message = await app.Smtp.WaitForMessageAsync(email);
        Assert.Equal("Uzaicinājums pievienoties portālam Kaimiņi", message.Subject);
        Assert.Equal("lv", message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("aicina jūs kļūt par organizatoru portālā Kaimiņi", message.TextBody);
        Assert.StartsWith("<http://kaimini.test/unsubscribe/", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.EndsWith("@kaimini.test", message.MessageId);
        var link = InvitationLink().Match(message.TextBody!).Groups[1].Value;
        Assert.NotEmpty(link);

        using var invitee = app.CreatePageClient("lv");
        var page = await invitee.GetAsync(link);
        Assert.Contains(email, page.QuerySelector("main")!.TextContent);
        var home = await invitee.SubmitAndFollowAsync(page, "main form", new Dictionary<string, string>
        {
            ["form.DisplayName"] = "Inese Organizatore",
            ["form.Password"] = "liepu-iela-2026",
            ["form.ConfirmPassword"] = "liepu-iela-2026",
        });

        Assert.Contains("Uzaicinājums pieņemts", home.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(home.QuerySelector($"header a[title='{email}']"));
        Assert.NotNull(home.QuerySelector("header a[href='/admin']"));
        await AssertRoleAsync(email, Roles.Organiser);
        var invitation = await app.WithDbAsync(db => db.Invitations.SingleAsync(i => i.Email == email));
        Assert.Equal(InvitationStatus.Accepted, invitation.Status);

        // Single use: the same link now explains itself and changes nothing.
        var again = await invitee.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("Uzaicinājums jau izmantots", (await PageClient.ParseAsync(again)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_existing_user_accepts_with_the_account_they_have_and_gets_the_role()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var (staff, staffUser) = await app.LoggedInAsync(null, "en");
        await InviteAsync(admin, staffUser.Email!, Roles.MunicipalityStaff, "en");
        var message = await app.Smtp.WaitForMessageAsync(staffUser.Email!, m => m.Subject == "An invitation to join Kaimiņi");
        var link = InvitationLink().Match(message.TextBody!).Groups[1].Value;

        var page = await staff.GetAsync(link);
        var home = await staff.SubmitAndFollowAsync(page, "main form", new Dictionary<string, string>());

        Assert.Contains("Invitation accepted", home.QuerySelector("[role=status]")!.TextContent);
        await AssertRoleAsync(staffUser.Email!, Roles.MunicipalityStaff);
    }

    [Fact]
    public async Task Someone_not_logged_in_whose_address_has_an_account_is_asked_to_log_in_and_cannot_register_again()
    {
        var existing = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("has-account"));
        var token = await CreateInvitationAsync(existing.Email!, DateTimeOffset.UtcNow.AddDays(1));
        using var visitor = app.CreatePageClient("lv");

        var page = await visitor.GetAsync($"/invitations/{token}");

        Assert.Contains("Šai adresei jau ir konts", page.QuerySelector("main")!.TextContent);
        Assert.NotNull(page.QuerySelector($"main a[href='/account/login?returnUrl=%2Finvitations%2F{token}']"));
        var forced = await visitor.Http.PostAsync($"/invitations/{token}/register", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode);
    }

    [Fact]
    public async Task Expired_revoked_and_forged_tokens_get_a_clear_page_and_change_nothing()
    {
        var expiredEmail = TestUsers.UniqueEmail("expired");
        var expired = await CreateInvitationAsync(expiredEmail, DateTimeOffset.UtcNow.AddMinutes(-1));
        var revokedEmail = TestUsers.UniqueEmail("revoked");
        var revoked = await CreateInvitationAsync(revokedEmail, DateTimeOffset.UtcNow.AddDays(1));
        await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == revokedEmail)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Revoked)));
        using var visitor = app.CreatePageClient("lv");

        var expiredPage = await visitor.Http.GetAsync($"/invitations/{expired}");
        var revokedPage = await visitor.Http.GetAsync($"/invitations/{revoked}");
        var forgedPage = await visitor.Http.GetAsync("/invitations/aW52ZW50ZWQtdG9rZW4tdGhhdC1kb2VzLW5vdC1leGlzdA");

        Assert.Equal(HttpStatusCode.Gone, expiredPage.StatusCode);
        Assert.Equal("Uzaicinājuma derīgums beidzies", (await PageClient.ParseAsync(expiredPage)).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.Gone, revokedPage.StatusCode);
        Assert.Equal("Uzaicinājums atsaukts", (await PageClient.ParseAsync(revokedPage)).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, forgedPage.StatusCode);
        Assert.Equal("Uzaicinājums nav atrasts", (await PageClient.ParseAsync(forgedPage)).QuerySelector("h1")!.TextContent);

        // Posting a registration to the expired link by hand creates nothing either.
        var form = await visitor.GetAsync("/account/register");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await visitor.Http.PostAsync($"/invitations/{expired}/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["form.DisplayName"] = "Nokavētājs",
            ["form.Password"] = "liepu-iela-2026",
            ["form.ConfirmPassword"] = "liepu-iela-2026",
        }));
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == expiredEmail)));
    }

    [Fact]
    public async Task A_pasted_list_reports_bad_lines_by_number_and_queues_the_good_ones()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var good1 = TestUsers.UniqueEmail("list-a");
        var good2 = TestUsers.UniqueEmail("list-b");

        var batch = await InviteAsync(admin, $"{good1}\nnav-adrese\n\n{good2}\n{good1.ToUpperInvariant()}\nx@y", Roles.Leader, "lv");

        Assert.Equal("Rindā ievietoti 2 uzaicinājumi.", batch.QuerySelector("main .lead")!.TextContent);
        var rejected = batch.QuerySelectorAll("main section li").Select(li => li.TextContent).ToList();
        Assert.Equal(
        [
            "2. rinda: „nav-adrese” — nav derīga e-pasta adrese",
            $"5. rinda: „{good1.ToUpperInvariant()}” — atkārtojas sarakstā",
            "6. rinda: „x@y” — nav derīga e-pasta adrese",
        ], rejected);
        await app.Smtp.WaitForMessageAsync(good1);
        await app.Smtp.WaitForMessageAsync(good2);
    }

    [Fact]
    public async Task A_list_with_no_valid_address_is_refused_with_every_line_explained_and_kept()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var form = await admin.GetAsync("/admin/invitations");

        var page = await admin.SubmitExpectingPageAsync(form, "main form[action='/admin/invitations']", new Dictionary<string, string>
        {
            ["form.Emails"] = "viens\ndivi@",
            ["form.Role"] = Roles.Leader,
            ["form.Culture"] = "lv",
        });

        Assert.Equal("viens\ndivi@", page.QuerySelector("textarea")!.TextContent.TrimStart('\n').Replace("\r\n", "\n"));
        var alert = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Sarakstā nav nevienas derīgas adreses", alert);
        Assert.Contains("1. rinda: „viens”", alert);
        Assert.Contains("2. rinda: „divi@”", alert);
    }

    [Fact]
    public async Task Organisers_invite_only_leaders_and_residents_cannot_invite_at_all()
    {
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var (resident, _) = await app.LoggedInAsync(null);

        var form = await organiser.GetAsync("/admin/invitations");
        Assert.Equal([Roles.Leader], form.QuerySelectorAll("#form_Role option").Select(o => o.GetAttribute("value")));
        var page = await organiser.SubmitExpectingPageAsync(form, "main form[action='/admin/invitations']", new Dictionary<string, string>
        {
            ["form.Emails"] = TestUsers.UniqueEmail("not-allowed"),
            ["form.Role"] = Roles.Administrator,
            ["form.Culture"] = "lv",
        });
        Assert.Contains("Jūs nevarat uzaicināt ar šo lomu.", page.QuerySelector("[role=alert]")!.TextContent);

        var asResident = await resident.Http.GetAsync("/admin/invitations");
        Assert.Equal(HttpStatusCode.Redirect, asResident.StatusCode);
        Assert.Contains("/account/access-denied", asResident.Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_administrator_revokes_an_invitation_and_its_link_stops_working()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var email = TestUsers.UniqueEmail("to-revoke");
        await InviteAsync(admin, email, Roles.Leader, "lv");
        var link = InvitationLink().Match((await app.Smtp.WaitForMessageAsync(email)).TextBody!).Groups[1].Value;

        var list = await admin.GetAsync("/admin/invitations");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email));
        var form = row.QuerySelector("form")!;
        using var response = await admin.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var invitee = app.CreatePageClient("lv");
        var page = await invitee.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
    }

    [Fact]
    public async Task Another_account_cannot_accept_an_invitation_sent_to_someone_else()
    {
        var invited = TestUsers.UniqueEmail("invited-admin");
        var token = await CreateInvitationAsync(invited, app.Clock.GetUtcNow().AddDays(1), Roles.Administrator);
        var (other, otherUser) = await app.LoggedInAsync(null);

        var page = await other.GetAsync($"/invitations/{token}");

        Assert.Null(page.QuerySelector($"main form[action='/invitations/{token}/accept']"));
        Assert.Contains($"Uzaicinājums tika nosūtīts uz {invited}, bet jūs esat pieslēdzies kā {otherUser.Email}", page.QuerySelector("main [role=alert]")!.TextContent);
        var antiforgery = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var forced = await other.Http.PostAsync($"/invitations/{token}/accept",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));

        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.Equal("Uzaicinājums ir citai adresei", (await PageClient.ParseAsync(forced)).QuerySelector("h1")!.TextContent);
        Assert.Equal(InvitationStatus.Sent, await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == invited).Select(i => i.Status).SingleAsync()));
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            Assert.Empty(await users.GetRolesAsync((await users.FindByIdAsync(otherUser.Id))!));
        });
    }

    [Fact]
    public async Task Registering_through_the_link_creates_the_account_for_the_invited_address_whatever_else_is_posted()
    {
        var invited = TestUsers.UniqueEmail("invited-new");
        var elsewhere = TestUsers.UniqueEmail("elsewhere");
        var token = await CreateInvitationAsync(invited, app.Clock.GetUtcNow().AddDays(1));
        using var visitor = app.CreatePageClient("lv");
        var page = await visitor.GetAsync($"/invitations/{token}");

        using var response = await visitor.Http.PostAsync($"/invitations/{token}/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["form.DisplayName"] = "Jānis Jaunais",
            ["form.Password"] = "liepu-iela-2026",
            ["form.ConfirmPassword"] = "liepu-iela-2026",
            ["form.Email"] = elsewhere,
            ["Email"] = elsewhere,
            ["UserName"] = elsewhere,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var account = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.DisplayName == "Jānis Jaunais"));
        Assert.Equal((invited, invited, true), (account.Email, account.UserName, account.EmailConfirmed));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == elsewhere)));
        await AssertRoleAsync(invited, Roles.Leader);
    }

    [Fact]
    public async Task Inviting_an_administrator_needs_the_inviters_password_again()
    {
        var (admin, adminUser) = await app.LoggedInAsync(Roles.Administrator);
        var email = TestUsers.UniqueEmail("new-admin");
        var values = new Dictionary<string, string>
        {
            ["form.Emails"] = email,
            ["form.Role"] = Roles.Administrator,
            ["form.Culture"] = "lv",
        };
        var form = await admin.GetAsync("/admin/invitations");
        Assert.NotNull(form.QuerySelector("#form_Password[type=password][autocomplete=current-password]"));

        var missing = await admin.SubmitExpectingPageAsync(form, "main form[action='/admin/invitations']", values);
        Assert.Contains("Lai uzaicinātu administratoru, ievadiet savu paroli.", missing.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(email, missing.QuerySelector("textarea")!.TextContent.Trim());

        values["form.Password"] = "nepareiza-parole-1";
        var wrong = await admin.SubmitExpectingPageAsync(missing, "main form[action='/admin/invitations']", values);
        Assert.Contains("Parole nav pareiza.", wrong.QuerySelector("#form_Password-error")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == email)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.Where(u => u.Id == adminUser.Id).Select(u => u.AccessFailedCount).SingleAsync()));

        values["form.Password"] = TestUsers.Password;
        await admin.SubmitAndFollowAsync(wrong, "main form[action='/admin/invitations']", values);
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == email)), "The invitation was not written.");
        Assert.Equal(Roles.Administrator, await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.Role).SingleAsync()));
    }

    private static async Task<AngleSharp.Dom.IDocument> InviteAsync(PageClient admin, string emails, string role, string culture) =>
        await admin.SubmitAndFollowAsync(await admin.GetAsync("/admin/invitations"), "main form[action='/admin/invitations']",
            new Dictionary<string, string>
            {
                ["form.Emails"] = emails,
                ["form.Role"] = role,
                ["form.Culture"] = culture,
            });

    private async Task AssertRoleAsync(string email, string role) =>
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, role));
        });

    /// <summary>An invitation stored directly, for states the UI reaches only with time.</summary>
    private async Task<string> CreateInvitationAsync(string email, DateTimeOffset expiresAt, string role = Roles.Leader)
    {
        var inviter = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("inviter"), Roles.Administrator);
        var (token, hash) = LinkTokens.Create();
        await app.WithDbAsync(async db =>
        {
            db.Invitations.Add(new Invitation
            {
                Id = Guid.NewGuid(),
                Email = email,
                Purpose = InvitationPurpose.PortalRole,
                Role = role,
                InvitedById = inviter.Id,
                TokenHash = hash,
                CreatedAt = expiresAt.AddDays(-14),
                ExpiresAt = expiresAt,
            });
            return await db.SaveChangesAsync();
        });
        return token;
    }

    [GeneratedRegex(@"http://kaimini\.test(/invitations/[A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();
}
