using System.Net;
using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kaimini.Tests.Features.Events;

/// <summary>Issue 11, residents signing up: one's own registration on the event page and in "My
/// registrations", who may sign up, the form's fields, asking before cancelling, the reminder's link.</summary>
public partial class MyRegistrationsTests(KaiminiApp app) : IClassFixture<KaiminiApp>, IAsyncLifetime
{
    private string _home = "";

    public async ValueTask InitializeAsync() => _home = await TestEvents.HomeAsync(app);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Dictionary<string, string> SignUp(string name, string email, string type = "Resident") => TestEvents.SignUp(name, email, _home, type);

    [Fact]
    public async Task Signed_in_the_event_page_shows_the_place_or_the_number_in_the_queue_and_My_registrations_lists_coming_then_past()
    {
        var full = await TestEvents.CreateAsync(app, "Forums ar rindu", capacity: 1, startsAt: app.Clock.GetUtcNow().AddDays(30));
        var open = await TestEvents.CreateAsync(app, "Forums ar vietām", startsAt: app.Clock.GetUtcNow().AddDays(20));
        var past = await TestEvents.CreateAsync(app, "Pagājušais forums", startsAt: app.Clock.GetUtcNow().AddDays(-20));
        using var someone = app.CreatePageClient("lv");
        await someone.SubmitAndFollowAsync(await someone.GetAsync($"/events/{full.Slug}"), "main form[action$='/sign-up']",
            SignUp("Pirmā", TestUsers.UniqueEmail("first")));
        var (client, user) = await app.LoggedInAsync(null);
        await app.WithDbAsync(db =>
        {
            db.EventRegistrations.Add(new EventRegistration
            {
                Id = Guid.CreateVersion7(),
                EventId = past.Id,
                UserId = user.Id,
                Name = "Es",
                Email = user.Email!,
                PersonHash = TestUsers.PersonHash(user.Email!),
                Status = RegistrationStatus.Confirmed,
                ManageTokenHash = Guid.NewGuid().ToString("N"),
                CreatedAt = app.Clock.GetUtcNow().AddDays(-30),
            });
            return db.SaveChangesAsync();
        });

        var waiting = await client.SubmitAndFollowAsync(await client.GetAsync($"/events/{full.Slug}"), "main form[action$='/sign-up']",
            SignUp("Es", user.Email!));
        var confirmed = await client.SubmitAndFollowAsync(await client.GetAsync($"/events/{open.Slug}"), "main form[action$='/sign-up']",
            SignUp("Es", user.Email!));

        // The page shows the state, not an empty form again.
        Assert.Null(waiting.QuerySelector("main form[action$='/sign-up']"));
        Assert.Contains("jūs esat rindā — 1. pēc kārtas", waiting.QuerySelector("main [data-my-registration]")!.TextContent);
        Assert.Contains("jums ir vieta", confirmed.QuerySelector("main [data-my-registration]")!.TextContent);
        var manageLink = confirmed.QuerySelector("#signup a")!.GetAttribute("href")!;
        Assert.Matches("^/account/registrations/[0-9a-f-]{36}$", manageLink);
        Assert.NotNull(confirmed.QuerySelector("header a[href='/account/registrations']"));

        var mine = await client.GetAsync("/account/registrations");
        Assert.Equal(["Forums ar vietām", "Forums ar rindu"], mine.QuerySelectorAll("main [data-list=coming] li > a").Select(a => a.TextContent));
        Assert.Equal(["Pagājušais forums"], mine.QuerySelectorAll("main [data-list=past] li > a").Select(a => a.TextContent));
        Assert.Contains("1. pēc kārtas", mine.QuerySelectorAll("main [data-list=coming] li")[1].TextContent);

        // Changed and cancelled from the account, with a question first.
        var manage = await client.GetAsync(manageLink);
        var changed = await client.SubmitAndFollowAsync(manage, $"main form[action='{manageLink}']",
            new Dictionary<string, string> { ["form.AccessibilityNeeds"] = "Ratiņkrēsls" });
        Assert.Equal("Izmaiņas saglabātas.", changed.QuerySelector("[role=status]")!.TextContent.Trim());
        var question = await client.GetAsync(changed.QuerySelector("main a[href$='/cancel']")!.GetAttribute("href")!);
        Assert.Contains("Vai tiešām atcelt pieteikumu?", question.QuerySelector("main")!.TextContent);
        await client.SubmitAndFollowAsync(question, "main form[action$='/cancel']", new Dictionary<string, string>());
        var stored = await app.WithDbAsync(db => db.EventRegistrations.SingleAsync(r => r.EventId == open.Id && r.UserId == user.Id));
        Assert.Equal((RegistrationStatus.Cancelled, "Ratiņkrēsls"), (stored.Status, stored.AccessibilityNeeds));
        Assert.NotNull((await client.GetAsync($"/events/{open.Slug}")).QuerySelector("main form[action$='/sign-up']"));

        // Someone else's registration is as missing as a wrong one; without an account, the login.
        var (other, _) = await app.LoggedInAsync(null);
        using var foreign = await other.Http.GetAsync(manageLink);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var anonymous = await someone.Http.GetAsync("/account/registrations");
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_reminder_carries_a_personal_link_that_opens_the_registration()
    {
        var ev = await TestEvents.CreateAsync(app, "Forums ar atgādinājumu", startsAt: app.Clock.GetUtcNow().AddDays(5));
        var email = TestUsers.UniqueEmail("remind");
        using var client = app.CreatePageClient("lv");
        await client.SubmitAndFollowAsync(await client.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", SignUp("Atgādināmā", email));
        var first = ManageLink().Match((await app.Smtp.WaitForMessageAsync(email, m => m.Subject == "Pieteikums apstiprināts: Forums ar atgādinājumu")).TextBody!).Groups[1].Value;

        var clock = new FakeTimeProvider(ev.StartsAt.AddHours(-47));
        await app.WithScopeAsync(s => ActivatorUtilities.CreateInstance<EventReminders>(s, (TimeProvider)clock).SendDueAsync(CancellationToken.None));

        var reminder = await app.Smtp.WaitForMessageAsync(email, m => m.Subject == "Atgādinājums: Forums ar atgādinājumu");
        Assert.DoesNotContain("pirmās vēstules", reminder.TextBody);
        var link = ManageLink().Match(reminder.TextBody!).Groups[1].Value;
        var page = await client.GetAsync(link);
        Assert.Equal("Forums ar atgādinājumu", page.QuerySelector("main dl a")!.TextContent);
        // Only hashes are kept: the new link takes the old one's place, as the mail says.
        using var old = await client.Http.GetAsync(first);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task The_form_marks_required_fields_offers_another_place_and_asks_only_NGO_representatives_for_their_organisation()
    {
        var ev = await TestEvents.CreateAsync(app, "Forums ar NVO");
        using var client = app.CreatePageClient("lv");
        var page = await client.GetAsync($"/events/{ev.Slug}");

        Assert.NotNull(page.QuerySelector("main label[for=form_Name] .required-mark[aria-hidden=true]"));
        Assert.NotNull(page.QuerySelector("main label[for=form_TerritoryId] .required-mark"));
        Assert.Equal("true", page.QuerySelector("#form_Email")!.GetAttribute("aria-required"));
        Assert.Null(page.QuerySelector("main label[for=form_AccessibilityNeeds] .required-mark"));
        Assert.Contains("Ar * atzīmētie lauki ir obligāti.", page.QuerySelector("main form[action$='/sign-up']")!.TextContent);
        Assert.Equal("Cita vieta (ārpus šiem novadiem)", page.QuerySelector($"#form_TerritoryId option[value='{HomeTerritory.Elsewhere}']")!.TextContent);
        // Rendered for everyone (a small script hides it unless "NGO representative" is chosen).
        Assert.NotNull(page.QuerySelector("#ngo-field[data-ngo-only] #form_CommunityName"));
        Assert.Equal("ngo-field", page.QuerySelector("#form_ParticipantType")!.GetAttribute("data-ngo-toggle"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/sign-up']"));
        // On a phone, a way from the top of the page to the form.
        Assert.NotNull(page.QuerySelector("main a[href='#signup']"));
        Assert.NotNull(page.QuerySelector("main #signup form[action$='/sign-up']"));

        var email = TestUsers.UniqueEmail("ngo");
        var values = SignUp("Nora Biedre", email, "NgoRepresentative");
        values["form.TerritoryId"] = HomeTerritory.Elsewhere.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var refused = await client.SubmitExpectingPageAsync(page, "main form[action$='/sign-up']", values);
        Assert.Equal("Lūdzu, aizpildiet lauku „Organizācijas, kuru pārstāvat, nosaukums”.", refused.QuerySelector("#form_CommunityName-error")!.TextContent);
        Assert.Equal("Nora Biedre", refused.QuerySelector("#form_Name")!.GetAttribute("value"));
        Assert.Equal(HomeTerritory.Elsewhere.ToString(System.Globalization.CultureInfo.InvariantCulture),
            refused.QuerySelector("#form_TerritoryId option[selected]")!.GetAttribute("value"));
        Assert.Equal("NgoRepresentative", refused.QuerySelector("#form_ParticipantType option[selected]")!.GetAttribute("value"));

        values["form.CommunityName"] = "Biedrība „Rīgas kaimiņi”";
        await client.SubmitAndFollowAsync(refused, "main form[action$='/sign-up']", values);

        var stored = await app.WithDbAsync(db => db.EventRegistrations.SingleAsync(r => r.Email == email));
        Assert.Equal((null, "Biedrība „Rīgas kaimiņi”"), (stored.TerritoryId, stored.CommunityName));
        // A resident leaves the organisation empty: nothing asked, nothing stored.
        var resident = TestUsers.UniqueEmail("resident");
        var residentValues = SignUp("Rita Iedzīvotāja", resident);
        residentValues["form.CommunityName"] = "Ierakstīts un pārdomāts";
        await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", residentValues);
        Assert.Null(await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Email == resident).Select(r => r.CommunityName).SingleAsync()));
    }

    [Fact]
    public async Task Opening_the_sign_up_address_leads_back_to_the_event()
    {
        var ev = await TestEvents.CreateAsync(app, "Forums pārlādei");
        using var client = app.CreatePageClient("lv");

        using var reload = await client.Http.GetAsync($"/events/{ev.Slug}/sign-up");

        Assert.Equal(HttpStatusCode.Redirect, reload.StatusCode);
        Assert.Equal($"/events/{ev.Slug}#signup", reload.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_invitation_link_shows_the_form_to_the_invited_only()
    {
        var ev = await TestEvents.CreateAsync(app, "Slēgtā tikšanās", configure: e => e.Audience = EventAudience.InvitationOnly);
        var invited = TestUsers.UniqueEmail("guest");
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/events/{ev.Slug}/invite"), "main form",
            new Dictionary<string, string> { ["form.Emails"] = invited });
        var mail = await app.Smtp.WaitForMessageAsync(invited, m => m.Subject == "Uzaicinājums: Slēgtā tikšanās");
        var link = Regex.Match(mail.TextBody!, @"http://kaimini\.test(/events/\S+)").Groups[1].Value;
        using var client = app.CreatePageClient("en");

        var without = await client.GetAsync($"/events/{ev.Slug}?invitation=not-a-token");
        var with = await client.GetAsync(link);

        Assert.Null(without.QuerySelector("main form[action$='/sign-up']"));
        Assert.Contains("open this page with the link in your invitation e-mail", without.QuerySelector("main [data-who-can-sign-up]")!.TextContent);
        Assert.NotNull(with.QuerySelector("main form[action$='/sign-up']"));
        Assert.Equal(invited, with.QuerySelector("#form_Email")!.GetAttribute("value"));
    }

    [GeneratedRegex(@"http://kaimini\.test(/events/registrations/[A-Za-z0-9_-]+)")]
    private static partial Regex ManageLink();
}
