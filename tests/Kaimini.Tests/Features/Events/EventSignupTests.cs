using System.Net;
using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Events;

public partial class EventSignupTests(KaiminiApp app) : IClassFixture<KaiminiApp>, IAsyncLifetime
{
    /// <summary>Where participants live (a required field): Olaines pagasts.</summary>
    private string _home = "";

    public async ValueTask InitializeAsync() => _home = await TestEvents.HomeAsync(app);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<Event> CreateEventAsync(string title, int? capacity, DateTimeOffset? startsAt = null) =>
        TestEvents.CreateAsync(app, title, capacity, startsAt);

    private Dictionary<string, string> SignUp(string name, string email) => new()
    {
        ["form.Name"] = name,
        ["form.Email"] = email,
        ["form.ParticipantType"] = "Resident",
        ["form.TerritoryId"] = _home,
    };

    [Fact]
    public async Task Two_hundred_people_signing_up_at_once_for_fifty_places_get_fifty_places_and_a_waitlist_of_150()
    {
        var ev = await CreateEventAsync("Ideju skrejceļš Olainē", capacity: 50);
        using var client = app.CreatePageClient("lv");
        var page = await client.GetAsync($"/events/{ev.Slug}");
        var tag = Guid.NewGuid().ToString("N")[..8];

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            client.SubmitAsync(page, "main form[action$='/sign-up']", SignUp($"Dalībnieks {i}", $"dalibnieks{i}.{tag}@example.lv"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var counts = await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == ev.Id)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(50, counts[RegistrationStatus.Confirmed]);
        Assert.Equal(150, counts[RegistrationStatus.Waitlisted]);
        Assert.Equal(200, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient.EndsWith($".{tag}@example.lv"))));
        var after = await client.GetAsync($"/events/{ev.Slug}");
        Assert.Contains("Visas vietas aizņemtas", after.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_cancellation_through_the_personal_link_promotes_the_first_person_waiting_and_tells_them()
    {
        var ev = await CreateEventAsync("Dižkūre", capacity: 1);
        using var client = app.CreatePageClient("lv");
        var page = await client.GetAsync($"/events/{ev.Slug}");
        var first = TestUsers.UniqueEmail("first");
        var second = TestUsers.UniqueEmail("second");
        var third = TestUsers.UniqueEmail("third");
        var confirmed = await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Pirmā", first));
        Assert.Contains("Paldies, pieteikums saņemts", confirmed.QuerySelector("[role=status]")!.TextContent);
        var waiting = await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Otrais", second));
        Assert.Contains("jūs esat rindā", waiting.QuerySelector("[role=status]")!.TextContent);
        await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Trešā", third));

        var mail = await app.Smtp.WaitForMessageAsync(first);
        Assert.Equal("Pieteikums apstiprināts: Dižkūre", mail.Subject);
        var link = ManageLink().Match(mail.TextBody!).Groups[1].Value;
        using var firstPerson = app.CreatePageClient("lv");
        var manage = await firstPerson.GetAsync(link);
        // The same link changes the details: a new name, now shown on the attendee list.
        var changed = await firstPerson.SubmitAndFollowAsync(manage, "main form[action$='" + link + "']",
            new Dictionary<string, string> { ["form.Name"] = "Pirmā Ozola", ["form.ListConsent"] = "true" });
        Assert.Equal("Izmaiņas saglabātas.", changed.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Contains("Pirmā Ozola", (await client.GetAsync($"/events/{ev.Slug}")).QuerySelector("main")!.TextContent);
        // Cancelling asks first, on a page of its own (no script needed); its button cancels.
        var question = await firstPerson.GetAsync(changed.QuerySelector("main a[href$='/cancel']")!.GetAttribute("href")!);
        Assert.Contains("Vai tiešām atcelt pieteikumu?", question.QuerySelector("main")!.TextContent);
        Assert.Equal(RegistrationStatus.Confirmed, await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Email == first).Select(r => r.Status).SingleAsync()));
        var cancelled = await firstPerson.SubmitAndFollowAsync(question, "main form[action$='/cancel']", new Dictionary<string, string>());

        Assert.Contains("Pieteikums atcelts.", cancelled.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("varat pieteikties vēlreiz", (await app.Smtp.WaitForMessageAsync(first, m => m.Subject == "Pieteikums atcelts: Dižkūre")).TextBody);
        var promoted = await app.Smtp.WaitForMessageAsync(second, m => m.Subject == "Jums ir vieta: Dižkūre");
        Assert.Contains("pasākumā „Dižkūre” jums tagad ir vieta", promoted.TextBody);
        Assert.Matches(@"/events/registrations/[A-Za-z0-9_-]+", promoted.TextBody);
        var statuses = await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == ev.Id)
            .ToDictionaryAsync(r => r.Email, r => r.Status));
        Assert.Equal(RegistrationStatus.Cancelled, statuses[first]);
        Assert.Equal(RegistrationStatus.Confirmed, statuses[second]);
        Assert.Equal(RegistrationStatus.Waitlisted, statuses[third]);

        // Cancelling twice changes nothing more.
        await firstPerson.Http.PostAsync(link + "/cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = manage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(RegistrationStatus.Waitlisted, await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Email == third).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_second_sign_up_with_the_same_address_looks_like_a_new_one_and_a_past_event_takes_none()
    {
        var ev = await CreateEventAsync("Pieredzes apmaiņas brauciens", capacity: null);
        var past = await CreateEventAsync("Pagājušais forums", capacity: null, startsAt: app.Clock.GetUtcNow().AddHours(-1));
        using var client = app.CreatePageClient("lv");
        var page = await client.GetAsync($"/events/{ev.Slug}");
        var email = TestUsers.UniqueEmail("twice");
        await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Divreiz", email));

        var again = await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Citādi", email.ToUpperInvariant()));

        Assert.Contains("Paldies, pieteikums saņemts", again.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("Divreiz", await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Email == email).Select(r => r.Name).SingleAsync()));
        var pastPage = await client.GetAsync($"/events/{past.Slug}");
        Assert.Null(pastPage.QuerySelector("main form[action$='/sign-up']"));
        using var late = await client.Http.PostAsync($"/events/{past.Slug}/sign-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["form.Name"] = "Vēlu",
            ["form.Email"] = "velu@example.lv",
            ["form.ParticipantType"] = "Resident",
            ["form.TerritoryId"] = _home,
        }));
        Assert.Contains("Pieteikšanās šim pasākumam ir slēgta.", (await PageClient.ParseAsync(late)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == past.Id)));
    }

    [Fact]
    public async Task An_organiser_publishes_a_forum_and_wrong_times_are_refused_with_the_input_kept()
    {
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var form = await organiser.GetAsync("/admin/events/new");
        var territory = form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent.StartsWith("Olaine")).GetAttribute("value")!;
        // The Saturday before Riga moves to summer time: still winter time, UTC+2.
        var day = TestDates.NextSummerTimeChange(app.Clock).AddDays(-1);
        var values = new Dictionary<string, string>
        {
            ["form.Title"] = "Ideju skrejceļš Jaunmārupē",
            ["form.Kind"] = "Forum",
            ["form.StartsAt"] = TestDates.Field(day, 10),
            ["form.EndsAt"] = TestDates.Field(day, 9),
            ["form.Venue"] = "Jaunmārupes pamatskola",
            ["form.TerritoryId"] = territory,
            ["form.Capacity"] = "60",
            ["form.Publish"] = "true",
        };

        var wrong = await organiser.SubmitExpectingPageAsync(form, "main form", values);
        Assert.Equal("Beigām jābūt pēc sākuma.", wrong.QuerySelector("#form_EndsAt-error")!.TextContent);
        Assert.Equal("Ideju skrejceļš Jaunmārupē", wrong.QuerySelector("#form_Title")!.GetAttribute("value"));

        // Fifteen days: longer than any event may last (Event.MaxDuration).
        values["form.EndsAt"] = TestDates.Field(day.AddDays(15), 9);
        var tooLong = await organiser.SubmitExpectingPageAsync(wrong, "main form", values);
        Assert.Equal("Pasākums var ilgt ne ilgāk par 14 dienām.", tooLong.QuerySelector("#form_EndsAt-error")!.TextContent);

        values["form.EndsAt"] = TestDates.Field(day, 14);
        var published = await organiser.SubmitAndFollowAsync(tooLong, "main form", values);

        Assert.Equal("Ideju skrejceļš Jaunmārupē", published.QuerySelector("h1")!.TextContent);
        var stored = await app.WithDbAsync(db => db.Events.SingleAsync(e => e.Title == "Ideju skrejceļš Jaunmārupē"));
        Assert.Equal(day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc), stored.StartsAt.UtcDateTime);
        using var visitor = app.CreatePageClient("lv");
        Assert.Contains("Ideju skrejceļš Jaunmārupē", (await visitor.GetAsync("/events")).QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData(-1, 8)]
    [InlineData(0, 7)]
    public async Task The_calendar_file_parses_and_keeps_Riga_time_across_the_change_to_summer_time(int daysFromChange, int utcHour)
    {
        // Riga moves to summer time (UTC+3) at 03:00 on the last Sunday of March: 10:00 is 08:00 UTC
        // the day before and 07:00 UTC that day.
        var day = TestDates.NextSummerTimeChange(app.Clock).AddDays(daysFromChange);
        var starts = new DateTimeOffset(day.ToDateTime(new TimeOnly(utcHour, 0)), TimeSpan.Zero);
        var ev = await CreateEventAsync($"Forums {day.Day}. martā", capacity: null, startsAt: starts);
        using var client = app.CreatePageClient("lv");

        var ics = await client.Http.GetStringAsync($"/events/{ev.Slug}.ics");
        var feed = await client.Http.GetStringAsync("/events.ics?novads=olaines-novads");

        var calendarEvent = Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);
        Assert.Contains($"TZID=Europe/Riga:{day:yyyyMMdd}T100000", ics);
        Assert.Equal(starts.UtcDateTime, calendarEvent.DtStart!.AsUtc);
        Assert.Equal($"http://kaimini.test/events/{ev.Slug}", calendarEvent.Url!.ToString());
        Assert.Equal("Olaines kultūras nams", calendarEvent.Location);
        Assert.Contains(Ical.Net.Calendar.Load(feed)!.Events, e => e.Uid == calendarEvent.Uid);
        Assert.DoesNotContain(Ical.Net.Calendar.Load(await client.Http.GetStringAsync("/events.ics?novads=kekavas-novads"))!.Events, e => e.Uid == calendarEvent.Uid);
    }

    [Fact]
    public async Task The_confirmation_carries_the_event_for_the_calendar()
    {
        var ev = await CreateEventAsync("Pieredzes brauciens uz Kurzemi", capacity: 10);
        using var client = app.CreatePageClient("lv");
        var email = TestUsers.UniqueEmail("ics");
        await client.SubmitAndFollowAsync(await client.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", SignUp("Kalendāra Lietotāja", email));

        var mail = await app.Smtp.WaitForMessageAsync(email);

        var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        var parsed = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        Assert.Equal("Pieredzes brauciens uz Kurzemi", Assert.Single(parsed.Events).Summary);
    }

    [Fact]
    public async Task A_sign_up_carries_the_keyed_people_hash_of_its_address_from_the_start()
    {
        var ev = await CreateEventAsync("Forums ar jaucējkodu", capacity: null);
        var email = TestUsers.UniqueEmail("Ilze.Ozola").Replace("@kaimini.test", "@Kaimini.TEST");
        using var client = app.CreatePageClient("lv");

        await client.SubmitAndFollowAsync(await client.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", SignUp("Ilze Ozola", email));

        var stored = await app.WithDbAsync(db => db.EventRegistrations.AsNoTracking().SingleAsync(r => r.EventId == ev.Id));
        Assert.Equal(email.ToLowerInvariant(), stored.Email);
        Assert.Equal(await Privacy.TestRegistrations.HashAsync(app, email.ToLowerInvariant()), stored.PersonHash);
        Assert.Matches("^[0-9a-f]{64}$", stored.PersonHash);
        Assert.DoesNotContain("ozola", stored.PersonHash, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Organisers_see_counts_export_the_list_and_check_people_in_and_residents_cannot()
    {
        var ev = await CreateEventAsync("Forums ar pieteikumiem", capacity: 1);
        using var visitor = app.CreatePageClient("lv");
        var page = await visitor.GetAsync($"/events/{ev.Slug}");
        await visitor.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Agnese =Formula", TestUsers.UniqueEmail("a")));
        var waiting = SignUp("Bruno Rindā", TestUsers.UniqueEmail("b"));
        waiting["form.ParticipantType"] = "MunicipalityStaff";
        await visitor.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", waiting);
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var (resident, _) = await app.LoggedInAsync(null);

        var list = await organiser.GetAsync($"/admin/events/{ev.Slug}/registrations");
        var csv = await organiser.Http.GetStringAsync($"/admin/events/{ev.Slug}/registrations.csv");
        var checkIn = await organiser.GetAsync($"/admin/events/{ev.Slug}/check-in");
        var arrived = await organiser.SubmitAndFollowAsync(checkIn, "main [data-list=registered] form", new Dictionary<string, string>());

        Assert.Contains("apstiprināti: 1", list.QuerySelector("#by-status")!.ParentElement!.TextContent);
        Assert.Contains("pašvaldības darbinieks: 1", list.QuerySelector("#by-type")!.ParentElement!.TextContent);
        Assert.StartsWith("\uFEFFVārds un uzvārds;E-pasta adrese;", csv);
        Assert.Contains("Bruno Rindā", csv);
        Assert.Single(checkIn.QuerySelectorAll("main li"));
        Assert.Contains("Ieradušies: 1 no 1", arrived.QuerySelector("main")!.TextContent);
        Assert.NotNull(await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Confirmed).Select(r => r.CheckedInAt).SingleAsync()));
        var denied = await resident.Http.GetAsync($"/admin/events/{ev.Slug}/registrations");
        Assert.Contains("/account/access-denied", denied.Headers.Location!.ToString());
    }

    [GeneratedRegex(@"http://kaimini\.test(/events/registrations/[A-Za-z0-9_-]+)")]
    private static partial Regex ManageLink();
}
