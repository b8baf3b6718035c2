using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Events;

/// <summary>Sign-up reveals nothing about others and changes nobody else's registration.</summary>
public partial class SignupPrivacyTests(KaiminiApp app) : IClassFixture<KaiminiApp>, IAsyncLifetime
{
    private string _home = "";

    public async ValueTask InitializeAsync() => _home = await TestEvents.HomeAsync(app);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Dictionary<string, string> SignUp(string name, string email, string type = "Resident") => new()
    {
        ["form.Name"] = name,
        ["form.Email"] = email,
        ["form.ParticipantType"] = type,
        ["form.TerritoryId"] = _home,
    };

    [Fact]
    public async Task Signing_up_with_a_registered_address_shows_the_usual_answer_tells_the_owner_and_their_link_keeps_working()
    {
        var ev = await TestEvents.CreateAsync(app, "Forums ar svešu adresi");
        using var owner = app.CreatePageClient("lv");
        var email = TestUsers.UniqueEmail("owner");
        await owner.SubmitAndFollowAsync(await owner.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", SignUp("Īstā", email));
        var link = ManageLink().Match((await app.Smtp.WaitForMessageAsync(email)).TextBody!).Groups[1].Value;

        using var stranger = app.CreatePageClient("lv");
        var answer = await stranger.SubmitAndFollowAsync(await stranger.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']",
            SignUp("Viltniece", email));

        Assert.Contains("Paldies, pieteikums saņemts", answer.QuerySelector("[role=status]")!.TextContent);
        var registration = await app.WithDbAsync(db => db.EventRegistrations.SingleAsync(r => r.EventId == ev.Id && r.Email == email));
        Assert.Equal("Īstā", registration.Name);
        var told = await app.Smtp.WaitForMessageAsync(email, m => m.Subject == "Vēlreizējs pieteikums ar jūsu adresi: Forums ar svešu adresi");
        Assert.Contains("nekas netika mainīts", told.TextBody);
        var manage = await owner.GetAsync(link);
        Assert.Equal("Īstā", manage.QuerySelector("#form_Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_name_is_listed_only_once_its_address_is_confirmed_by_the_link_or_a_signed_in_account()
    {
        var ev = await TestEvents.CreateAsync(app, "Forums ar sarakstu");
        using var anonymous = app.CreatePageClient("lv");
        var email = TestUsers.UniqueEmail("listed");
        var values = SignUp("Neapstiprinātā Liepa", email);
        values["form.ListConsent"] = "true";
        await anonymous.SubmitAndFollowAsync(await anonymous.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", values);
        Assert.DoesNotContain("Neapstiprinātā Liepa", (await anonymous.GetAsync($"/events/{ev.Slug}")).QuerySelector("main")!.TextContent);

        // Opening the link confirms nothing (mail scanners open links); its button does.
        var link = ManageLink().Match((await app.Smtp.WaitForMessageAsync(email)).TextBody!).Groups[1].Value;
        var manage = await anonymous.GetAsync(link);
        Assert.DoesNotContain("Neapstiprinātā Liepa", (await anonymous.GetAsync($"/events/{ev.Slug}")).QuerySelector("main")!.TextContent);
        await anonymous.SubmitAndFollowAsync(manage, "main form[action$='/confirm']", new Dictionary<string, string>());
        Assert.Contains("Neapstiprinātā Liepa", (await anonymous.GetAsync($"/events/{ev.Slug}")).QuerySelector("main")!.TextContent);

        var (member, user) = await app.LoggedInAsync(null);
        var own = await member.GetAsync($"/events/{ev.Slug}");
        await member.SubmitAndFollowAsync(own, "main form[action$='/sign-up']", new Dictionary<string, string>
        {
            ["form.TerritoryId"] = _home,
            ["form.ListConsent"] = "true",
        });
        Assert.Contains(user.DisplayName, (await anonymous.GetAsync($"/events/{ev.Slug}")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Signing_up_again_signed_in_with_that_address_confirms_the_earlier_registration()
    {
        var ev = await TestEvents.CreateAsync(app, "Forums bez konta un ar kontu");
        var (client, user) = await app.LoggedInAsync(null);
        using var anonymous = app.CreatePageClient("lv");
        var values = SignUp("Agrākā Bērziņa", user.Email!);
        values["form.ListConsent"] = "true";
        await anonymous.SubmitAndFollowAsync(await anonymous.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", values);
        Assert.DoesNotContain("Agrākā Bērziņa", (await anonymous.GetAsync($"/events/{ev.Slug}")).QuerySelector("main")!.TextContent);

        // Signed in with that address, the person sees the registration as theirs, not a form, and
        // confirms it from "My registrations" (seeing it alone confirms nothing).
        var eventPage = await client.GetAsync($"/events/{ev.Slug}");
        Assert.Null(eventPage.QuerySelector("main form[action$='/sign-up']"));
        var manage = await client.GetAsync(eventPage.QuerySelector("#signup a[href^='/account/registrations/']")!.GetAttribute("href")!);
        Assert.DoesNotContain("Agrākā Bērziņa", (await anonymous.GetAsync($"/events/{ev.Slug}")).QuerySelector("main")!.TextContent);
        await client.SubmitAndFollowAsync(manage, "main form[action$='/confirm']", new Dictionary<string, string>());

        Assert.Contains("Agrākā Bērziņa", (await anonymous.GetAsync($"/events/{ev.Slug}")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Kept_places_go_only_to_those_an_organiser_invited_or_approved_for_them()
    {
        var ev = await TestEvents.CreateAsync(app, "Brauciens ar paturētām vietām", capacity: 2, configure: e =>
        {
            e.Kind = EventKind.StudyTrip;
            e.NgoQuota = 1;
            e.MunicipalityQuota = 1;
        });
        using var anonymous = app.CreatePageClient("lv");
        var page = await anonymous.GetAsync($"/events/{ev.Slug}");
        var claimsNgo = TestUsers.UniqueEmail("claims-ngo");
        var claimsMunicipality = TestUsers.UniqueEmail("claims-muni");

        // Anyone can say they are from an NGO or the municipality: without proof, only free places (none here).
        var ngo = SignUp("Saka, ka NVO", claimsNgo, "NgoRepresentative");
        ngo["form.CommunityName"] = "Biedrība „Nepārbaudītā”";
        await anonymous.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", ngo);
        await anonymous.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Saka, ka pašvaldība", claimsMunicipality, "MunicipalityStaff"));
        Assert.Equal(RegistrationStatus.Waitlisted, await StatusAsync(claimsNgo));
        Assert.Equal(RegistrationStatus.Waitlisted, await StatusAsync(claimsMunicipality));

        // An organiser who knows the NGO representative approves them from the list: they get the NGO place.
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var list = await organiser.GetAsync($"/admin/events/{ev.Slug}/registrations");
        var approveForm = list.QuerySelectorAll("main form[action$='/approve-quota']")
            .Single(f => f.ParentElement!.ParentElement!.TextContent.Contains(claimsNgo));
        await organiser.SubmitAndFollowAsync(list, $"main form[action='{approveForm.GetAttribute("action")}']", new Dictionary<string, string>());
        Assert.Equal(RegistrationStatus.Confirmed, await StatusAsync(claimsNgo));

        // Someone invited for the municipality's places takes one through their link.
        var invited = TestUsers.UniqueEmail("invited-muni");
        await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/events/{ev.Slug}/invite"), "main form", new Dictionary<string, string>
        {
            ["form.Emails"] = invited,
            ["form.Quota"] = "MunicipalityStaff",
        });
        var mail = await app.Smtp.WaitForMessageAsync(invited, m => m.Subject == "Uzaicinājums: " + ev.Title);
        var link = Regex.Match(mail.TextBody!, @"http://kaimini\.test(/events/\S+)").Groups[1].Value;
        using var guest = app.CreatePageClient("lv");
        var invitedPage = await guest.GetAsync(link);
        Assert.Equal("MunicipalityStaff", invitedPage.QuerySelector("#form_ParticipantType option[selected]")!.GetAttribute("value"));
        await guest.SubmitAndFollowAsync(invitedPage, "main form[action$='/sign-up']", new Dictionary<string, string>
        {
            ["form.Name"] = "Uzaicinātā darbiniece",
            ["form.TerritoryId"] = _home,
        });
        Assert.Equal(RegistrationStatus.Confirmed, await StatusAsync(invited));
        Assert.Equal(RegistrationStatus.Waitlisted, await StatusAsync(claimsMunicipality));
    }

    [Fact]
    public async Task An_invitation_only_event_needs_the_invitations_token_for_its_address()
    {
        var ev = await TestEvents.CreateAsync(app, "Slēgtā tikšanās", configure: e => e.Audience = EventAudience.InvitationOnly);
        var invited = TestUsers.UniqueEmail("token-invited");
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/events/{ev.Slug}/invite"), "main form",
            new Dictionary<string, string> { ["form.Emails"] = invited });
        var mail = await app.Smtp.WaitForMessageAsync(invited, m => m.Subject == "Uzaicinājums: " + ev.Title);
        var link = Regex.Match(mail.TextBody!, @"http://kaimini\.test(/events/\S+)").Groups[1].Value;

        // Knowing the invited address is not enough: no form without the link, and a post without its token is refused.
        using var guesser = app.CreatePageClient("lv");
        Assert.Null((await guesser.GetAsync($"/events/{ev.Slug}")).QuerySelector("main form[action$='/sign-up']"));
        using var other = app.CreatePageClient("lv");
        var withLink = await other.GetAsync(link);
        var guessed = SignUp("Minētājs", invited);
        guessed["form.Invitation"] = "";
        var refused = await other.SubmitExpectingPageAsync(withLink, "main form[action$='/sign-up']", guessed);
        Assert.Contains("Šis pasākums ir ar uzaicinājumiem", refused.QuerySelector("[role=alert]")!.TextContent);
        Assert.Null(refused.QuerySelector("main form[action$='/sign-up']"));
        // Nor is the link with another address.
        await other.SubmitExpectingPageAsync(withLink, "main form[action$='/sign-up']", SignUp("Cits", TestUsers.UniqueEmail("other")));
        Assert.Equal(0, await app.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == ev.Id)));

        await other.SubmitAndFollowAsync(withLink, "main form[action$='/sign-up']", SignUp("Uzaicinātais", invited));
        Assert.Equal(RegistrationStatus.Confirmed, await StatusAsync(invited));
    }

    [Fact]
    public async Task Signed_in_a_person_signs_up_with_their_own_address_only()
    {
        var ev = await TestEvents.CreateAsync(app, "Forums kontiem");
        var (client, user) = await app.LoggedInAsync(null);
        var someoneElse = TestUsers.UniqueEmail("someone-else");
        var values = SignUp("Kāds cits", someoneElse);
        values["form.AccessibilityNeeds"] = "Ratiņkrēsls";

        var refused = await client.SubmitExpectingPageAsync(await client.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", values);

        Assert.Contains("Ja esat pieslēdzies, piesakieties ar sava konta e-pasta adresi", refused.QuerySelector("#form_Email-error")!.TextContent);
        Assert.Equal(someoneElse, refused.QuerySelector("#form_Email")!.GetAttribute("value"));
        Assert.Equal("Ratiņkrēsls", refused.QuerySelector("#form_AccessibilityNeeds")!.TextContent.Trim());
        Assert.Equal(0, await app.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == ev.Id)));

        values["form.Email"] = user.Email!.ToUpperInvariant();
        await client.SubmitAndFollowAsync(refused, "main form[action$='/sign-up']", values);
        Assert.Equal(RegistrationStatus.Confirmed, await StatusAsync(user.Email!));
    }

    private Task<RegistrationStatus> StatusAsync(string email) =>
        app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Email == email.ToLowerInvariant()).Select(r => r.Status).SingleAsync());

    [GeneratedRegex(@"http://kaimini\.test(/events/registrations/[A-Za-z0-9_-]+)")]
    private static partial Regex ManageLink();
}
