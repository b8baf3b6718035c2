using Kaimini.Tests.Features.Privacy;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Reports;

/// <summary>The reports read summary tables (<see cref="ReportFacts"/>); these tests change the
/// source rows in every way the triggers must notice — a leader's membership, an event's status and
/// time, a check-in that comes late, a support withdrawn, an idea hidden — and expect the very next
/// report to count the change. Each test works in its own parish, so the tests share the database.</summary>
public class ReportFactsTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private async Task<Dictionary<Indicator, RawFigure>> FiguresAsync(string territory, DateOnly from, DateOnly to,
        ParticipantClass? participant = null)
    {
        Dictionary<Indicator, RawFigure> figures = null!;
        await app.WithScopeAsync(async s =>
        {
            var reference = await s.GetRequiredService<ReferenceCache>().GetAsync(CancellationToken.None);
            var scope = ReportScope.Resolve(
                new ReportFilter { Period = PeriodKind.Range, From = from, To = to, Territory = territory, Participant = participant },
                reference, app.Clock.GetUtcNow());
            figures = await s.GetRequiredService<ReportQueries>().FiguresAsync(scope, scope.Current, CancellationToken.None);
        });
        return figures;
    }

    private Task<int> TerritoryAsync(string slug) =>
        app.WithDbAsync(db => db.Territories.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());

    private DateOnly Today => TestDates.DaysAhead(app.Clock, 0);

    [Fact]
    public async Task Becoming_a_leader_after_the_event_counts_the_person_as_a_leader_in_the_next_report()
    {
        const string parish = "salas-pagasts";
        var home = await TerritoryAsync(parish);
        var held = await TestEvents.CreateAsync(app, "Forums Salā", startsAt: app.Clock.GetUtcNow().AddDays(-20), territory: parish);
        var user = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("ilze"));
        await TestRegistrations.AddAsync(app, held, user.Email!, "Ilze", userId: user.Id, checkedInAt: held.StartsAt, territoryId: home);
        var (from, to) = (Today.AddDays(-30), Today);

        Assert.Equal(0, (await FiguresAsync(parish, from, to, ParticipantClass.Leader))[Indicators.UniqueParticipants].Value);
        Assert.Equal(1, (await FiguresAsync(parish, from, to))[Indicators.UniqueParticipants].Value);

        await TestCommunities.CreateAsync(app, "Salas biedrība", parish, leaderId: user.Id);

        Assert.Equal(1, (await FiguresAsync(parish, from, to, ParticipantClass.Leader))[Indicators.UniqueParticipants].Value);

        await app.WithDbAsync(db => db.CommunityMemberships.Where(m => m.UserId == user.Id).ExecuteDeleteAsync());

        Assert.Equal(0, (await FiguresAsync(parish, from, to, ParticipantClass.Leader))[Indicators.UniqueParticipants].Value);
    }

    [Fact]
    public async Task An_event_cancelled_or_moved_out_of_the_period_leaves_its_figures_and_a_late_check_in_makes_a_person_returning()
    {
        const string parish = "daugmales-pagasts";
        var home = await TerritoryAsync(parish);
        var now = app.Clock.GetUtcNow();
        var earlier = await TestEvents.CreateAsync(app, "Agrāks forums Daugmalē", startsAt: now.AddDays(-60), territory: parish);
        var later = await TestEvents.CreateAsync(app, "Vēlāks forums Daugmalē", startsAt: now.AddDays(-10), territory: parish);
        var email = TestUsers.UniqueEmail("juris");
        var atEarlier = await TestRegistrations.AddAsync(app, earlier, email, "Juris", territoryId: home);
        await TestRegistrations.AddAsync(app, later, email, "Juris", checkedInAt: later.StartsAt, territoryId: home);
        var (from, to) = (Today.AddDays(-30), Today);

        var before = await FiguresAsync(parish, from, to);
        Assert.Equal(1, before[Indicators.EventsHeld].Value);
        Assert.Equal(1, before[Indicators.UniqueParticipants].Value);
        Assert.Equal(0, before[Indicators.ReturningParticipants].Value);

        // Marked at the earlier event's door only afterwards: he had come before the period.
        await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Id == atEarlier.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CheckedInAt, earlier.StartsAt)));
        Assert.Equal(1, (await FiguresAsync(parish, from, to))[Indicators.ReturningParticipants].Value);

        // The earlier event moved into the period: two attendances in it, none before.
        await app.WithDbAsync(db => db.Events.Where(e => e.Id == earlier.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.StartsAt, now.AddDays(-12)).SetProperty(e => e.EndsAt, now.AddDays(-12).AddHours(3))));
        var moved = await FiguresAsync(parish, from, to);
        Assert.Equal(2, moved[Indicators.EventsHeld].Value);
        Assert.Equal(2, moved[Indicators.Attendances].Value);
        Assert.Equal(0, moved[Indicators.ReturningParticipants].Value);

        // The later event cancelled: it was not held, and nobody attended it.
        await app.WithDbAsync(db => db.Events.Where(e => e.Id == later.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EventStatus.Cancelled)));
        var cancelled = await FiguresAsync(parish, from, to);
        Assert.Equal(1, cancelled[Indicators.EventsHeld].Value);
        Assert.Equal(1, cancelled[Indicators.Attendances].Value);
    }

    [Fact]
    public async Task A_withdrawn_support_and_a_hidden_idea_leave_the_supports_and_a_deleted_account_still_counts_as_a_support()
    {
        const string parish = "baldones-pagasts";
        var idea = await TestIdeas.CreateAsync(app, "Soliņi pie Baldones ezera", parish, createdAt: app.Clock.GetUtcNow().AddDays(-5));
        var other = await TestIdeas.CreateAsync(app, "Apgaismojums Baldones pagastā", parish, createdAt: app.Clock.GetUtcNow().AddDays(-5));
        var a = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("a"));
        var b = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("b"));
        var c = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("c"));
        await TestIdeas.SupportAsync(app, idea.Id, a.Id, b.Id, c.Id);
        await TestIdeas.SupportAsync(app, other.Id, a.Id);
        var (from, to) = (Today.AddDays(-7), Today);

        var first = await FiguresAsync(parish, from, to);
        Assert.Equal(4, first[Indicators.Supports].Value);
        Assert.Equal(3, first[Indicators.Supporters].Value);

        await app.WithDbAsync(db => db.IdeaSupports.Where(x => x.IdeaId == idea.Id && x.UserId == c.Id).ExecuteDeleteAsync());
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == b.Id).ExecuteDeleteAsync());
        var second = await FiguresAsync(parish, from, to);
        Assert.Equal(3, second[Indicators.Supports].Value);
        Assert.Equal(1, second[Indicators.Supporters].Value);

        await app.WithDbAsync(db => db.Ideas.Where(i => i.Id == idea.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, IdeaStatus.Hidden)));
        var third = await FiguresAsync(parish, from, to);
        Assert.Equal(1, third[Indicators.Supports].Value);
        Assert.Equal(1, third[Indicators.Supporters].Value);
    }

    [Fact]
    public async Task A_report_rebuilds_only_what_changed_and_nothing_when_nothing_did()
    {
        const string parish = "olaines-pagasts";
        var held = await TestEvents.CreateAsync(app, "Forums Olaines pagastā", startsAt: app.Clock.GetUtcNow().AddDays(-3), territory: parish);
        var registration = await TestRegistrations.AddAsync(app, held, TestUsers.UniqueEmail("zane"), "Zane", checkedInAt: held.StartsAt);
        Assert.True(await app.WithDbAsync(db => StaleAsync(db, held.Id)));

        await FiguresAsync(parish, Today.AddDays(-7), Today);

        Assert.False(await app.WithDbAsync(db => StaleAsync(db, held.Id)));
        var fact = await app.WithDbAsync(db => db.ReportRegistrations.AsNoTracking().SingleAsync(r => r.RegistrationId == registration.Id));
        Assert.True(fact.Attended);
        Assert.Equal(await app.WithDbAsync(db => db.Events.Where(e => e.Id == held.Id).Select(e => e.StartsAt).SingleAsync()), fact.FirstAttendedAt);
        // Rebuilt rows would be new row versions; with nothing stale the fact is the same tuple.
        var version = await app.WithDbAsync(db => RowVersionAsync(db, registration.Id));
        await FiguresAsync(parish, Today.AddDays(-7), Today);
        Assert.Equal(version, await app.WithDbAsync(db => RowVersionAsync(db, registration.Id)));
    }

    [Fact]
    public async Task Between_reports_the_worker_builds_the_facts_of_what_changed()
    {
        await using var refreshing = new RefreshingApp();
        await refreshing.InitializeAsync();
        var held = await TestEvents.CreateAsync(refreshing, "Forums Olainē", startsAt: refreshing.Clock.GetUtcNow().AddDays(-2));
        var registration = await TestRegistrations.AddAsync(refreshing, held, TestUsers.UniqueEmail("mara"), "Māra", checkedInAt: held.StartsAt);

        // No report is asked for: the worker's timer does it.
        await Eventually.TrueAsync(() => refreshing.WithDbAsync(db => db.ReportRegistrations.AnyAsync(r => r.RegistrationId == registration.Id)),
            "The worker did not refresh the summary tables.");

        Assert.False(await refreshing.WithDbAsync(db => StaleAsync(db, held.Id)));
    }

    public sealed class RefreshingApp : KaiminiApp
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Reports:RefreshEnabled"] = "true",
            ["Reports:RefreshMinutes"] = "0.01",
        };
    }

    private static Task<bool> StaleAsync(AppDbContext db, int eventId) =>
        db.Database.SqlQuery<bool>($"SELECT EXISTS (SELECT 1 FROM report_stale WHERE subject = 'event' AND id = {eventId}) AS \"Value\"").SingleAsync();

    private static Task<string> RowVersionAsync(AppDbContext db, Guid registrationId) =>
        db.Database.SqlQuery<string>($"SELECT ctid::text || '/' || xmin::text AS \"Value\" FROM report_registrations WHERE registration_id = {registrationId}").SingleAsync();
}
