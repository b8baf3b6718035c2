using System.Net;
using Kaimini.Tests.Features.Privacy;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Events;
using Kaimini.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Events;

/// <summary>People who come without signing up, added by the organiser on the check-in page: an
/// attendance and a unique participant, never a registration, a place or a recipient of mail.</summary>
public class WalkInTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private const string WalkInForm = "main form[action$='/check-in/walk-ins']";

    private async Task<(Event Event, EventRegistration SignedUp)> StartedEventAsync(string title, int? capacity = null)
    {
        var ev = await TestEvents.CreateAsync(app, title, capacity, startsAt: app.Clock.GetUtcNow().AddHours(-1));
        var home = int.Parse(await TestEvents.HomeAsync(app), System.Globalization.CultureInfo.InvariantCulture);
        return (ev, await TestRegistrations.AddAsync(app, ev, TestUsers.UniqueEmail("pieteikusies"), "Dace Pieteikusies", territoryId: home));
    }

    private async Task<Dictionary<Indicator, RawFigure>> FiguresAsync()
    {
        Dictionary<Indicator, RawFigure> figures = null!;
        await app.WithScopeAsync(async s =>
        {
            var reference = await s.GetRequiredService<ReferenceCache>().GetAsync(CancellationToken.None);
            var today = TestDates.DaysAhead(app.Clock, 0);
            var scope = ReportScope.Resolve(new ReportFilter { Period = PeriodKind.Range, From = today.AddDays(-1), To = today, Territory = "olaines-novads" },
                reference, app.Clock.GetUtcNow());
            figures = await s.GetRequiredService<ReportQueries>().FiguresAsync(scope, scope.Current, CancellationToken.None);
        });
        return figures;
    }

    private Task<List<EventRegistration>> WalkInsAsync(int eventId) =>
        app.WithDbAsync(db => db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId && r.WalkIn).OrderBy(r => r.CreatedAt).ToListAsync());

    [Fact]
    public async Task An_organiser_adds_walk_ins_who_count_as_attendance_and_unique_people_but_not_as_registrations_and_get_no_mail()
    {
        var (ev, signedUp) = await StartedEventAsync("Forums pie durvīm");
        var home = await TestEvents.HomeAsync(app);
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        using var _o = organiser;
        var door = await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/events/{ev.Slug}/check-in"),
            "main [data-list=registered] form", new Dictionary<string, string>());
        var before = await FiguresAsync();

        var first = await organiser.SubmitAndFollowAsync(door, WalkInForm, new Dictionary<string, string>
        {
            ["walkIn.ParticipantType"] = "Other",
            ["walkIn.TerritoryId"] = home,
        });
        var second = await organiser.SubmitAndFollowAsync(first, WalkInForm, new Dictionary<string, string>
        {
            ["walkIn.ParticipantType"] = "Resident",
            ["walkIn.TerritoryId"] = home,
            ["walkIn.Name"] = "Jānis Ienācējs",
        });

        // The organiser stays at the door, told how many have come without signing up.
        Assert.EndsWith($"/admin/events/{ev.Slug}/check-in", new Uri(first.Url).AbsolutePath);
        Assert.Equal("Pievienots. Bez pieteikuma kopā 1 dalībnieks.", first.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal("Pievienots. Bez pieteikuma kopā 2 dalībnieki.", second.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal("Bez pieteikuma pievienoti 2 dalībnieki.", second.QuerySelector("[data-walk-in-count]")!.TextContent.Trim());
        var listed = second.QuerySelectorAll("[data-list=walk-ins] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains("Bez vārda, nr. 1 — cits, Olaines pagasts", listed[0]);
        Assert.Contains("Jānis Ienācējs — iedzīvotājs", listed[1]);
        Assert.Contains("Ieradušies: 1 no 1", second.QuerySelector("main")!.TextContent);

        var walkIns = await WalkInsAsync(ev.Id);
        Assert.Equal(2, walkIns.Count);
        Assert.All(walkIns, w =>
        {
            Assert.Equal(RegistrationStatus.Confirmed, w.Status);
            Assert.NotNull(w.CheckedInAt);
            Assert.Null(w.EmailConfirmedAt);
            Assert.False(w.ListConsent);
            Assert.EndsWith("@invalid", w.Email);
            Assert.Matches("^[0-9a-f]{64}$", w.PersonHash);
        });
        Assert.NotEqual(walkIns[0].PersonHash, walkIns[1].PersonHash);
        Assert.Equal(ParticipantType.Other, walkIns[0].ParticipantType);

        // Counted as attendance and as two more people, never as registrations or no-shows.
        var after = await FiguresAsync();
        double Change(Indicator i) => after[i].Value!.Value - before[i].Value!.Value;
        Assert.Equal(2, Change(Indicators.Attendances));
        Assert.Equal(2, Change(Indicators.UniqueParticipants));
        Assert.Equal(2, Change(Indicators.NewParticipants));
        Assert.Equal(2, Change(Indicators.WalkIns));
        Assert.Equal(0, Change(Indicators.Registrations));
        Assert.Equal(0, Change(Indicators.Attended));
        Assert.Equal(0, Change(Indicators.NoShows));

        // A message to everyone registered reaches the one who signed up, and nobody else.
        var message = await organiser.GetAsync($"/admin/events/{ev.Slug}/message");
        await organiser.SubmitAndFollowAsync(message, "main form", new Dictionary<string, string>
        {
            ["form.Subject"] = "Paldies par atnākšanu",
            ["form.Text"] = "Prezentācijas atradīsiet pasākuma lapā.",
        });
        // The worker writes the message's mail; once the send is done, nobody else has one.
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.BulkSends.AnyAsync(b => b.EventId == ev.Id && b.FinishedAt != null)),
            "The message was not processed.");
        var addresses = walkIns.Select(w => w.Email).ToList();
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => addresses.Contains(m.Recipient) || m.Recipient.StartsWith("walk-in-"))));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == signedUp.Email && m.Subject.Contains("Paldies par atnākšanu"))));

        // The list of sign-ups keeps to sign-ups and points to the walk-ins; the CSV has everyone who came.
        var list = await organiser.GetAsync($"/admin/events/{ev.Slug}/registrations");
        Assert.Contains("apstiprināti: 1", list.QuerySelector("#by-status")!.ParentElement!.TextContent);
        Assert.Equal("Bez pieteikuma pievienoti 2 dalībnieki.", list.QuerySelector("[data-walk-in-count]")!.TextContent.Trim());
        var csv = await organiser.Http.GetStringAsync($"/admin/events/{ev.Slug}/registrations.csv");
        Assert.Contains("Jānis Ienācējs;;iedzīvotājs;", csv);
        Assert.Equal(2, csv.Split('\n').Count(l => l.Contains(";atnāca bez pieteikuma;")));
        Assert.DoesNotContain("@invalid", csv);

        // The printed sheet gives their own total.
        var sheet = await organiser.GetAsync($"/admin/events/{ev.Slug}/sheet");
        Assert.Equal("No ieradušajiem 2 atnāca bez pieteikuma.", sheet.QuerySelector("[data-sheet=walk-ins]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_walk_in_form_reports_missing_fields_in_the_visitors_language_and_keeps_what_was_typed()
    {
        var (ev, _) = await StartedEventAsync("Forums ar kļūdām");
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        using var _o = organiser;
        var (english, _) = await app.LoggedInAsync(Roles.Organiser, "en");
        using var _e = english;
        var door = await organiser.GetAsync($"/admin/events/{ev.Slug}/check-in");

        var nothing = await organiser.SubmitExpectingPageAsync(door, WalkInForm, new Dictionary<string, string> { ["walkIn.Name"] = "Ilze" });
        var typeOnly = await organiser.SubmitExpectingPageAsync(door, WalkInForm, new Dictionary<string, string> { ["walkIn.ParticipantType"] = "NgoRepresentative" });
        var inEnglish = await english.SubmitExpectingPageAsync(await english.GetAsync($"/admin/events/{ev.Slug}/check-in"), WalkInForm,
            new Dictionary<string, string> { ["walkIn.Name"] = "Ilze" });

        var errors = nothing.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Lūdzu, izvēlieties „Dalībnieka veids”.", errors);
        Assert.Contains("Lūdzu, izvēlieties „Dzīvesvieta vai darbības vieta”.", errors);
        Assert.Equal("Ilze", nothing.QuerySelector("#walkIn_Name")!.GetAttribute("value"));
        Assert.Equal("true", nothing.QuerySelector("#walkIn_TerritoryId")!.GetAttribute("aria-invalid"));
        Assert.Equal("NgoRepresentative", typeOnly.QuerySelector("#walkIn_ParticipantType option[selected]")!.GetAttribute("value"));
        Assert.DoesNotContain("Dalībnieka veids", typeOnly.QuerySelector("[role=alert]")!.TextContent);
        var englishErrors = inEnglish.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Please choose “Participant type”.", englishErrors);
        Assert.Contains("Please choose “Lives or works in”.", englishErrors);
        Assert.Empty(await WalkInsAsync(ev.Id));
    }

    [Fact]
    public async Task Walk_ins_are_added_from_the_day_of_the_event_and_only_by_its_organisers()
    {
        var (ev, _) = await StartedEventAsync("Forums tikai organizatoriem");
        var later = await TestEvents.CreateAsync(app, "Forums pēc desmit dienām");
        var home = await TestEvents.HomeAsync(app);
        var form = new Dictionary<string, string> { ["walkIn.ParticipantType"] = "Resident", ["walkIn.TerritoryId"] = home };
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        using var _o = organiser;

        var tooEarly = await organiser.SubmitExpectingPageAsync(await organiser.GetAsync($"/admin/events/{later.Slug}/check-in"), WalkInForm, form);
        Assert.Contains("var pievienot no pasākuma dienas", tooEarly.QuerySelector("[role=alert]")!.TextContent);
        Assert.Empty(await WalkInsAsync(later.Id));

        var token = (await organiser.GetAsync($"/admin/events/{ev.Slug}/check-in")).QuerySelector($"{WalkInForm} input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;
        foreach (var role in new[] { null, Roles.Leader, Roles.MunicipalityStaff })
        {
            var (client, _) = await app.LoggedInAsync(role);
            using var _c = client;
            var own = (await client.GetAsync("/ideas/new")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var refused = await client.Http.PostAsync($"/admin/events/{ev.Slug}/check-in/walk-ins",
                new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = own }));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/account/access-denied", refused.Headers.Location!.AbsolutePath);
        }

        using var anonymous = app.CreatePageClient("lv");
        var anonymousToken = (await anonymous.GetAsync("/ideas/new")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var login = await anonymous.Http.PostAsync($"/admin/events/{ev.Slug}/check-in/walk-ins",
            new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = anonymousToken }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/account/login", login.Headers.Location!.AbsolutePath);
        Assert.Empty(await WalkInsAsync(ev.Id));

        // The organiser removes one added by mistake, but not through another event's address.
        var added = await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/events/{ev.Slug}/check-in"), WalkInForm, form);
        var walkIn = Assert.Single(await WalkInsAsync(ev.Id));
        using var elsewhere = await organiser.Http.PostAsync($"/admin/events/{later.Slug}/check-in/walk-ins/{walkIn.Id}/remove",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        var removed = await organiser.SubmitAndFollowAsync(added, $"main form[action$='/walk-ins/{walkIn.Id}/remove']", new Dictionary<string, string>());
        Assert.Equal("Bez pieteikuma atnākušais noņemts.", removed.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Empty(await WalkInsAsync(ev.Id));
    }

    [Fact]
    public async Task A_walk_in_takes_no_place_so_a_cancellation_still_goes_to_the_first_person_waiting()
    {
        var day = TestDates.DaysAhead(app.Clock, 1);
        var ev = await TestEvents.CreateAsync(app, "Pilns forums rīt", capacity: 1, startsAt: TestDates.AtRiga(day, 12));
        var holder = await TestRegistrations.AddAsync(app, ev, TestUsers.UniqueEmail("vieta"), createdAt: app.Clock.GetUtcNow().AddMinutes(-2));
        var waiting = await TestRegistrations.AddAsync(app, ev, TestUsers.UniqueEmail("rinda"), status: RegistrationStatus.Waitlisted,
            createdAt: app.Clock.GetUtcNow().AddMinutes(-1));
        try
        {
            // The morning of the event: the door is open, sign-ups not yet closed (signed in then: a
            // staff session lasts 12 hours).
            app.Clock.SetUtcNow(TestDates.AtRiga(day, 9));
            var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
            using var _o = organiser;
            await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/events/{ev.Slug}/check-in"), WalkInForm,
                new Dictionary<string, string> { ["walkIn.ParticipantType"] = "Resident", ["walkIn.TerritoryId"] = await TestEvents.HomeAsync(app) });
            PlacesTaken places = null!;
            await app.WithScopeAsync(async s => places = await s.GetRequiredService<EventSignup>().PlacesTakenAsync(ev.Id, CancellationToken.None));
            Assert.Equal(1, places.Total);

            await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/events/{ev.Slug}/registrations/{holder.Id}/cancel"),
                $"main form[action$='/registrations/{holder.Id}/cancel']", new Dictionary<string, string>());

            Assert.Equal(RegistrationStatus.Confirmed, (await TestRegistrations.FindAsync(app, waiting.Id)).Status);
            Assert.Single(await WalkInsAsync(ev.Id));
        }
        finally
        {
            app.Clock.Reset();
        }
    }
}
