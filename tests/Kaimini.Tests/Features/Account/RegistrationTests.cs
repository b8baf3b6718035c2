using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Kaimini.Tests.Features.Account;

public partial class RegistrationTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    public static TheoryData<string, string, string, string, string> Languages => new()
    {
        { "lv", "Apstipriniet savu e-pasta adresi portālā Kaimiņi", "Pārbaudiet savu e-pastu", "E-pasta adrese apstiprināta", "Iziet" },
        { "en", "Confirm your e-mail address for Kaimiņi", "Check your e-mail", "E-mail address confirmed", "Log out" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Register_confirm_by_email_log_in_and_log_out(string culture, string subject, string checkEmail, string confirmed, string logout)
    {
        var email = TestUsers.UniqueEmail("register");
        using var client = app.CreatePageClient(culture);

        var form = await client.GetAsync("/account/register");
        var sent = await client.SubmitAndFollowAsync(form, "main form", new Dictionary<string, string>
        {
            ["DisplayName"] = "Līga Bērziņa",
            ["Email"] = email,
            ["Password"] = "ozolu-iela-2026",
            ["ConfirmPassword"] = "ozolu-iela-2026",
        });
        Assert.Equal(checkEmail, sent.QuerySelector("h1")!.TextContent);

        var message = await app.Smtp.WaitForMessageAsync(email);
        Assert.Equal(subject, message.Subject);
        Assert.Equal(culture, message.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("Līga Bērziņa", message.To.Mailboxes.Single().Name);
        var link = ConfirmLink().Match(message.TextBody!);
        Assert.True(link.Success, "No absolute confirmation link in: " + message.TextBody);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(message.HtmlBody!);
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == link.Value);

        var confirmedPage = await client.GetAsync(link.Groups[1].Value);
        Assert.Equal(confirmed, confirmedPage.QuerySelector("h1")!.TextContent);

        var login = await client.GetAsync("/account/login");
        var home = await client.SubmitAndFollowAsync(login, "main form", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = "ozolu-iela-2026",
        });
        Assert.NotNull(home.QuerySelector($"header a[title='{email}']"));
        var logoutButton = home.QuerySelector("header form button")!;
        Assert.Equal(logout, logoutButton.TextContent.Trim());

        var afterLogout = await client.SubmitAndFollowAsync(home, "header form", new Dictionary<string, string>());
        Assert.Null(afterLogout.QuerySelector($"header a[title='{email}']"));
        Assert.NotNull(afterLogout.QuerySelector("header a[href='/account/login']"));

        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.True(user.EmailConfirmed);
        Assert.Equal(culture, user.PreferredCulture);
    }

    [Fact]
    public async Task Login_before_confirming_asks_to_confirm_first()
    {
        var email = TestUsers.UniqueEmail("unconfirmed");
        using var client = app.CreatePageClient("lv");
        await client.SubmitAndFollowAsync(await client.GetAsync("/account/register"), "main form", new Dictionary<string, string>
        {
            ["DisplayName"] = "Andris Kalniņš",
            ["Email"] = email,
            ["Password"] = "ozolu-iela-2026",
            ["ConfirmPassword"] = "ozolu-iela-2026",
        });

        var page = await client.SubmitExpectingPageAsync(await client.GetAsync("/account/login"), "main form", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = "ozolu-iela-2026",
        });

        Assert.Contains("Vispirms apstipriniet savu e-pasta adresi", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/account/resend-confirmation']"));
    }

    [Fact]
    public async Task Invalid_registration_shows_translated_errors_and_keeps_what_was_typed()
    {
        using var client = app.CreatePageClient("lv");
        var page = await client.SubmitExpectingPageAsync(await client.GetAsync("/account/register"), "main form", new Dictionary<string, string>
        {
            ["DisplayName"] = "Ērika <b>Ozola</b>",
            ["Email"] = "ne-adrese",
            ["Password"] = "isa",
            ["ConfirmPassword"] = "cita",
        });

        Assert.Equal("Ērika <b>Ozola</b>", page.QuerySelector("#DisplayName")!.GetAttribute("value"));
        Assert.Equal("ne-adrese", page.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#Email")!.GetAttribute("aria-invalid"));
        Assert.Contains("Email-error", page.QuerySelector("#Email")!.GetAttribute("aria-describedby"));
        Assert.Equal("Ievadiet derīgu e-pasta adresi, piemēram, vards@piemers.lv.", page.QuerySelector("#Email-error")!.TextContent);
        Assert.Equal("Paroles nesakrīt.", page.QuerySelector("#ConfirmPassword-error")!.TextContent);
        Assert.Null(page.QuerySelector("b"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.DisplayName.StartsWith("Ērika"))));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_Identitys_rules_in_Latvian()
    {
        using var client = app.CreatePageClient("lv");
        var page = await client.SubmitExpectingPageAsync(await client.GetAsync("/account/register"), "main form", new Dictionary<string, string>
        {
            ["DisplayName"] = "Jānis",
            ["Email"] = TestUsers.UniqueEmail("weak"),
            ["Password"] = "aaaaaaaa",
            ["ConfirmPassword"] = "aaaaaaaa",
        });

        Assert.Equal("Parolē jābūt vismaz 12 rakstzīmēm.", page.QuerySelector("#Password-error")!.TextContent);
        var errors = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Parolē jābūt vismaz 12 rakstzīmēm.", errors);
        Assert.Contains("Parolē jābūt vismaz vienam ciparam (0–9).", errors);
    }

    [Fact]
    public async Task Registering_a_taken_address_reveals_nothing_and_tells_its_owner()
    {
        var owner = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("owner"), culture: "en");
        using var client = app.CreatePageClient("lv");

        var page = await client.SubmitAndFollowAsync(await client.GetAsync("/account/register"), "main form", new Dictionary<string, string>
        {
            ["DisplayName"] = "Kāds cits",
            ["Email"] = owner.Email!,
            ["Password"] = "ozolu-iela-2026",
            ["ConfirmPassword"] = "ozolu-iela-2026",
        });

        Assert.Equal("Pārbaudiet savu e-pastu", page.QuerySelector("h1")!.TextContent);
        var message = await app.Smtp.WaitForMessageAsync(owner.Email!);
        Assert.Equal("You already have a Kaimiņi account", message.Subject);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == owner.Email)));
    }

    [Fact]
    public async Task Forgotten_password_is_reset_through_the_emailed_link()
    {
        var user = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("forgot"));
        using var client = app.CreatePageClient("lv");

        var sent = await client.SubmitAndFollowAsync(await client.GetAsync("/account/forgot-password"), "main form",
            new Dictionary<string, string> { ["Email"] = user.Email! });
        Assert.Equal("Pārbaudiet savu e-pastu", sent.QuerySelector("h1")!.TextContent);

        var message = await app.Smtp.WaitForMessageAsync(user.Email!);
        Assert.Equal("Paroles atjaunošana portālā Kaimiņi", message.Subject);
        var link = ResetLink().Match(message.TextBody!);
        Assert.True(link.Success, message.TextBody);

        var reset = await client.GetAsync(link.Groups[1].Value);
        var done = await client.SubmitAndFollowAsync(reset, "main form", new Dictionary<string, string>
        {
            ["Password"] = "jauna-parole-2026",
            ["ConfirmPassword"] = "jauna-parole-2026",
        });
        Assert.Equal("Parole nomainīta", done.QuerySelector("h1")!.TextContent);

        var home = await client.SubmitAndFollowAsync(await client.GetAsync("/account/login"), "main form", new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = "jauna-parole-2026",
        });
        Assert.NotNull(home.QuerySelector($"header a[title='{user.Email!}']"));

        // The link is single-use: the password change rotated the security stamp.
        var again = await client.GetAsync(link.Groups[1].Value);
        Assert.Equal("Saite nav derīga", again.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_forged_confirmation_link_is_refused_with_a_translated_page()
    {
        var user = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("forged"));
        using var client = app.CreatePageClient("en");

        var page = await client.GetAsync($"/account/confirm-email?userId={user.Id}&code=Zm9yZ2Vk");

        Assert.Equal("The link is not valid", page.QuerySelector("h1")!.TextContent);
    }

    [GeneratedRegex(@"http://kaimini\.test(/account/confirm-email\?\S+)")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"http://kaimini\.test(/account/reset-password\?\S+)")]
    private static partial Regex ResetLink();
}
