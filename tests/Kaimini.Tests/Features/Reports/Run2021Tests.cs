using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Data.Seed;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Reports;

/// <summary>The demo data on a database of its own, as ./kaimini run seeds it.</summary>
public sealed class DemoDataApp : KaiminiApp
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await WithScopeAsync(s => s.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None));
    }
}

/// <summary>The 2021 run of the demo data (<see cref="DemoRun2021"/>) as the reports count it, against
/// figures worked out by hand from how it is written:
/// <code>
/// Forums (Olaine 11.09., Jaunmārupe 18.09., Ķekava 25.09.): 52 sign-ups each, persons 0–51, 48–99 and
///   96–147 (four shared between neighbouring forums); sign-ups number 12, 25, 38 and 51 of each did not
///   come → 48 attended each, 144 attendances, 156 confirmed sign-ups. Nobody came to none of their
///   forums except persons 12, 25, 38, 60, 73, 86, 108, 121, 134, 147 → 148 − 10 = 138 people.
///   Municipality staff: persons with n % 15 = 7 → 7, 22, …, 142: ten, all came.
/// Dižkūre (20.–21.08., two days): every demo leader account (L) and persons 148–167 (148–150 staff,
///   the rest NGO), person 167 did not come.
/// Study trip (16.10.): the L leaders and persons 158–187 (178–187 staff), 169 and 181 did not come;
///   co-organised by two communities → one tie.
/// People at the retreat and trip besides the leaders: 148–187 = 40, less 169 and 181 → 38.
/// Ideas: 53 a forum = 159; to the municipality when i % 5 ∈ {0, 2, 4} → 32 a forum = 96; their answers
///   cycle through 8 (Accepted 21 days, Done 14, InProgress 45, Declined 30, UnderReview 9, Done 60,
///   none, Accepted 75): 12 of each → 84 answered; median 30 days; within 30 days 48 of 84; the 24 "done"
///   are implemented by the municipality on the answer's day, all in 2021 (by 24.11.).
/// </code></summary>
public class Run2021Tests(DemoDataApp app) : IClassFixture<DemoDataApp>
{
    private async Task<Dictionary<Indicator, RawFigure>> FiguresAsync(string? territory = null)
    {
        Dictionary<Indicator, RawFigure> figures = null!;
        await app.WithScopeAsync(async s =>
        {
            var reference = await s.GetRequiredService<ReferenceCache>().GetAsync(CancellationToken.None);
            var filter = new ReportFilter { Period = PeriodKind.Year, From = new DateOnly(2021, 1, 1), Territory = territory };
            var scope = ReportScope.Resolve(filter, reference, app.Clock.GetUtcNow());
            figures = await s.GetRequiredService<ReportQueries>().FiguresAsync(scope, scope.Current, CancellationToken.None);
        });
        return figures;
    }

    private static void AssertFigures(Dictionary<Indicator, RawFigure> actual, params (Indicator Indicator, double? Expected)[] expected)
    {
        var wrong = expected.Where(e => e.Expected is { } x ? actual[e.Indicator].Value is not { } v || Math.Abs(v - x) > 0.01 : actual[e.Indicator].Value is not null)
            .Select(e => $"{e.Indicator.Key}: expected {e.Expected}, got {actual[e.Indicator].Value}").ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public async Task The_2021_run_counts_as_worked_out_by_hand()
    {
        // The leaders of the demo communities (accounts), who went to both the Dižkūre and the trip.
        var leaders = await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Event!.Slug == "dizkure-2021" && r.UserId != null)
            .Select(r => r.UserId).Distinct().CountAsync());
        Assert.True(leaders > 0);

        var figures = await FiguresAsync();

        AssertFigures(figures,
            (Indicators.EventsHeld, 5),
            (Indicators.Registrations, 156 + (leaders + 20) + (leaders + 30)),
            (Indicators.Attended, 144 + (leaders + 19) + (leaders + 28)),
            (Indicators.NoShows, 15),
            (Indicators.Attendances, 144 + (leaders + 19) + (leaders + 28)),
            (Indicators.UniqueParticipants, 138 + 38 + leaders),
            (Indicators.NewParticipants, 138 + 38 + leaders),
            (Indicators.ReturningParticipants, 0),
            (Indicators.StaffTookPart, 10 + 3 + 9),
            // NGO people: 151–166 at the retreat (two days each), 158–177 less 169 on the trip (one day).
            (Indicators.LeadersTrained, 16 + 19 - 9 + leaders),
            (Indicators.TrainingDays, 16 * 2 + 19 + leaders * 3),
            (Indicators.CooperationTies, 1),
            (Indicators.IdeasCollected, 159),
            (Indicators.IdeasToMunicipality, 96),
            (Indicators.IdeasAnswered, 84),
            (Indicators.AnswerRate, 87.5),
            (Indicators.IdeasAccepted, 60),
            (Indicators.IdeasImplemented, 24),
            (Indicators.IdeasImplementedInPeriod, 24),
            (Indicators.MedianDaysToAnswer, 30),
            (Indicators.AnsweredWithin30Days, 100.0 * 48 / 84));
    }

    [Fact]
    public async Task Baldones_pagasts_holds_the_Dizkure_and_the_ideas_about_it()
    {
        var figures = await FiguresAsync("baldones-pagasts");

        // The Dižkūre by its venue; ideas by their place: the Ķekava forum's places rotate over six,
        // Baldones pagasts is the sixth (i + group) % 6 = 5 → 9 of its 53 ideas.
        AssertFigures(figures, (Indicators.EventsHeld, 1), (Indicators.IdeasCollected, 9));
    }
}
