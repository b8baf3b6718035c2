using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kaimini.Tests.Features.Events;

/// <summary>Organisers and leaders managing events: editing under the rules, cancelling with a
/// notice, audiences, quotas, reminders, messages, and who may do what.</summary>
public class EventManagementTests(KaiminiApp app) : IClassFixture<KaiminiApp>, IAsyncLifetime
{
    /// <summary>Where participants live (a required field): Olaines pagasts.</summary>
    private string _home = "";

    public async ValueTask InitializeAsync() => _home = await TestEvents.HomeAsync(app);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<Event> CreateEventAsync(string title, int? capacity = null, DateTimeOffset? startsAt = null,
        Action<Event>? configure = null, string territory = "olaine") => TestEvents.CreateAsync(app, title, capacity, startsAt, configure, territory);

    private Dictionary<string, string> SignUp(string name, string email, string type = "Resident") => new()
    {
        ["form.Name"] = name,
        ["form.Email"] = email,
        ["form.ParticipantType"] = type,
        ["form.TerritoryId"] = _home,
    };

    /// <summary>The forum's day: two months from the test clock's today.</summary>
    private DateOnly ForumDay => TestDates.DaysAhead(app.Clock, 60);

    /// <summary>Signs up someone who may take their side's kept places: a member of a community in the
    /// directory (NGO) or a MunicipalityStaff account, signed in. Returns the address.</summary>
    private async Task<string> SignUpWithAccountAsync(string slug, string type)
    {
        var (client, user) = await app.LoggedInAsync(type == "MunicipalityStaff" ? Roles.MunicipalityStaff : null);
        using (client)
        {
            var values = SignUp(type, user.Email!, type);
            if (type == "NgoRepresentative")
            {
                var community = await TestCommunities.CreateAsync(app, "Brauciena biedrība " + Guid.NewGuid().ToString("N")[..6], "olaine", leaderId: user.Id);
                values["form.CommunityId"] = community.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await client.SubmitAndFollowAsync(await client.GetAsync($"/events/{slug}"), "main form[action$='/sign-up']", values);
        }

        return user.Email!;
    }

    private Dictionary<string, string> EventValues(string title, string territoryId) => new()
    {
        ["form.Title"] = title,
        ["form.Kind"] = "Forum",
        ["form.StartsAt"] = TestDates.Field(ForumDay, 10),
        ["form.EndsAt"] = TestDates.Field(ForumDay, 14),
        ["form.Venue"] = "Ķekavas kultūras nams",
        ["form.TerritoryId"] = territoryId,
        ["form.Capacity"] = "60",
        ["form.Agenda[0].Time"] = "10.00",
        ["form.Agenda[0].Title"] = "Reģistrācija",
        ["form.Agenda[1].Time"] = "10.30",
        ["form.Agenda[1].Title"] = "Darbs grupās",
        ["form.Publish"] = "true",
    };

    private async Task<string> TerritoryOptionAsync(PageClient client, string startsWith)
    {
        var form = await client.GetAsync("/admin/events/new");
        return form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent.StartsWith(startsWith)).GetAttribute("value")!;
    }

    [Fact]
    public async Task A_new_forum_gets_the_five_default_groups_and_its_agenda_in_order()
    {
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var form = await organiser.GetAsync("/admin/events/new");
        var values = EventValues("Ideju skrejceļš ar grupām", await TerritoryOptionAsync(organiser, "Ķekava"));
        foreach (var input in form.QuerySelectorAll("input[name^='form.Groups[']"))
        {
            values[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        }

        var page = await organiser.SubmitAndFollowAsync(form, "main form", values);

        var groups = page.QuerySelectorAll("main a[href*='/ideas/new?forum=']").Select(a => a.ParentElement!.TextContent.Split(" — ")[0].Trim()).ToList();
        Assert.Equal(["Kultūra un izglītība", "Vide, mājoklis, drošība", "Uzņēmējdarbības attīstība, tūrisms, amatniecība",
            "Sports, atpūta, iespējas jauniešiem", "Iedzīvotāju kopienas"], groups);
        var agenda = page.QuerySelectorAll("main .agenda li").Select(li => li.TextContent.Trim().Replace("\n", " ")).ToList();
        Assert.Equal(2, agenda.Count);
        Assert.StartsWith("10.00", agenda[0]);
        Assert.Contains("Darbs grupās", agenda[1]);
    }

    [Fact]
    public async Task Wrong_windows_and_unknown_places_are_refused_with_translated_messages_and_the_input_kept()
    {
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser, "en");
        var form = await organiser.GetAsync("/admin/events/new");
        var values = EventValues("Forum with a bad window", "999999");
        values["form.RegistrationClosesAt"] = TestDates.Field(ForumDay.AddDays(1), 10);
        values["form.RegistrationOpensAt"] = TestDates.Field(ForumDay.AddDays(2), 10);
        // A start a month before the test clock's today: in the past on any date.
        var past = TestDates.DaysAhead(app.Clock, -30);
        values["form.StartsAt"] = TestDates.Field(past, 10);
        values["form.EndsAt"] = TestDates.Field(past, 12);
        values["form.ThemeId"] = "424242";

        var page = await organiser.SubmitExpectingPageAsync(form, "main form", values);

        Assert.Equal("Sign-ups must close no later than the start.", page.QuerySelector("#form_RegistrationClosesAt-error")!.TextContent);
        Assert.Equal("Sign-ups must open before they close.", page.QuerySelector("#form_RegistrationOpensAt-error")!.TextContent);
        Assert.Equal("The start must be in the future.", page.QuerySelector("#form_StartsAt-error")!.TextContent);
        Assert.Equal("Choose a theme from the list.", page.QuerySelector("#form_ThemeId-error")!.TextContent);
        Assert.NotEmpty(page.QuerySelector("#form_TerritoryId-error")!.TextContent);
        Assert.Equal("Forum with a bad window", page.QuerySelector("#form_Title")!.GetAttribute("value"));
        Assert.Equal("Darbs grupās", page.QuerySelector("#form_Agenda_1__Title")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Events.AnyAsync(e => e.Title == "Forum with a bad window")));
    }

    [Fact]
    public async Task Capacity_cannot_drop_below_the_places_given_and_a_larger_one_promotes_those_waiting()
    {
        var ev = await CreateEventAsync("Forums ar mainīgu ietilpību", capacity: 2);
        using var visitor = app.CreatePageClient("lv");
        var page = await visitor.GetAsync($"/events/{ev.Slug}");
        var emails = Enumerable.Range(0, 4).Select(i => TestUsers.UniqueEmail($"cap{i}")).ToList();
        foreach (var email in emails)
        {
            await visitor.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Dalībnieks", email));
        }

        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var edit = await organiser.GetAsync($"/admin/events/{ev.Slug}/edit");
        var refused = await organiser.SubmitExpectingPageAsync(edit, "main form[action$='/edit']", new Dictionary<string, string> { ["form.Capacity"] = "1" });
        Assert.Equal("Jau apstiprināti 2 dalībnieki; vietu nevar būt mazāk.", refused.QuerySelector("#form_Capacity-error")!.TextContent);
        Assert.Equal("1", refused.QuerySelector("#form_Capacity")!.GetAttribute("value"));

        await organiser.SubmitAndFollowAsync(edit, "main form[action$='/edit']", new Dictionary<string, string> { ["form.Capacity"] = "3" });

        var statuses = await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == ev.Id).ToDictionaryAsync(r => r.Email, r => r.Status));
        Assert.Equal(RegistrationStatus.Confirmed, statuses[emails[2]]);
        Assert.Equal(RegistrationStatus.Waitlisted, statuses[emails[3]]);
        await app.Smtp.WaitForMessageAsync(emails[2], m => m.Subject == "Jums ir vieta: Forums ar mainīgu ietilpību");
    }

    [Fact]
    public async Task Cancelling_tells_everyone_registered_and_waiting_and_closes_sign_ups()
    {
        var ev = await CreateEventAsync("Atceļamais forums", capacity: 1);
        using var visitor = app.CreatePageClient("lv");
        var page = await visitor.GetAsync($"/events/{ev.Slug}");
        var (first, second) = (TestUsers.UniqueEmail("c1"), TestUsers.UniqueEmail("c2"));
        await visitor.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Pirmais", first));
        await visitor.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Otrā", second));
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var cancel = await organiser.GetAsync($"/admin/events/{ev.Slug}/cancel");

        var empty = await organiser.SubmitExpectingPageAsync(cancel, "main form[action$='/cancel']", new Dictionary<string, string> { ["form.Notice"] = " " });
        Assert.NotNull(empty.QuerySelector("#form_Notice-error"));
        var shown = await organiser.SubmitAndFollowAsync(cancel, "main form[action$='/cancel']",
            new Dictionary<string, string> { ["form.Notice"] = "Telpas applūda; jauno datumu paziņosim." });

        Assert.Contains("Telpas applūda", shown.QuerySelector("main .alert-warning")!.TextContent);
        foreach (var email in new[] { first, second })
        {
            var mail = await app.Smtp.WaitForMessageAsync(email, m => m.Subject == "Pasākums atcelts: Atceļamais forums");
            Assert.Contains("Telpas applūda; jauno datumu paziņosim.", mail.TextBody);
        }

        var late = await visitor.SubmitExpectingPageAsync(page, "main form[action$='/sign-up']", SignUp("Vēlais", TestUsers.UniqueEmail("late")));
        Assert.Contains("Pieteikšanās šim pasākumam ir slēgta.", late.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(2, await app.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == ev.Id)));
    }

    [Fact]
    public async Task An_invitation_only_event_refuses_others_and_accepts_the_invited_through_their_link()
    {
        var ev = await CreateEventAsync("Slēgtā darbnīca", configure: e => { e.Audience = EventAudience.InvitationOnly; e.Kind = EventKind.Workshop; });
        var invited = TestUsers.UniqueEmail("invited");
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var invite = await organiser.GetAsync($"/admin/events/{ev.Slug}/invite");
        var sent = await organiser.SubmitAndFollowAsync(invite, "main form", new Dictionary<string, string> { ["form.Emails"] = invited });
        // The invitation is written in the background; the page says it is queued and shows the progress.
        Assert.Equal("Rindā ievietots 1 uzaicinājums.", sent.QuerySelector("main .lead")!.TextContent);

        using var stranger = app.CreatePageClient("lv");
        var page = await stranger.GetAsync($"/events/{ev.Slug}");
        // No form to fill in vain: the page says how to sign up.
        Assert.Null(page.QuerySelector("main form[action$='/sign-up']"));
        Assert.Contains("atveriet šo lapu ar saiti no uzaicinājuma vēstules", page.QuerySelector("main [data-who-can-sign-up]")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == ev.Id)));

        var mail = await app.Smtp.WaitForMessageAsync(invited, m => m.Subject == "Uzaicinājums: Slēgtā darbnīca");
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody!, @"http://kaimini\.test(/events/\S+)").Groups[1].Value;
        using var guest = app.CreatePageClient("lv");
        var invitedPage = await guest.GetAsync(link);
        Assert.Equal(invited, invitedPage.QuerySelector("#form_Email")!.GetAttribute("value"));
        var done = await guest.SubmitAndFollowAsync(invitedPage, "main form[action$='/sign-up']", new Dictionary<string, string>
        {
            ["form.Name"] = "Uzaicinātā",
            ["form.ParticipantType"] = "NgoRepresentative",
            ["form.CommunityName"] = "Biedrība „Uzaicinātie”",
            ["form.TerritoryId"] = _home,
        });
        Assert.Contains("Paldies, pieteikums saņemts", done.QuerySelector("[role=status]")!.TextContent);
        // Through an invitation as through the open form: the people hash is set at sign-up.
        Assert.Equal(await Privacy.TestRegistrations.HashAsync(app, invited),
            await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == ev.Id).Select(r => r.PersonHash).SingleAsync()));

        // Inviting the same address again sends nothing new.
        var again = await organiser.SubmitAndFollowAsync(invite, "main form", new Dictionary<string, string> { ["form.Emails"] = invited.ToUpperInvariant() });
        Assert.Contains("visi jau bija uzaicināti", again.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task Organisers_invite_every_leader_of_a_community_by_its_name()
    {
        var leader = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("leader"), Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Grēnes ciema biedrība " + Guid.NewGuid().ToString("N")[..4], "olaine", leaderId: leader.Id);
        var ev = await CreateEventAsync("Līderu tikšanās", configure: e => e.Audience = EventAudience.InvitationOnly);
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);

        var bad = await organiser.SubmitExpectingPageAsync(await organiser.GetAsync($"/admin/events/{ev.Slug}/invite"), "main form",
            new Dictionary<string, string> { ["form.Communities"] = "Nav tādas kopienas", ["form.Emails"] = "nav-adrese" });
        Assert.Contains("Katalogā nav kopienas „Nav tādas kopienas”.", bad.QuerySelector("#form_Communities-error")!.TextContent);
        Assert.Contains("1. rinda „nav-adrese”", bad.QuerySelector("#form_Emails-error")!.TextContent);
        Assert.Equal("nav-adrese", bad.QuerySelector("#form_Emails")!.TextContent);

        await organiser.SubmitAndFollowAsync(bad, "main form", new Dictionary<string, string> { ["form.Communities"] = community.Name.ToUpperInvariant(), ["form.Emails"] = "" });

        await app.Smtp.WaitForMessageAsync(leader.Email!, m => m.Subject == "Uzaicinājums: Līderu tikšanās");
    }

    [Fact]
    public async Task A_leaders_only_event_refuses_residents_and_accepts_a_leader()
    {
        var ev = await CreateEventAsync("Dižkūre līderiem", configure: e => { e.Audience = EventAudience.LeadersOnly; e.Kind = EventKind.Retreat; });
        using var anonymous = app.CreatePageClient("lv");
        var page = await anonymous.GetAsync($"/events/{ev.Slug}");
        // Not signed in: who may sign up and a way to sign in ("pieslēdzieties", not "piesakieties"), no form.
        Assert.Null(page.QuerySelector("main form[action$='/sign-up']"));
        Assert.Contains("pieslēdzieties ar savu kontu", page.QuerySelector("main [data-who-can-sign-up]")!.TextContent);
        Assert.NotNull(page.QuerySelector($"main a[href='/account/login?returnUrl=%2Fevents%2F{ev.Slug}']"));
        var (resident, residentUser) = await app.LoggedInAsync(null);
        var residentPage = await resident.GetAsync($"/events/{ev.Slug}");
        Assert.Null(residentPage.QuerySelector("main form[action$='/sign-up']"));
        Assert.Contains("jūsu kontam tādas kopienas nav", residentPage.QuerySelector("main [data-who-can-sign-up]")!.TextContent);
        Assert.NotNull(residentPage.QuerySelector("main a[href='/communities/new']"));
        // Posting anyway is still refused.
        using var refused = await resident.Http.PostAsync($"/events/{ev.Slug}/sign-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = residentPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["form.Name"] = "Iedzīvotājs",
            ["form.Email"] = residentUser.Email!,
            ["form.ParticipantType"] = "Resident",
            ["form.TerritoryId"] = _home,
        }));
        Assert.Contains("Šis pasākums ir kopienu līderiem", (await PageClient.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == ev.Id)));

        var (leaderClient, leader) = await app.LoggedInAsync(Roles.Leader);
        var community = await TestCommunities.CreateAsync(app, "Līdera kopiena " + Guid.NewGuid().ToString("N")[..4], "olaine", leaderId: leader.Id);
        var leaderPage = await leaderClient.GetAsync($"/events/{ev.Slug}");
        var ok = await leaderClient.SubmitAndFollowAsync(leaderPage, "main form[action$='/sign-up']", new Dictionary<string, string>
        {
            ["form.ParticipantType"] = "NgoRepresentative",
            ["form.CommunityId"] = community.Id.ToString(),
            ["form.TerritoryId"] = _home,
        });
        Assert.Contains("Paldies, pieteikums saņemts", ok.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(community.Id, await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == ev.Id).Select(r => r.CommunityId).SingleAsync()));
    }

    [Fact]
    public async Task Study_trip_quotas_keep_places_for_each_side_and_a_cancellation_promotes_the_right_side()
    {
        var ev = await CreateEventAsync("Pieredzes brauciens ar kvotām", capacity: 5, configure: e =>
        {
            e.Kind = EventKind.StudyTrip;
            e.NgoQuota = 3;
            e.MunicipalityQuota = 2;
        });
        var ngo = new List<string>();
        var muni = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ngo.Add(await SignUpWithAccountAsync(ev.Slug, "NgoRepresentative"));
        }

        for (var i = 0; i < 3; i++)
        {
            muni.Add(await SignUpWithAccountAsync(ev.Slug, "MunicipalityStaff"));
        }

        async Task<Dictionary<string, RegistrationStatus>> Statuses() =>
            await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == ev.Id).ToDictionaryAsync(r => r.Email, r => r.Status));
        var before = await Statuses();
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
            ngo.Select(e => before[e]));
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], muni.Select(e => before[e]));

        // An NGO place frees up: the waiting NGO representative gets it, not the municipality's (whose side is full).
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Kaimini.Web.Data.AppDbContext>();
            var registration = await db.EventRegistrations.SingleAsync(r => r.Email == ngo[0]);
            await s.GetRequiredService<EventSignup>().CancelAsync(registration, CancellationToken.None);
        });

        var after = await Statuses();
        Assert.Equal(RegistrationStatus.Confirmed, after[ngo[3]]);
        Assert.Equal(RegistrationStatus.Waitlisted, after[muni[2]]);
    }

    [Fact]
    public async Task Reminders_go_out_once_at_the_events_reminder_time_and_only_to_confirmed_participants()
    {
        // The Tuesday before Riga moves to summer time (winter time, UTC+2), and the Tuesday after (UTC+3).
        var summerTime = TestDates.NextSummerTimeChange(app.Clock);
        var firstDay = summerTime.AddDays(-5);
        var postponedDay = summerTime.AddDays(2);
        var starts = TestDates.AtRiga(firstDay, 10);
        app.Clock.SetUtcNow(starts.AddHours(-68));
        try
        {
            await RemindAroundTheSummerTimeChangeAsync(starts, firstDay, postponedDay);
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    private async Task RemindAroundTheSummerTimeChangeAsync(DateTimeOffset starts, DateOnly firstDay, DateOnly postponedDay)
    {
        var clock = app.Clock;
        var ev = await CreateEventAsync("Forums ar atgādinājumu", capacity: 1, startsAt: starts, configure: e => e.ReminderHoursBefore = 48);
        var created = clock.GetUtcNow().AddDays(-1);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var remindMe = $"remind-me.{tag}@example.lv";
        var waiting = $"waiting.{tag}@example.lv";
        await app.WithDbAsync(async db =>
        {
            foreach (var (email, status) in new[] { (remindMe, RegistrationStatus.Confirmed), (waiting, RegistrationStatus.Waitlisted) })
            {
                db.EventRegistrations.Add(new EventRegistration
                {
                    Id = Guid.CreateVersion7(),
                    EventId = ev.Id,
                    Name = "Dalībniece",
                    Email = email,
                    PersonHash = TestUsers.PersonHash(email),
                    Status = status,
                    ManageTokenHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
                    CreatedAt = created,
                });
            }

            return await db.SaveChangesAsync();
        });

        // This event's registrations only: other tests' events may be due at the same moments.
        async Task<int> RunAsync()
        {
            await app.WithScopeAsync(s => ActivatorUtilities.CreateInstance<EventReminders>(s, clock).SendDueAsync(CancellationToken.None));
            return await app.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.RemindedAt != null));
        }

        Assert.Equal(0, await RunAsync());
        clock.Advance(TimeSpan.FromHours(19)); // 49 hours before
        Assert.Equal(0, await RunAsync());
        clock.Advance(TimeSpan.FromHours(1)); // 48 hours before
        Assert.Equal(1, await RunAsync());
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == remindMe)));

        var reminder = await app.Smtp.WaitForMessageAsync(remindMe, m => m.Subject == "Atgādinājums: Forums ar atgādinājumu");
        Assert.Contains($"Laiks: {firstDay:dd.MM.yyyy} 10:00", reminder.TextBody); // Riga winter time, UTC+2
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == waiting)));

        // Postponed by a week: everyone is told (with the new .ics), and the reminder comes again before the new date.
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/events/{ev.Slug}/edit"), "main form[action$='/edit']",
            new Dictionary<string, string> { ["form.StartsAt"] = TestDates.Field(postponedDay, 10), ["form.EndsAt"] = TestDates.Field(postponedDay, 13) });
        var changed = await app.Smtp.WaitForMessageAsync(remindMe, m => m.Subject == "Izmaiņas pasākumā: Forums ar atgādinājumu");
        Assert.Contains($"Laiks: {postponedDay:dd.MM.yyyy} 10:00", changed.TextBody); // now summer time, UTC+3
        var ics = Assert.Single(changed.Attachments.OfType<MimeKit.MimePart>());
        using (var content = new MemoryStream())
        {
            await ics.Content!.DecodeToAsync(content);
            var updated = Assert.Single(Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!.Events);
            Assert.Equal(postponedDay.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc), updated.DtStart!.AsUtc);
            Assert.True(updated.Sequence > 0);
        }

        var postponed = TestDates.AtRiga(postponedDay, 10);
        Assert.Equal(7, postponed.Hour); // summer time, UTC+3
        clock.SetUtcNow(postponed.AddHours(-49));
        Assert.Equal(0, await RunAsync());
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await RunAsync());
    }

    [Fact]
    public async Task An_organisers_message_reaches_every_confirmed_participant_in_their_language()
    {
        var ev = await CreateEventAsync("Forums ar ziņu", capacity: 1);
        using var lv = app.CreatePageClient("lv");
        using var en = app.CreatePageClient("en");
        var (latvian, english, waiting) = (TestUsers.UniqueEmail("msg-lv"), TestUsers.UniqueEmail("msg-en"), TestUsers.UniqueEmail("msg-wait"));
        await app.WithDbAsync(async db =>
        {
            var e = await db.Events.SingleAsync(x => x.Id == ev.Id);
            e.Capacity = 2;
            return await db.SaveChangesAsync();
        });
        await lv.SubmitAndFollowAsync(await lv.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", SignUp("Latviete", latvian));
        await en.SubmitAndFollowAsync(await en.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", SignUp("English", english));
        await lv.SubmitAndFollowAsync(await lv.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", SignUp("Rindā", waiting));
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);

        var done = await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/events/{ev.Slug}/message"), "main form", new Dictionary<string, string>
        {
            ["form.Subject"] = "Autobuss",
            ["form.Text"] = "Autobuss aties 9.30 no domes.",
        });

        Assert.Equal("Ziņa ievietota rindā 2 dalībniekiem.", done.QuerySelector("main .lead")!.TextContent);
        Assert.Contains("Autobuss aties 9.30", (await app.Smtp.WaitForMessageAsync(latvian, m => m.Subject == "Forums ar ziņu: Autobuss")).TextBody);
        Assert.Contains("A message from the organisers", (await app.Smtp.WaitForMessageAsync(english, m => m.Subject == "Forums ar ziņu: Autobuss")).TextBody);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == waiting && m.Category == "event.message")));
    }

    [Fact]
    public async Task Who_may_do_what_organisers_everything_leaders_their_communitys_events_residents_nothing()
    {
        var (leaderClient, leader) = await app.LoggedInAsync(Roles.Leader);
        var own = await TestCommunities.CreateAsync(app, "Savējā kopiena " + Guid.NewGuid().ToString("N")[..4], "olaine", leaderId: leader.Id);
        var ours = await CreateEventAsync("Mūsu talka", configure: e => { e.Kind = EventKind.CommunityEvent; e.Communities.Add(own); });
        var theirs = await CreateEventAsync("Svešs forums");
        var (resident, residentUser) = await app.LoggedInAsync(null);
        using var anonymous = app.CreatePageClient("lv");

        string[] managePages = ["edit", "cancel", "outcome", "message", "invite", "registrations", "registrations.csv", "check-in"];
        foreach (var path in managePages)
        {
            Assert.Equal(HttpStatusCode.OK, (await leaderClient.Http.GetAsync($"/admin/events/{ours.Slug}/{path}")).StatusCode);
            Assert.Contains("/account/access-denied", (await leaderClient.Http.GetAsync($"/admin/events/{theirs.Slug}/{path}")).Headers.Location!.ToString());
            Assert.Contains("/account/access-denied", (await resident.Http.GetAsync($"/admin/events/{ours.Slug}/{path}")).Headers.Location!.ToString());
            Assert.Contains("/account/login", (await anonymous.Http.GetAsync($"/admin/events/{ours.Slug}/{path}")).Headers.Location!.ToString());
        }

        Assert.Contains("/account/access-denied", (await resident.Http.GetAsync("/admin/events/new")).Headers.Location!.ToString());
        var leaderList = await leaderClient.GetAsync("/admin/events");
        Assert.NotNull(leaderList.QuerySelector($"a[href='/admin/events/{ours.Slug}/edit']"));
        Assert.Null(leaderList.QuerySelector($"a[href='/admin/events/{theirs.Slug}/edit']"));

        // A POST to another community's event is refused too, and so is one without the antiforgery token.
        var edit = await leaderClient.GetAsync($"/admin/events/{ours.Slug}/edit");
        var token = edit.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var foreign = await leaderClient.Http.PostAsync($"/admin/events/{theirs.Slug}/cancel",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["form.Notice"] = "Nē" }));
        Assert.Contains("/account/access-denied", foreign.Headers.Location!.ToString());
        using var forged = await leaderClient.Http.PostAsync($"/admin/events/{ours.Slug}/cancel",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["form.Notice"] = "Nē" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(EventStatus.Published, await app.WithDbAsync(db => db.Events.Where(e => e.Id == theirs.Id).Select(e => e.Status).SingleAsync()));
        foreach (var action in new[] { "edit", "publish", "message", "invite", "outcome", $"check-in/{Guid.NewGuid()}", $"registrations/{Guid.NewGuid()}/cancel" })
        {
            using var post = await leaderClient.Http.PostAsync($"/admin/events/{theirs.Slug}/{action}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["form.Title"] = "Pārņemts",
                ["form.Subject"] = "Sveiki",
                ["form.Text"] = "Sveiki",
                ["form.Emails"] = "kads@example.lv",
                ["form.Summary"] = "Nav",
            }));
            Assert.Contains("/account/access-denied", post.Headers.Location!.ToString());
        }

        Assert.Equal("Svešs forums", await app.WithDbAsync(db => db.Events.Where(e => e.Id == theirs.Id).Select(e => e.Title).SingleAsync()));

        // A leader creates an event only in the name of a community they lead.
        var form = await leaderClient.GetAsync("/admin/events/new");
        var values = EventValues("Kopienas pasākums", form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent.StartsWith("Olaine")).GetAttribute("value")!);
        values["form.Kind"] = "CommunityEvent";
        // Their community comes ticked; unticked, the event is refused.
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector($"#community-{own.Id}")!).IsChecked = false;
        var refused = await leaderClient.SubmitExpectingPageAsync(form, "main form", values);
        Assert.NotNull(refused.QuerySelector("#form_AddCommunity-error"));
        values["form.CommunityIds"] = own.Id.ToString();
        var created = await leaderClient.SubmitAndFollowAsync(form, "main form", values);
        Assert.Contains(own.Name, created.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_list_filters_by_kind_novads_and_theme_shows_past_events_and_the_month_calendar()
    {
        var theme = await app.WithDbAsync(db => db.Themes.SingleAsync(t => t.Slug == "sport"));
        // The 12th of a month at least two months ahead, 10:00 in Riga.
        var month = TestDates.DaysAhead(app.Clock, 60);
        var day = new DateOnly(month.Year, month.Month, 12);
        var starts = TestDates.AtRiga(day, 10);
        var olaine = await CreateEventAsync("Sporta diena Olainē", startsAt: starts, configure: e => { e.Kind = EventKind.CommunityEvent; e.ThemeId = theme.Id; });
        var kekava = await CreateEventAsync("Forums Ķekavā filtram", startsAt: starts.AddDays(1), territory: "kekava");
        var past = await CreateEventAsync("Pagājusī talka", startsAt: app.Clock.GetUtcNow().AddDays(-20), configure: e => e.Status = EventStatus.Completed);
        using var client = app.CreatePageClient("lv");

        // The month view takes the same filters and is not paginated: other tests' events don't crowd it.
        string Titles(AngleSharp.Dom.IDocument page) => string.Join("|", page.QuerySelectorAll("main td li a").Select(a => a.TextContent));
        async Task<string> Month(string filter) => Titles(await client.GetAsync($"/events/calendar?month={day:yyyy-MM}&{filter}"));
        var byNovads = await Month("novads=olaines-novads");
        var byKind = await Month("kind=Forum");
        var byTheme = await Month("theme=sport");
        var byFormer = await Month("former=bijusais-kekavas-novads");
        var pastList = string.Join("|", (await client.GetAsync("/events?past=true")).QuerySelectorAll("main .card-title a").Select(a => a.TextContent));
        var calendar = await client.GetAsync($"/events/calendar?month={day:yyyy-MM}");

        Assert.Contains(olaine.Title, byNovads);
        Assert.DoesNotContain(kekava.Title, byNovads);
        Assert.Contains(kekava.Title, byKind);
        Assert.DoesNotContain(olaine.Title, byKind);
        Assert.Contains(olaine.Title, byTheme);
        Assert.DoesNotContain(kekava.Title, byTheme);
        Assert.Contains(kekava.Title, byFormer);
        Assert.DoesNotContain(olaine.Title, byFormer);
        Assert.Contains(past.Title, pastList);
        Assert.DoesNotContain(olaine.Title, pastList);
        string[] months = ["janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs", "jūlijs", "augusts", "septembris", "oktobris", "novembris", "decembris"];
        Assert.Equal($"{day.Year}. gada {months[day.Month - 1]}", calendar.QuerySelector("main h2")!.TextContent);
        var cell = calendar.QuerySelectorAll("main td").Single(td => td.QuerySelector(".day-number")?.FirstChild?.TextContent == "12");
        Assert.Contains("10:00 Sporta diena Olainē", cell.TextContent);
        var listByTheme = string.Join("|", (await client.GetAsync("/events?theme=sport")).QuerySelectorAll("main .card-title a").Select(a => a.TextContent));
        Assert.Equal(olaine.Title, listByTheme);
    }

    [Fact]
    public async Task Inviting_many_to_an_event_finds_the_unsubscribed_addresses_in_one_query()
    {
        var ev = await CreateEventAsync("Darbnīca daudziem", configure: e => { e.Audience = EventAudience.InvitationOnly; e.Kind = EventKind.Workshop; });
        var emails = Enumerable.Range(0, 8).Select(i => TestUsers.UniqueEmail($"many{i}")).ToList();
        await app.WithDbAsync(db =>
        {
            db.EmailSuppressions.Add(new EmailSuppression { Email = emails[3], CreatedAt = app.Clock.GetUtcNow() });
            return db.SaveChangesAsync();
        });
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var invite = await organiser.GetAsync($"/admin/events/{ev.Slug}/invite");

        app.Queries.Reset();
        await organiser.SubmitAndFollowAsync(invite, "main form", new Dictionary<string, string> { ["form.Emails"] = string.Join("\n", emails) });
        // The worker writes the invitations (one chunk: 8 is under the chunk size).
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.BulkSends.AnyAsync(b => b.EventId == ev.Id && b.FinishedAt != null)),
            "The invitations were not processed.");

        var lookups = app.Queries.Commands.Split("\n---\n").Count(c => c.Contains("email_suppressions"));
        Assert.True(lookups == 1, $"{lookups} look-ups of unsubscribed addresses:\n{app.Queries.Commands}");
        var invited = await app.WithDbAsync(db => db.Invitations.Where(i => i.TargetId == ev.Id.ToString()).Select(i => i.Email).ToListAsync());
        Assert.Equal(emails.Where((_, i) => i != 3).Order(), invited.Order());
    }

    [Fact]
    public async Task Event_pages_issue_a_fixed_number_of_queries_however_many_events_and_registrations()
    {
        var busy = await CreateEventAsync("Pilns forums vaicājumiem", capacity: 30, configure: e =>
        {
            for (var i = 0; i < 25; i++)
            {
                e.Registrations.Add(new EventRegistration
                {
                    Id = Guid.CreateVersion7(),
                    Name = $"Dalībnieks {i}",
                    Email = $"q{i}-{Guid.NewGuid():N}@example.lv",
                    PersonHash = TestUsers.PersonHash($"q{i}@example.lv"),
                    Status = RegistrationStatus.Confirmed,
                    ListConsent = true,
                    ManageTokenHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
                    CreatedAt = app.Clock.GetUtcNow(),
                });
                e.Agenda.Add(new AgendaItem { Position = i, Title = $"Punkts {i}" });
            }

            e.Groups.Add(new ForumGroup { Position = 1, NameLv = "Kultūra", NameEn = "Culture" });
        });
        for (var i = 0; i < 25; i++)
        {
            await CreateEventAsync($"Vēl viens pasākums {i}");
        }

        using var client = app.CreatePageClient("lv");
        await client.GetAsync("/events?warm-up"); // territories and themes are read once per process
        foreach (var (url, expected) in new[] { ("/events", 2), ("/events?past=true&kind=Forum", 2), ("/events/calendar", 2), ($"/events/{busy.Slug}", 5) })
        {
            await app.ForgetCachedPagesAsync();
            app.Queries.Reset();
            await client.GetAsync(url);
            // The outbox dispatcher and the bulk-send worker poll in the background; their queries are not the page's.
            var own = app.Queries.Commands.Split("\n---\n").Count(c => c.Length > 0 && !c.Contains("outbox_messages") && !c.Contains("bulk_send_recipients"));
            Assert.True(own == expected, $"{url}: {own} queries:\n{app.Queries.Commands}");
        }
    }

    [Fact]
    public async Task A_draft_is_seen_by_its_organisers_only_until_it_is_published()
    {
        // Tomorrow: first on the list, however many events other tests add.
        var draft = await CreateEventAsync("Melnraksta forums", startsAt: app.Clock.GetUtcNow().AddDays(1).AddMinutes(-Random.Shared.Next(600)),
            configure: e => e.Status = EventStatus.Draft);
        using var anonymous = app.CreatePageClient("lv");
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"/events/{draft.Slug}")).StatusCode);
        Assert.DoesNotContain(draft.Title, (await anonymous.GetAsync("/events")).QuerySelector("main")!.TextContent);
        var preview = await organiser.GetAsync($"/events/{draft.Slug}");
        Assert.Contains("Melnraksts", preview.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(preview.QuerySelector("main form[action$='/sign-up']"));

        await organiser.SubmitAndFollowAsync(await organiser.GetAsync($"/admin/events/{draft.Slug}/edit"), "main form[action$='/publish']", new Dictionary<string, string>());

        Assert.Contains(draft.Title, (await anonymous.GetAsync("/events")).QuerySelector("main")!.TextContent);
        Assert.NotNull((await anonymous.GetAsync($"/events/{draft.Slug}")).QuerySelector("main form[action$='/sign-up']"));
    }

    [Fact]
    public async Task Quotas_keep_their_places_from_residents_who_take_only_the_free_ones()
    {
        var ev = await CreateEventAsync("Brauciens ar paturētām vietām", capacity: 6, configure: e =>
        {
            e.Kind = EventKind.StudyTrip;
            e.NgoQuota = 2;
            e.MunicipalityQuota = 2;
        });
        using var client = app.CreatePageClient("lv");
        var page = await client.GetAsync($"/events/{ev.Slug}");
        async Task<RegistrationStatus> SignUpAs(string type)
        {
            var email = TestUsers.UniqueEmail(type.ToLowerInvariant());
            if (type == "Resident")
            {
                await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp(type, email, type));
            }
            else
            {
                email = await SignUpWithAccountAsync(ev.Slug, type);
            }

            return await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Email == email).Select(r => r.Status).SingleAsync());
        }

        // Two free places: the third resident waits although four places are empty.
        Assert.Equal(RegistrationStatus.Confirmed, await SignUpAs("Resident"));
        Assert.Equal(RegistrationStatus.Confirmed, await SignUpAs("Resident"));
        Assert.Equal(RegistrationStatus.Waitlisted, await SignUpAs("Resident"));
        // The kept places are there for each side.
        Assert.Equal(RegistrationStatus.Confirmed, await SignUpAs("NgoRepresentative"));
        Assert.Equal(RegistrationStatus.Confirmed, await SignUpAs("NgoRepresentative"));
        Assert.Equal(RegistrationStatus.Waitlisted, await SignUpAs("NgoRepresentative"));
        Assert.Equal(RegistrationStatus.Confirmed, await SignUpAs("MunicipalityStaff"));
        Assert.Equal(RegistrationStatus.Confirmed, await SignUpAs("MunicipalityStaff"));
        Assert.Equal(6, await app.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Confirmed)));
    }

    [Fact]
    public async Task A_second_sign_up_changes_nothing_tells_the_owner_and_someone_who_cancelled_can_come_back()
    {
        var ev = await CreateEventAsync("Forums, kur atgriezties", capacity: 1);
        using var client = app.CreatePageClient("lv");
        var page = await client.GetAsync($"/events/{ev.Slug}");
        var email = TestUsers.UniqueEmail("again");
        await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Atkal", email));
        await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Otrā", TestUsers.UniqueEmail("second")));
        var first = await app.Smtp.WaitForMessageAsync(email, m => m.Subject == "Pieteikums apstiprināts: Forums, kur atgriezties");
        var link = System.Text.RegularExpressions.Regex.Match(first.TextBody!, @"http://kaimini\.test(/events/registrations/[A-Za-z0-9_-]+)").Groups[1].Value;

        // The answer a new sign-up would get (the event is full: the queue); the registration is untouched.
        var again = await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Svešinieks", email));
        Assert.Contains("jūs esat rindā", again.QuerySelector("[role=status]")!.TextContent);
        var kept = await app.WithDbAsync(db => db.EventRegistrations.SingleAsync(r => r.EventId == ev.Id && r.Email == email));
        Assert.Equal((RegistrationStatus.Confirmed, "Atkal"), (kept.Status, kept.Name));
        var told = await app.Smtp.WaitForMessageAsync(email, m => m.Subject == "Vēlreizējs pieteikums ar jūsu adresi: Forums, kur atgriezties");
        Assert.DoesNotMatch(@"/events/registrations/", told.TextBody!);

        using var person = app.CreatePageClient("lv");
        var manage = await person.GetAsync(link);
        await person.SubmitAndFollowAsync(await person.GetAsync(link + "/cancel"), "main form[action$='/cancel']", new Dictionary<string, string>());
        var back = await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Atgriezusies", email));

        // The place went to the person waiting; the one who came back joins the end of the queue.
        Assert.Contains("jūs esat rindā", back.QuerySelector("[role=status]")!.TextContent);
        var registration = await app.WithDbAsync(db => db.EventRegistrations.SingleAsync(r => r.EventId == ev.Id && r.Email == email));
        Assert.Equal((RegistrationStatus.Waitlisted, "Atgriezusies"), (registration.Status, registration.Name));
    }

    [Fact]
    public async Task Leaders_of_a_community_not_yet_approved_are_not_leaders_for_events()
    {
        var ev = await CreateEventAsync("Dižkūre tikai apstiprinātiem", configure: e => { e.Audience = EventAudience.LeadersOnly; e.Kind = EventKind.Retreat; });
        var (client, user) = await app.LoggedInAsync(null);
        var pending = await TestCommunities.CreateAsync(app, "Nupat reģistrēta " + Guid.NewGuid().ToString("N")[..4], "olaine",
            status: CommunityStatus.Pending, leaderId: user.Id);
        var page = await client.GetAsync($"/events/{ev.Slug}");

        Assert.Null(page.QuerySelector("main form[action$='/sign-up']"));
        Assert.Contains("jūsu kontam tādas kopienas nav", page.QuerySelector("main [data-who-can-sign-up]")!.TextContent);
        var mine = await CreateEventAsync("Neapstiprinātas kopienas talka", configure: e => { e.Kind = EventKind.CommunityEvent; e.Communities.Add(pending); });
        Assert.Contains("/account/access-denied", (await client.Http.GetAsync($"/admin/events/{mine.Slug}/edit")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task Leaders_cannot_speak_for_the_partnerships_organise_forums_or_invite_the_whole_network()
    {
        var (leaderClient, leader) = await app.LoggedInAsync(Roles.Leader);
        var own = await TestCommunities.CreateAsync(app, "Līdera biedrība " + Guid.NewGuid().ToString("N")[..4], "olaine", leaderId: leader.Id);
        var form = await leaderClient.GetAsync("/admin/events/new");
        Assert.Null(form.QuerySelector("#form_PierigasPartneriba"));
        Assert.Null(form.QuerySelector("#form_Kind option[value=Forum]"));
        var values = EventValues("Līdera forums", form.QuerySelectorAll("#form_TerritoryId option").First(o => o.TextContent.StartsWith("Olaine")).GetAttribute("value")!);
        values["form.CommunityIds"] = own.Id.ToString();
        values["form.PierigasPartneriba"] = "true";

        var refused = await leaderClient.SubmitExpectingPageAsync(form, "main form", values);

        Assert.NotNull(refused.QuerySelector("#form_Kind-error"));
        Assert.Contains("To var darīt tikai organizatori.", refused.QuerySelector("[role=alert]")!.TextContent);
        values["form.Kind"] = "Workshop";
        values["form.PierigasPartneriba"] = "false";
        var created = await leaderClient.SubmitAndFollowAsync(form, "main form", values);
        var slug = await app.WithDbAsync(db => db.Events.Where(e => e.Title == "Līdera forums").Select(e => e.Slug).SingleAsync());
        var invite = await leaderClient.GetAsync($"/admin/events/{slug}/invite");
        var all = await leaderClient.SubmitExpectingPageAsync(invite, "main form", new Dictionary<string, string> { ["form.AllLeaders"] = "true" });
        Assert.Contains("To var darīt tikai organizatori.", all.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.Purpose == InvitationPurpose.Event && i.InvitedById == leader.Id)));
    }

    [Fact]
    public async Task A_cancellation_racing_the_events_cancellation_promotes_nobody()
    {
        var ev = await CreateEventAsync("Forums, ko atceļ", capacity: 1);
        using var client = app.CreatePageClient("lv");
        var page = await client.GetAsync($"/events/{ev.Slug}");
        var (holder, waiting) = (TestUsers.UniqueEmail("holder"), TestUsers.UniqueEmail("waiting"));
        await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Vietas turētājs", holder));
        await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Gaidītāja", waiting));

        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Kaimini.Web.Data.AppDbContext>();
            // The manage page has loaded the registration with its event (still published)...
            var registration = await db.EventRegistrations.Include(r => r.Event).SingleAsync(r => r.Email == holder);
            // ...when the organiser cancels the event.
            await app.WithDbAsync(other => other.Events.Where(e => e.Id == ev.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EventStatus.Cancelled)));
            await s.GetRequiredService<EventSignup>().CancelAsync(registration, CancellationToken.None);
        });

        Assert.Equal(RegistrationStatus.Waitlisted, await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Email == waiting).Select(r => r.Status).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == waiting && m.Subject.StartsWith("Jums ir vieta"))));
    }

    [Fact]
    public async Task An_organiser_cancels_someones_registration_and_the_first_waiting_gets_the_place()
    {
        var ev = await CreateEventAsync("Forums ar zvanu", capacity: 1);
        using var client = app.CreatePageClient("lv");
        var page = await client.GetAsync($"/events/{ev.Slug}");
        var (phoned, waiting) = (TestUsers.UniqueEmail("phoned"), TestUsers.UniqueEmail("next"));
        await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Piezvanīja", phoned));
        await client.SubmitAndFollowAsync(page, "main form[action$='/sign-up']", SignUp("Nākamā", waiting));
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);
        var list = await organiser.GetAsync($"/admin/events/{ev.Slug}/registrations");
        var row = list.QuerySelectorAll("main tbody tr").Single(tr => tr.TextContent.Contains(phoned));

        // "Atcelt" asks first, on a page of its own that names the person; nothing is cancelled until its button.
        var question = await organiser.GetAsync(row.QuerySelector("a[href$='/cancel']")!.GetAttribute("href")!);
        Assert.Contains(phoned, question.QuerySelector("main dl")!.TextContent);
        Assert.Contains("Vai tiešām atcelt šo pieteikumu?", question.QuerySelector("main")!.TextContent);
        Assert.Equal(RegistrationStatus.Confirmed, await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Email == phoned).Select(r => r.Status).SingleAsync()));
        var done = await organiser.SubmitAndFollowAsync(question, "main form[action$='/cancel']", new Dictionary<string, string>());

        Assert.Contains("Pieteikums atcelts", done.QuerySelector("[role=status]")!.TextContent);
        await app.Smtp.WaitForMessageAsync(waiting, m => m.Subject == "Jums ir vieta: Forums ar zvanu");
        await app.Smtp.WaitForMessageAsync(phoned, m => m.Subject == "Pieteikums atcelts: Forums ar zvanu");
    }
}
