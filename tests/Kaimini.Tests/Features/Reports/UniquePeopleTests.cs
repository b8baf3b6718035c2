using Kaimini.Tests.Features.Privacy;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Reports;
using Kaimini.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Reports;

/// <summary>Unique people are counted by the people hash every registration carries from sign-up, so
/// a past period's figures stay as they were when names and addresses go: by the retention job, by
/// a person erasing a registration through its link, by an account's deletion.</summary>
public class UniquePeopleTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static readonly Indicator[] People =
    [
        Indicators.UniqueParticipants, Indicators.Attendances, Indicators.NewParticipants, Indicators.ReturningParticipants,
        Indicators.Registrations, Indicators.Attended, Indicators.WalkIns, Indicators.LeadersTrained,
    ];

    /// <summary>The people figures of the period from <paramref name="from"/> to <paramref name="to"/> in Baldone.</summary>
    private async Task<Dictionary<string, double?>> FiguresAsync(DateOnly from, DateOnly to)
    {
        Dictionary<string, double?> figures = null!;
        await app.WithScopeAsync(async s =>
        {
            var reference = await s.GetRequiredService<ReferenceCache>().GetAsync(CancellationToken.None);
            var scope = ReportScope.Resolve(new ReportFilter { Period = PeriodKind.Range, From = from, To = to, Territory = "baldone" },
                reference, app.Clock.GetUtcNow());
            var raw = await s.GetRequiredService<ReportQueries>().FiguresAsync(scope, scope.Current, CancellationToken.None);
            figures = People.ToDictionary(i => i.Key, i => raw[i].Value);
        });
        return figures;
    }

    [Fact]
    public async Task A_past_periods_people_stay_the_same_when_retention_anonymises_and_people_erase_their_data_or_delete_their_account()
    {
        var now = app.Clock.GetUtcNow();
        var older = await TestEvents.CreateAsync(app, "Sens forums Baldonē", startsAt: now.AddMonths(-14), territory: "baldone");
        var newer = await TestEvents.CreateAsync(app, "Nesens forums Baldonē", startsAt: now.AddMonths(-11), territory: "baldone");
        var baldone = await app.WithDbAsync(db => db.Territories.Where(t => t.Slug == "baldone").Select(t => t.Id).SingleAsync());
        var (cildaClient, cilda) = await app.LoggedInAsync(null);
        using var _c = cildaClient;
        var anna = TestUsers.UniqueEmail("anna");
        var (daceToken, daceHash) = LinkTokens.Create();
        // Anna at both (her address written differently the second time), Bruno at the older one;
        // Cilda (with an account), Dace (with her manage link) and someone who walked in at the newer.
        var annaBefore = await TestRegistrations.AddAsync(app, older, anna, "Anna", checkedInAt: older.StartsAt, territoryId: baldone);
        var annaAfter = await TestRegistrations.AddAsync(app, newer, " " + anna.ToUpperInvariant(), "Anna", checkedInAt: newer.StartsAt, territoryId: baldone);
        await TestRegistrations.AddAsync(app, older, TestUsers.UniqueEmail("bruno"), "Bruno", checkedInAt: older.StartsAt, territoryId: baldone);
        await TestRegistrations.AddAsync(app, newer, cilda.Email!, "Cilda", userId: cilda.Id, checkedInAt: newer.StartsAt, territoryId: baldone);
        var dace = await TestRegistrations.AddAsync(app, newer, TestUsers.UniqueEmail("dace"), "Dace", checkedInAt: newer.StartsAt, territoryId: baldone,
            manageTokenHash: daceHash);
        await TestRegistrations.AddAsync(app, newer, TestUsers.UniqueEmail("eriks"), "Ēriks", territoryId: baldone);
        await app.WithDbAsync(db =>
        {
            db.EventRegistrations.Add(EventRegistration.NewWalkIn(newer.Id, ParticipantType.Other, baldone, null, newer.StartsAt));
            return db.SaveChangesAsync();
        });
        var olderDay = TestDates.DaysAhead(app.Clock, 0).AddMonths(-14);
        var newerDay = TestDates.DaysAhead(app.Clock, 0).AddMonths(-11);
        Assert.Equal(annaBefore.PersonHash, annaAfter.PersonHash);

        var both = await FiguresAsync(olderDay.AddDays(-1), newerDay.AddDays(1));
        var newerOnly = await FiguresAsync(newerDay.AddDays(-1), newerDay.AddDays(1));
        // Anna, Bruno, Cilda, Dace and the walk-in; at the newer one Anna came back.
        Assert.Equal(5, both["UniqueParticipants"]);
        Assert.Equal(6, both["Attendances"]);
        Assert.Equal(4, newerOnly["UniqueParticipants"]);
        Assert.Equal(1, newerOnly["ReturningParticipants"]);
        Assert.Equal(4, newerOnly["Registrations"]);
        Assert.Equal(1, newerOnly["WalkIns"]);

        // Retention anonymises the older event's registrations (over 12 months ago), not the newer's.
        Assert.NotNull(await TestRegistrations.RunRetentionAsync(app, TestRegistrations.ClockAt(0)));
        Assert.NotNull((await TestRegistrations.FindAsync(app, annaBefore.Id)).AnonymisedAt);
        Assert.Null((await TestRegistrations.FindAsync(app, annaAfter.Id)).AnonymisedAt);
        Assert.Equal(both, await FiguresAsync(olderDay.AddDays(-1), newerDay.AddDays(1)));
        Assert.Equal(newerOnly, await FiguresAsync(newerDay.AddDays(-1), newerDay.AddDays(1)));

        // Dace erases her registration through its link; Cilda deletes her account.
        using var daceClient = app.CreatePageClient("lv");
        await daceClient.SubmitAndFollowAsync(await daceClient.GetAsync($"/events/registrations/{daceToken}/data"), "main form[action$='/data/erase']",
            new Dictionary<string, string>());
        await cildaClient.SubmitAndFollowAsync(await cildaClient.GetAsync("/account/privacy"), "main form[action='/account/privacy/delete']",
            new Dictionary<string, string> { ["form.Password"] = TestUsers.Password });
        Assert.NotNull((await TestRegistrations.FindAsync(app, dace.Id)).AnonymisedAt);
        Assert.Equal(0, await app.WithDbAsync(db => db.EventRegistrations.CountAsync(r => r.Email == cilda.Email!.ToLower())));

        Assert.Equal(both, await FiguresAsync(olderDay.AddDays(-1), newerDay.AddDays(1)));
        Assert.Equal(newerOnly, await FiguresAsync(newerDay.AddDays(-1), newerDay.AddDays(1)));
    }
}
