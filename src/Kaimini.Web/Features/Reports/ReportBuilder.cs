using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Reports;

/// <summary>Builds the one <see cref="Report"/> that the screen, print, the charts, CSV and XLSX
/// render: the figures of both periods through <see cref="ReportFigures"/>, the breakdowns through
/// <see cref="SmallCells"/>, the ties and the funnel, in the request's language.</summary>
public class ReportBuilder(ReportQueries queries, IServiceScopeFactory scopes, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    /// <summary>The funnel's stages, in order.</summary>
    public static readonly IReadOnlyList<Indicator> FunnelStages =
        [Indicators.IdeasCollected, Indicators.IdeasToMunicipality, Indicators.IdeasAnswered, Indicators.IdeasAccepted, Indicators.IdeasImplemented];

    public async Task<Report> BuildAsync(ReportScope scope, ReferenceData refData, CancellationToken ct)
    {
        // The previous period on a connection of its own, alongside the current one and its breakdowns:
        // the two are the same work on different rows, so a report takes about as long as one period.
        await queries.RefreshAsync(ct);
        await using var other = scopes.CreateAsyncScope();
        var previousTask = other.ServiceProvider.GetRequiredService<ReportQueries>().FiguresAsync(scope, scope.Previous, ct);
        var current = ReportFigures.ShowAll(await queries.FiguresAsync(scope, scope.Current, ct));

        // A breakdown is one line here: its title, the indicator it splits, its query and how its keys
        // are named (chart: true draws it as bars beside its table).
        var culture = Cultures.Current;
        var byTheme = await queries.IdeasByThemeAsync(scope, ct);
        var byGroup = await queries.IdeasByForumGroupAsync(scope, ct);
        var breakdowns = new List<BreakdownTable>
        {
            Table("Reports.Breakdown.LegalForm", Indicators.Communities, await queries.CommunitiesByLegalFormAsync(scope, ct), Labels<LegalForm>("LegalForm.")),
            Table("Reports.Breakdown.EventKind", Indicators.EventsHeld, await queries.EventsByKindAsync(scope, ct), Labels<EventKind>("EventKind."), chart: true),
            // A person who came as two types counts in both: no total to subtract from, so the
            // breakdown is shown with the unique participants as its base.
            Table("Reports.Breakdown.ParticipantClass", Indicators.UniqueParticipants, await queries.ParticipantsByClassAsync(scope, ct), Labels<ParticipantClass>("Reports.Participant.")),
            Table("Reports.Breakdown.IdeaSource", Indicators.IdeasCollected, await queries.IdeasBySourceAsync(scope, ct), Labels<IdeaSource>("Reports.IdeaSource.")),
            Table("Reports.Breakdown.IdeaTheme", Indicators.IdeasCollected, byTheme.Select(x => (x.Key?.ToString() ?? "none", x.Count)).ToList(),
                byTheme.ToDictionary(x => x.Key?.ToString() ?? "none",
                    x => x.Key is { } th && refData.ThemeById.TryGetValue(th, out var info) ? info.Name(culture) : t["Reports.NoTheme"].Value), chart: true),
            Table("Reports.Breakdown.ForumGroup", Indicators.IdeasCollected, byGroup.Select(x => (x.Lv, x.Count)).ToList(),
                byGroup.ToDictionary(x => x.Lv, x => culture == Cultures.English ? x.En : x.Lv)),
            Table("Reports.Breakdown.Addressee", Indicators.IdeasCollected, await queries.IdeasByAddresseeAsync(scope, ct), Labels<IdeaAddressee>("IdeaAddressee.")),
            Table("Reports.Breakdown.Outcome", Indicators.IdeasAnswered, await queries.AnswersByOutcomeAsync(scope, ct), Labels<IdeaResponse>("IdeaResponse.")),
            Table("Reports.Breakdown.ImplementedBy", Indicators.IdeasImplementedInPeriod, await queries.IdeasImplementedByAsync(scope, ct),
                Labels<IdeaImplementer>("IdeaImplementer.")),
        };

        var ties = await queries.TieTableAsync(scope, 20, ct);
        var previous = ReportFigures.ShowAll(await previousTask);
        var aims = Enum.GetValues<Aim>().Select(aim => new AimSection(aim,
            ReportFigures.Rows(Indicators.For(aim), current, previous),
            breakdowns.Where(b => b.Indicator.Aim == aim).ToList())).ToList();
        return new Report(Header(scope), aims, ties, Funnel(current));
    }

    /// <summary>Each stage as a whole percent of the one before, when both are shown and the one
    /// before is not zero.</summary>
    private static List<FunnelStage> Funnel(IReadOnlyDictionary<Indicator, ShownValue> current) =>
        FunnelStages.Select((stage, i) =>
        {
            var value = current[stage];
            var before = i == 0 ? null : current[FunnelStages[i - 1]].Value;
            return new FunnelStage(stage, value, value.Value is { } v && before is > 0 ? Math.Round(100 * v / before.Value, MidpointRounding.AwayFromZero) : null);
        }).ToList();

    private ReportHeader Header(ReportScope s)
    {
        var culture = Cultures.Current;
        var filters = new List<ReportFilterLine>
        {
            new(t["Directory.Theme"], s.Theme?.Name(culture) ?? t["Reports.Filter.AllThemes"]),
            new(t["Reports.Filter.EventKind"], s.Kind is { } k ? t[$"EventKind.{k}"] : t["Reports.Filter.AllKinds"]),
            new(t["Reports.ParticipantType"], s.Participant is { } p ? t[$"Reports.Participant.{p}"] : t["Reports.Filter.AllParticipants"]),
        };
        return new ReportHeader(t["Reports.ReportName"], s.Period, s.Current, s.Previous, s.Territory?.Name ?? t["Reports.WholeNetwork"],
            filters, DateOnly.FromDateTime(clock.GetUtcNow().ToRiga().DateTime));
    }

    /// <summary>Sibling cells of one breakdown, largest first, through the small-cell rule. The total
    /// is the sum of the cells, except for participant types (a person may be of two).</summary>
    private static BreakdownTable Table(string titleKey, Indicator indicator, List<(string Key, long Count)> cells,
        IReadOnlyDictionary<string, string> labels, bool chart = false)
    {
        var ordered = cells.OrderByDescending(c => c.Count).ThenBy(c => labels.GetValueOrDefault(c.Key) ?? c.Key, StringComparer.Ordinal).ToList();
        return new BreakdownTable(titleKey, indicator, SmallCells.Apply(ordered, ordered.Sum(c => c.Count), indicator.Unit), labels, chart);
    }

    private Dictionary<string, string> Labels<TEnum>(string prefix) where TEnum : struct, Enum => Labels(prefix, Enum.GetNames<TEnum>());

    private Dictionary<string, string> Labels(string prefix, IEnumerable<string> keys) => keys.ToDictionary(k => k, k => t[prefix + k].Value);
}
