using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Reports;

/// <summary>Every indicator against figures counted by hand on the data set of <see cref="ReportsApp"/>
/// (its own database: nothing else moves the figures), then the page as municipality staff see it.</summary>
public class ReportIndicatorTests(ReportsApp app) : IClassFixture<ReportsApp>
{
    private async Task<(Dictionary<Indicator, RawFigure> Current, Dictionary<Indicator, RawFigure> Previous)> FiguresAsync(
        string? territory = "olaines-novads", string? theme = null, EventKind? kind = null, ParticipantClass? participant = null)
    {
        Dictionary<Indicator, RawFigure> current = null!, previous = null!;
        await app.WithScopeAsync(async s =>
        {
            var reference = await s.GetRequiredService<ReferenceCache>().GetAsync(CancellationToken.None);
            var filter = new ReportFilter
            {
                Period = PeriodKind.Range,
                From = app.Day(-90),
                To = app.Day(-1),
                Territory = territory,
                Theme = theme,
                Kind = kind,
                Participant = participant,
            };
            var scope = ReportScope.Resolve(filter, reference, app.Clock.GetUtcNow());
            var queries = s.GetRequiredService<ReportQueries>();
            current = await queries.FiguresAsync(scope, scope.Current, CancellationToken.None);
            previous = await queries.FiguresAsync(scope, scope.Previous, CancellationToken.None);
        });
        return (current, previous);
    }

    private static void AssertFigures(Dictionary<Indicator, RawFigure> actual, params (Indicator Indicator, double? Expected)[] expected)
    {
        var wrong = expected.Where(e => e.Expected is { } x ? actual[e.Indicator].Value is not { } v || Math.Abs(v - x) > 0.01 : actual[e.Indicator].Value is not null)
            .Select(e => $"{e.Indicator.Key}: expected {e.Expected}, got {actual[e.Indicator].Value}").ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public async Task Ngo_capacity_figures_for_a_novads_match_the_hand_count()
    {
        var (current, previous) = await FiguresAsync();

        AssertFigures(current,
            (Indicators.Communities, 3), (Indicators.NewCommunities, 1), (Indicators.ActiveCommunities, 3), (Indicators.LeadersListed, 1),
            (Indicators.OrganisationsReached, 2), (Indicators.FirstTimeOrganisations, 1), (Indicators.CooperationTies, 1),
            (Indicators.LeadersTrained, 2), (Indicators.TrainingDays, 4));
        AssertFigures(previous,
            (Indicators.Communities, 2), (Indicators.NewCommunities, 1), (Indicators.ActiveCommunities, 1), (Indicators.LeadersListed, 0),
            (Indicators.OrganisationsReached, 1), (Indicators.FirstTimeOrganisations, 1), (Indicators.CooperationTies, 0),
            (Indicators.LeadersTrained, 0), (Indicators.TrainingDays, 0));
    }

    [Fact]
    public async Task Participation_figures_for_a_novads_match_the_hand_count()
    {
        var (current, previous) = await FiguresAsync();

        // Registrations are sign-ups made beforehand (E1: 8 confirmed, E2: 3), the walk-ins w1 and w2
        // are attendances without one; the room at E1 held 7 who signed up and 2 walk-ins of 10 places.
        AssertFigures(current,
            (Indicators.EventsHeld, 2), (Indicators.Registrations, 11), (Indicators.Attended, 10), (Indicators.NoShows, 1), (Indicators.WalkIns, 2),
            (Indicators.CapacityUsed, 90),
            (Indicators.UniqueParticipants, 11), (Indicators.Attendances, 12), (Indicators.NewParticipants, 10), (Indicators.ReturningParticipants, 1),
            (Indicators.ParticipantsPer1000, 11 * 1000.0 / 5500),
            (Indicators.IdeasCollected, 7), (Indicators.Supports, 3), (Indicators.Supporters, 2));
        // The previous period: E3 only; p1 came back (anonymised there, written " P1@Reports.test " before:
        // the people hash of the normalised address is the same person); 2 of Olaines novads' 5,500; I9.
        AssertFigures(previous,
            (Indicators.EventsHeld, 1), (Indicators.UniqueParticipants, 2), (Indicators.Attendances, 2), (Indicators.NewParticipants, 1),
            (Indicators.ReturningParticipants, 1), (Indicators.IdeasCollected, 1), (Indicators.Supports, 0), (Indicators.CapacityUsed, null),
            (Indicators.WalkIns, 0), (Indicators.ParticipantsPer1000, 2 * 1000.0 / 5500));
    }

    [Fact]
    public async Task Per_thousand_uses_the_latest_year_with_a_population_for_every_unit_in_scope_and_none_without()
    {
        var (novads, _) = await FiguresAsync();
        var (town, _) = await FiguresAsync(territory: "olaine");
        var (network, _) = await FiguresAsync(territory: null);
        var (kekava, _) = await FiguresAsync(territory: "kekavas-novads");

        // Olaines novads: year Y has only the town, so Y−1 (4,000 + 1,500); the town alone: Y (4,400).
        var year = app.Day(-1).Year;
        Assert.Equal(new FigureNote("Reports.PerThousand.Population", 5500L, year - 1, "CSP").Args, novads[Indicators.ParticipantsPer1000].Note!.Args);
        AssertFigures(town, (Indicators.ParticipantsPer1000, 11 * 1000.0 / 4400));
        Assert.Equal(year, town[Indicators.ParticipantsPer1000].Note!.Args[1]);
        // Ķekava's towns and parishes, and so the whole network, have no population: no figure, a note.
        AssertFigures(network, (Indicators.ParticipantsPer1000, null), (Indicators.UniqueParticipants, 12));
        AssertFigures(kekava, (Indicators.ParticipantsPer1000, null));
        Assert.Equal("Reports.PerThousand.NoPopulation", kekava[Indicators.ParticipantsPer1000].Note!.Key);
    }

    [Fact]
    public async Task Municipality_figures_for_a_novads_match_the_hand_count()
    {
        var (current, previous) = await FiguresAsync();

        // Answered after 5 (I1), 10 (I7), 20 (I8) and 50 days (I2); accepted or planned: I1 accepted, I7 in the plan, I2 done and
        // implemented; I8 forwarded is answered but not accepted. Implemented in the period: I2, I4 and I9 (collected before it).
        AssertFigures(current,
            (Indicators.StaffTookPart, 1), (Indicators.IdeasToMunicipality, 5), (Indicators.IdeasAnswered, 4), (Indicators.AnswerRate, 80),
            (Indicators.MedianDaysToAnswer, 15), (Indicators.AnsweredWithin30Days, 75), (Indicators.IdeasAccepted, 3), (Indicators.IdeasImplemented, 1),
            (Indicators.IdeasImplementedInPeriod, 3));
        AssertFigures(previous,
            (Indicators.IdeasToMunicipality, 0), (Indicators.AnswerRate, null), (Indicators.MedianDaysToAnswer, null), (Indicators.AnsweredWithin30Days, null),
            (Indicators.IdeasAccepted, 0), (Indicators.IdeasImplemented, 0), (Indicators.IdeasImplementedInPeriod, 0));
    }

    [Fact]
    public async Task The_whole_network_counts_every_place()
    {
        var (current, _) = await FiguresAsync(territory: null);

        AssertFigures(current,
            (Indicators.Communities, 4), (Indicators.EventsHeld, 3), (Indicators.CooperationTies, 2), (Indicators.UniqueParticipants, 12),
            (Indicators.IdeasCollected, 8), (Indicators.IdeasToMunicipality, 6), (Indicators.OrganisationsReached, 2));
    }

    [Fact]
    public async Task A_former_novads_and_a_town_cut_the_same_data_by_the_other_hierarchy()
    {
        var (kekava, _) = await FiguresAsync(territory: "bijusais-kekavas-novads");
        var (olaine, _) = await FiguresAsync(territory: "olaine");

        // Ķekava: E5 by its venue, I5 by its place, C by its place, p9 by where she lives.
        AssertFigures(kekava, (Indicators.EventsHeld, 1), (Indicators.IdeasToMunicipality, 1), (Indicators.Communities, 1), (Indicators.UniqueParticipants, 1));
        AssertFigures(olaine, (Indicators.EventsHeld, 2), (Indicators.UniqueParticipants, 11), (Indicators.IdeasCollected, 7));
    }

    [Fact]
    public async Task Theme_event_kind_and_participant_type_narrow_the_figures()
    {
        var (retreat, _) = await FiguresAsync(kind: EventKind.Retreat);
        var (staff, _) = await FiguresAsync(participant: ParticipantClass.MunicipalityStaff);
        var (education, _) = await FiguresAsync(theme: "education");
        var (civic, _) = await FiguresAsync(theme: "civic");
        var (other, _) = await FiguresAsync(participant: ParticipantClass.Other);

        AssertFigures(retreat, (Indicators.EventsHeld, 1), (Indicators.UniqueParticipants, 2), (Indicators.LeadersTrained, 2), (Indicators.IdeasCollected, 0));
        AssertFigures(staff, (Indicators.UniqueParticipants, 1), (Indicators.StaffTookPart, 1), (Indicators.EventsHeld, 2));
        AssertFigures(education, (Indicators.IdeasCollected, 1), (Indicators.EventsHeld, 0));
        AssertFigures(civic, (Indicators.EventsHeld, 1), (Indicators.Attendances, 9));
        // "Other": p15 who signed up as such and the walk-in w2.
        AssertFigures(other, (Indicators.UniqueParticipants, 2), (Indicators.Attendances, 2), (Indicators.StaffTookPart, 0));
    }

    [Fact]
    public async Task The_page_shows_the_figures_with_small_cells_hidden_and_says_how_each_is_counted()
    {
        var (client, _) = await app.LoggedInAsync(Roles.MunicipalityStaff);
        using var _c = client;
        var page = await client.GetAsync("/reports" + app.Range("territory=olaines-novads"));

        string Cell(string indicator, string period) =>
            page.QuerySelector($"tr[data-indicator={indicator}] td[data-period={period}]")!.TextContent.Trim();
        Assert.Equal("11", Cell("UniqueParticipants", "current"));
        Assert.Equal("<5", Cell("UniqueParticipants", "previous"));
        Assert.Equal("<5", Cell("ReturningParticipants", "current"));
        Assert.Equal("slēpts", Cell("NewParticipants", "current"));
        Assert.Equal("11", Cell("Registrations", "current"));
        Assert.Equal("slēpts", Cell("Attended", "current"));
        Assert.Equal("<5", Cell("NoShows", "current"));
        Assert.Equal("<5", Cell("WalkIns", "current"));
        Assert.Equal("2", Cell("EventsHeld", "current"));
        Assert.Equal("1", Cell("EventsHeld", "previous"));
        Assert.StartsWith("+1", Cell("EventsHeld", "change"));
        Assert.Equal("—", Cell("UniqueParticipants", "change"));
        Assert.Equal("90 %", Cell("CapacityUsed", "current"));
        // 11 people of Olaines novads' 5,500 (the year before the period's, the last with every unit),
        // the same base in both periods: one note beside the definition.
        Assert.Equal("2", Cell("ParticipantsPer1000", "current"));
        Assert.Equal("<5", Cell("ParticipantsPer1000", "previous"));
        var note = Assert.Single(page.QuerySelectorAll("tr[data-indicator=ParticipantsPer1000] th [data-note]"));
        Assert.Equal("both", note.GetAttribute("data-period"));
        Assert.Equal($"5 500 iedz., {app.Day(-1).Year - 1}. gads; avots: CSP.", note.TextContent.Replace('\u00a0', ' ').Replace('\u202f', ' '));
        Assert.Equal("15 d.", Cell("MedianDaysToAnswer", "current"));
        var row = page.QuerySelector("tr[data-indicator=UniqueParticipants]")!.TextContent;
        Assert.Contains("Dažādi cilvēki (pēc e-pasta adreses, kas paliek kā neatgriezenisks kods", row);
        Assert.Contains("bez pieteikuma atnākušie nav pieteikumi", page.QuerySelector("tr[data-indicator=Registrations]")!.TextContent);
        Assert.Contains("dalībnieka dzīvesvieta", row);
        Assert.Contains("pasākuma norises vieta", page.QuerySelector("tr[data-indicator=EventsHeld]")!.TextContent);

        var ties = page.QuerySelector("table[data-table=ties]")!.TextContent;
        Assert.Contains(app.CommunityA, ties);
        Assert.Contains(app.CommunityB, ties);
        // Participant types: 6 residents shown (a walk-in among them); one NGO representative, one
        // leader, one staff member and two "other" (p15 and the walk-in w2) hidden.
        var types = page.QuerySelector("table[data-breakdown='Reports.Breakdown.ParticipantClass']")!;
        Assert.Equal("6", types.QuerySelector("tr[data-key=Resident] td")!.TextContent.Trim());
        Assert.Equal("<5", types.QuerySelector("tr[data-key=Leader] td")!.TextContent.Trim());
        Assert.Equal("<5", types.QuerySelector("tr[data-key=Other] td")!.TextContent.Trim());
        Assert.Contains("Cits", types.QuerySelector("tr[data-key=Other]")!.TextContent);
        Assert.Equal("—", types.QuerySelectorAll("tr[data-key=Leader] td")[1].TextContent.Trim());
        // The idea funnel: 7 collected → 5 to the municipality → 4 answered → 3 accepted or planned → 1 implemented.
        var funnel = page.QuerySelectorAll("table[data-table=funnel] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["7", "5", "4", "3", "1"], funnel.Select(r => r[0]));
        Assert.Equal(["—", "71 %", "80 %", "75 %", "33 %"], funnel.Select(r => r[1]));
        Assert.Contains("Olaines novads", page.QuerySelector("[data-scope=territory]")!.TextContent);
        Assert.Equal(1, page.QuerySelectorAll("h1").Length);
    }

    [Fact]
    public async Task Ideas_by_source_answers_by_outcome_and_implemented_by_whom_match_the_hand_count()
    {
        var (client, _) = await app.LoggedInAsync(Roles.MunicipalityStaff);
        using var _c = client;
        var page = await client.GetAsync("/reports" + app.Range("territory=olaines-novads"));

        Dictionary<string, string> Cells(string breakdown) =>
            page.QuerySelectorAll($"table[data-breakdown='{breakdown}'] tbody tr")
                .ToDictionary(r => r.GetAttribute("data-key")!, r => r.QuerySelector("td")!.TextContent.Trim());
        // Counts of ideas are never hidden, however small.
        Assert.Equal(new Dictionary<string, string> { ["Portal"] = "4", ["Forum"] = "3" }, Cells("Reports.Breakdown.IdeaSource"));
        Assert.Equal(new Dictionary<string, string> { ["Accepted"] = "1", ["Done"] = "1", ["InPlan"] = "1", ["Forwarded"] = "1" },
            Cells("Reports.Breakdown.Outcome"));
        Assert.Equal(new Dictionary<string, string> { ["Municipality"] = "1", ["Community"] = "1", ["Residents"] = "1" },
            Cells("Reports.Breakdown.ImplementedBy"));
        var byWhom = page.QuerySelector("table[data-breakdown='Reports.Breakdown.ImplementedBy']")!.TextContent;
        Assert.Contains("pašvaldība", byWhom);
        Assert.Contains("kopiena", byWhom);
        Assert.Contains("iedzīvotāji", byWhom);
        var outcomes = page.QuerySelector("table[data-breakdown='Reports.Breakdown.Outcome']")!.TextContent;
        Assert.Contains("iekļauta plānā", outcomes);
        Assert.Contains("pārsūtīta citai iestādei", outcomes);
        Assert.Equal("3", page.QuerySelector("tr[data-indicator=IdeasImplementedInPeriod] td[data-period=current]")!.TextContent.Trim());
        Assert.Contains("īstenošanas datums ir šajā periodā", page.QuerySelector("tr[data-indicator=IdeasImplementedInPeriod]")!.TextContent);
    }

    [Fact]
    public async Task A_breakdown_of_fewer_than_five_people_is_not_shown_on_the_page()
    {
        var (client, _) = await app.LoggedInAsync(Roles.Organiser, "en");
        using var _c = client;
        var page = await client.GetAsync("/reports" + app.Range("territory=bijusais-kekavas-novads"));

        Assert.Null(page.QuerySelector("table[data-breakdown='Reports.Breakdown.ParticipantClass']"));
        Assert.Contains("fewer than 5 people", page.QuerySelector("#breakdown-participantclass")!.ParentElement!.TextContent);
        Assert.Equal("<5", page.QuerySelector("tr[data-indicator=UniqueParticipants] td[data-period=current]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_public_results_page_shows_the_network_and_each_novads_under_the_same_rule()
    {
        var page = await app.CreatePageClient("lv").GetAsync("/rezultati");

        // The year of the retreat on day −12 is this year's column or, early in January, last year's.
        var year = app.Day(-12).Year;
        var column = year == app.Today.Year ? "current" : "previous";
        string Cell(string area, string indicator) =>
            page.QuerySelector($"[data-area={area}] tr[data-indicator={indicator}] td[data-period={column}]")!.TextContent.Trim();
        Assert.Equal(app.Held.Count(h => h.Day.Year == year).ToString(), Cell("network", "EventsHeld"));
        Assert.Equal(app.Held.Count(h => h.Day.Year == year && h.Novads == "olaines-novads").ToString(), Cell("olaines-novads", "EventsHeld"));
        // Ķekava: one person (p9) is "<5"; then Olaines novads' count would follow from the network's
        // by subtraction, so it is hidden too; Mārupe's zero stays.
        Assert.Equal("<5", Cell("kekavas-novads", "UniqueParticipants"));
        Assert.Equal("slēpts", Cell("olaines-novads", "UniqueParticipants"));
        Assert.Equal("0", Cell("marupes-novads", "UniqueParticipants"));
        // Per 1,000 residents: hidden wherever the count it comes from is hidden, for the rate
        // times the population would give the count back.
        Assert.Equal("<5", Cell("kekavas-novads", "ParticipantsPer1000"));
        Assert.Equal("slēpts", Cell("olaines-novads", "ParticipantsPer1000"));
        Assert.NotNull(page.QuerySelector("[data-area=network] tr[data-indicator=IdeasImplementedInPeriod]"));
        Assert.Equal(1, page.QuerySelectorAll("h1").Length);
    }
}
