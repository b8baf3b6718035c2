using System.Net;
using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Privacy;

/// <summary>Someone without an account sees and erases their data through the manage link.</summary>
public partial class RegistrationDataTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task A_participant_without_an_account_sees_their_data_and_erases_it_and_the_place_goes_to_the_next_person()
    {
        var ev = await TestEvents.CreateAsync(app, "Dzēšamo datu forums", capacity: 1);
        var home = await TestEvents.HomeAsync(app);
        using var client = app.CreatePageClient("lv");
        var page = await client.GetAsync($"/events/{ev.Slug}");
        var email = TestUsers.UniqueEmail("bez-konta");
        var waiting = TestUsers.UniqueEmail("rinda");
        await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", new Dictionary<string, string>
        {
            ["form.Name"] = "Ilze Zvaigzne",
            ["form.Email"] = email,
            ["form.ParticipantType"] = "Resident",
            ["form.TerritoryId"] = home,
            ["form.AccessibilityNeeds"] = "indukcijas cilpa",
        });
        await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", new Dictionary<string, string>
        {
            ["form.Name"] = "Rindā Gaidītājs",
            ["form.Email"] = waiting,
            ["form.ParticipantType"] = "Resident",
            ["form.TerritoryId"] = home,
        });
        var link = ManageLink().Match((await app.Smtp.WaitForMessageAsync(email)).TextBody!).Groups[1].Value;
        using var person = app.CreatePageClient("lv");

        var manage = await person.GetAsync(link);
        var data = await person.GetAsync(manage.QuerySelector($"main a[href='{link}/data']")!.GetAttribute("href")!);

        var shown = data.QuerySelector("main dl")!.TextContent;
        Assert.Contains("Ilze Zvaigzne", shown);
        Assert.Contains(email, shown);
        Assert.Contains("indukcijas cilpa", shown);
        Assert.Contains("Olaines pagasts", shown);

        var home2 = await person.SubmitAndFollowAsync(data, "main form[action$='/data/erase']", new Dictionary<string, string>());

        Assert.Equal("Jūsu dati šajā pieteikumā ir dzēsti.", home2.QuerySelector("[role=status]")!.TextContent.Trim());
        var erased = await app.WithDbAsync(db => db.EventRegistrations.AsNoTracking()
            .SingleAsync(r => r.EventId == ev.Id && r.Name == "—"));
        Assert.DoesNotContain(email, erased.Email);
        Assert.Null(erased.AccessibilityNeeds);
        Assert.NotNull(erased.AnonymisedAt);
        Assert.Equal(await TestRegistrations.HashAsync(app, email), erased.PersonHash);
        Assert.Equal(RegistrationStatus.Cancelled, erased.Status);
        Assert.Equal(ParticipantType.Resident, erased.ParticipantType);
        Assert.Equal(RegistrationStatus.Confirmed, await app.WithDbAsync(db => db.EventRegistrations
            .Where(r => r.Email == waiting).Select(r => r.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.EventRegistrations.AnyAsync(r => r.Email == email)));
        // The link ends with the data.
        Assert.Equal(HttpStatusCode.NotFound, (await person.Http.GetAsync(link + "/data")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.Http.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task After_the_event_the_link_still_shows_and_erases_the_data_until_it_is_anonymised()
    {
        var ev = await TestEvents.CreateAsync(app, "Pagājis forums", startsAt: DateTimeOffset.UtcNow.AddDays(-3));
        var (token, hash) = LinkTokens.Create();
        var registration = await TestRegistrations.AddAsync(app, ev, TestUsers.UniqueEmail("pagajis"), "Jānis Liepa",
            checkedInAt: DateTimeOffset.UtcNow.AddDays(-3), manageTokenHash: hash);
        using var person = app.CreatePageClient("en");

        Assert.Equal(HttpStatusCode.NotFound, (await person.Http.GetAsync($"/events/registrations/{token}")).StatusCode);
        var data = await person.GetAsync($"/events/registrations/{token}/data");
        Assert.Contains("Jānis Liepa", data.QuerySelector("main dl")!.TextContent);
        Assert.Equal("My data", data.QuerySelector("h1")!.TextContent);

        await person.SubmitAndFollowAsync(data, "main form[action$='/data/erase']", new Dictionary<string, string>());

        var erased = await TestRegistrations.FindAsync(app, registration.Id);
        Assert.Equal("—", erased.Name);
        // Attendance stays for reports; a past registration is not cancelled.
        Assert.Equal(RegistrationStatus.Confirmed, erased.Status);
        Assert.NotNull(erased.CheckedInAt);
        Assert.Equal(HttpStatusCode.NotFound, (await person.Http.GetAsync($"/events/registrations/{token}/data")).StatusCode);
    }

    [GeneratedRegex(@"http://kaimini\.test(/events/registrations/[A-Za-z0-9_-]+)")]
    private static partial Regex ManageLink();
}
