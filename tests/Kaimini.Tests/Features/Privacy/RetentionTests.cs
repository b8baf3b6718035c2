using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Privacy;

public class RetentionTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task Accessibility_needs_are_deleted_the_day_after_the_event()
    {
        var clock = TestRegistrations.ClockAt(40);
        var today = clock.GetUtcNow().ToRiga().Date;
        // Ended late yesterday evening and early this morning (Riga time).
        var yesterday = await TestEvents.CreateAsync(app, "Vakardienas forums", startsAt: RigaTime.FromRiga(today.AddHours(-4)),
            configure: e => e.EndsAt = RigaTime.FromRiga(today.AddHours(-1)));
        var tonight = await TestEvents.CreateAsync(app, "Nakts forums", startsAt: RigaTime.FromRiga(today.AddHours(-3)),
            configure: e => e.EndsAt = RigaTime.FromRiga(today.AddHours(1)));
        var before = await TestRegistrations.AddAsync(app, yesterday, TestUsers.UniqueEmail("vakar"), needs: "ratiņkrēsls");
        var after = await TestRegistrations.AddAsync(app, tonight, TestUsers.UniqueEmail("sodien"), needs: "zīmju valodas tulks");

        Assert.NotNull(await TestRegistrations.RunRetentionAsync(app, clock));

        var cleared = await TestRegistrations.FindAsync(app, before.Id);
        Assert.Null(cleared.AccessibilityNeeds);
        Assert.Equal(before.Name, cleared.Name);
        Assert.Equal(before.Email, cleared.Email);
        Assert.Equal("zīmju valodas tulks", (await TestRegistrations.FindAsync(app, after.Id)).AccessibilityNeeds);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.NotNull(await TestRegistrations.RunRetentionAsync(app, clock));
        Assert.Null((await TestRegistrations.FindAsync(app, after.Id)).AccessibilityNeeds);
    }

    [Fact]
    public async Task Names_and_addresses_are_anonymised_twelve_months_after_the_event_keeping_what_reports_need()
    {
        var clock = TestRegistrations.ClockAt(500);
        var now = clock.GetUtcNow();
        var territoryId = int.Parse(await TestEvents.HomeAsync(app), System.Globalization.CultureInfo.InvariantCulture);
        var old = await TestEvents.CreateAsync(app, "Sens forums", startsAt: now.AddMonths(-12).AddDays(-2));
        var older = await TestEvents.CreateAsync(app, "Vēl senāks forums", startsAt: now.AddMonths(-14));
        var recent = await TestEvents.CreateAsync(app, "Nesens forums", startsAt: now.AddMonths(-11));
        var email = TestUsers.UniqueEmail("dalibniece");
        var checkedIn = now.AddMonths(-12).AddDays(-2).AddMinutes(5);
        var attended = await TestRegistrations.AddAsync(app, old, email, "Dace Kalniņa", checkedInAt: checkedIn, territoryId: territoryId);
        var samePerson = await TestRegistrations.AddAsync(app, older, email.ToUpperInvariant(), "Dace Kalniņa");
        var kept = await TestRegistrations.AddAsync(app, recent, email, "Dace Kalniņa");

        var result = await TestRegistrations.RunRetentionAsync(app, clock);

        Assert.NotNull(result);
        var anonymised = await TestRegistrations.FindAsync(app, attended.Id);
        Assert.Equal("—", anonymised.Name);
        Assert.DoesNotContain(email, anonymised.Email);
        Assert.EndsWith("@invalid", anonymised.Email);
        Assert.False(anonymised.ListConsent);
        Assert.Equal(now, anonymised.AnonymisedAt);
        // What reports need stays: type, home territory, attendance, and one hash per person.
        Assert.Equal(ParticipantType.NgoRepresentative, anonymised.ParticipantType);
        Assert.Equal(territoryId, anonymised.TerritoryId);
        Assert.Equal(checkedIn, anonymised.CheckedInAt);
        Assert.Equal(await TestRegistrations.HashAsync(app, email), anonymised.PersonHash);
        Assert.Equal(anonymised.PersonHash, (await TestRegistrations.FindAsync(app, samePerson.Id)).PersonHash);
        Assert.DoesNotContain(email, anonymised.PersonHash!);
        var untouched = await TestRegistrations.FindAsync(app, kept.Id);
        Assert.Equal("Dace Kalniņa", untouched.Name);
        Assert.Equal(email, untouched.Email);
        Assert.Null(untouched.AnonymisedAt);
    }

    [Fact]
    public async Task Sent_mail_loses_its_body_after_a_week_and_failed_mail_is_purged_after_the_retention_period()
    {
        var clock = TestRegistrations.ClockAt(900);
        var now = clock.GetUtcNow();
        var oldSent = Message(OutboxStatus.Sent, now.AddDays(-8));
        var newSent = Message(OutboxStatus.Sent, now.AddDays(-6));
        var oldFailed = Message(OutboxStatus.Failed, now.AddDays(-31));
        var newFailed = Message(OutboxStatus.Failed, now.AddDays(-29));
        await app.WithDbAsync(db =>
        {
            db.OutboxMessages.AddRange(oldSent, newSent, oldFailed, newFailed);
            return db.SaveChangesAsync();
        });

        Assert.NotNull(await TestRegistrations.RunRetentionAsync(app, clock));

        var ids = new[] { oldSent.Id, newSent.Id, oldFailed.Id, newFailed.Id };
        var rows = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id));
        Assert.Empty(rows[oldSent.Id].Mime);
        Assert.Equal(oldSent.Subject, rows[oldSent.Id].Subject);
        Assert.Equal(oldSent.Recipient, rows[oldSent.Id].Recipient);
        Assert.Equal(oldSent.SentAt, rows[oldSent.Id].SentAt);
        Assert.Equal(oldSent.Mime, rows[newSent.Id].Mime);
        Assert.False(rows.ContainsKey(oldFailed.Id));
        Assert.True(rows.ContainsKey(newFailed.Id));
    }

    [Fact]
    public async Task The_job_runs_once_a_day()
    {
        var clock = TestRegistrations.ClockAt(1300);

        Assert.NotNull(await TestRegistrations.RunRetentionAsync(app, clock));
        Assert.Null(await TestRegistrations.RunRetentionAsync(app, clock));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.NotNull(await TestRegistrations.RunRetentionAsync(app, clock));

        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToRiga().DateTime);
        var runs = await app.WithDbAsync(db => db.JobRuns.Where(r => r.Job == "retention" && r.Day >= today.AddDays(-1) && r.Day <= today).ToListAsync());
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.NotNull(r.FinishedAt));
    }

    private static OutboxMessage Message(OutboxStatus status, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        Recipient = TestUsers.UniqueEmail("pasts"),
        Subject = "Pieteikums apstiprināts",
        Category = "event.registration",
        Essential = true,
        Mime = "Subject: Pieteikums apstiprināts\r\n\r\nPersonisks teksts"u8.ToArray(),
        Status = status,
        Attempts = status == OutboxStatus.Failed ? 8 : 1,
        CreatedAt = at,
        NextAttemptAt = at,
        SentAt = status == OutboxStatus.Sent ? at : null,
    };
}
