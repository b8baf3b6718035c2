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
        // The previous period, the ties and the breakdowns that read their own rows on a connection of
        // their own, alongside the current period and the breakdowns it already counted: a report takes
        // about as long as one period.
        await queries.RefreshAsync(ct);
        await using var other = scopes.CreateAsyncScope();
        var otherTask = OtherAsync(other.ServiceProvider.GetRequiredService<ReportQueries>(), scope, ct);
        var currentTask = queries.FiguresAsync(scope, scope.Current, ct);
        // Both finish before the other scope goes, whichever fails.
        await Task.WhenAll(currentTask, otherTask);
        var current = ReportFigures.ShowAll(await currentTask);
        var (previousRaw, ties, byLegalForm, byGroup, implementedBy) = await otherTask;
        var previous = ReportFigures.ShowAll(previousRaw);

        // A breakdown is one line here: its title, the indicator it splits, its query and how its keys
        // are named (chart: true draws it as bars beside its table).
        var culture = Cultures.Current;
        var byTheme = await queries.IdeasByThemeAsync(scope, ct);
        var breakdowns = new List<BreakdownTable>
        {
            Table("Reports.Breakdown.LegalForm", Indicators.Communities, byLegalForm, Labels<LegalForm>("LegalForm.")),
            Table("Reports.Breakdown.EventKind", Indicators.EventsHeld, await queries.EventsByKindAsync(scope, ct), Labels<EventKind>("EventKind."), chart: true),
            // A person who came as two types counts in both: no total to subtract from, so the
            // breakdown is shown with the unique participants as its base.
            Table("Reports.Breakdown.ParticipantClass", Indicators.UniqueParticipants, await queries.ParticipantsByClassAsync(scope, ct), Labels<ParticipantClass>("Reports.Participant.")),
            Table("Reports.Breakdown.IdeaSource", Indicators.IdeasCollected, await queries.IdeasBySourceAsync(scope, ct), Labels<IdeaSource>("Reports.IdeaSource.")),
            Table("Reports.Breakdown.IdeaTheme", Indicators.IdeasCollected, byTheme.Select(x => (x.Key?.ToString() ?? "none", x.Count)).ToList(),
                byTheme.ToDictionary(x => x.Key?.ToString() ?? "none",
                    x => x.Key is { } th && refData.ThemeById.TryGetValue(th, out var info) ? info.Name(culture) : t["Reports.NoTheme"].Value), chart: true),
            Table("Reports.Breakdown.ForumGroup", Indicators.IdeasCollected, byGroup.Select(x => (x.Lv, x.Count)).ToList(),
                byGroup.ToDictionary(x => x.Lv, x => LocalName.For(culture, x.Lv, x.En))),
            Table("Reports.Breakdown.Addressee", Indicators.IdeasCollected, await queries.IdeasByAddresseeAsync(scope, ct), Labels<IdeaAddressee>("IdeaAddressee.")),
            Table("Reports.Breakdown.Outcome", Indicators.IdeasAnswered, await queries.AnswersByOutcomeAsync(scope, ct), Labels<IdeaResponse>("IdeaResponse.")),
            Table("Reports.Breakdown.ImplementedBy", Indicators.IdeasImplementedInPeriod, implementedBy,
                Labels<IdeaImplementer>("IdeaImplementer.")),
        };
        // The last of the report's statements: the request may write again (an export's audit entry).
        await queries.EndSessionAsync();

        var aims = Enum.GetValues<Aim>().Select(aim => new AimSection(aim,
            ReportFigures.Rows(Indicators.For(aim), current, previous),
            breakdowns.Where(b => b.Indicator.Aim == aim).ToList())).ToList();
        return new Report(Header(scope), aims, ties, Funnel(current));
    }

    private static async Task<(Dictionary<Indicator, RawFigure> Previous, List<TieRow> Ties, List<(string Key, long Count)> ByLegalForm,
        List<(string Lv, string En, long Count)> ByGroup, List<(string Key, long Count)> ImplementedBy)> OtherAsync(
        ReportQueries queries, ReportScope scope, CancellationToken ct) =>
        (await queries.FiguresAsync(scope, scope.Previous, ct), await queries.TieTableAsync(scope, 20, ct),
            await queries.CommunitiesByLegalFormAsync(scope, ct), await queries.IdeasByForumGroupAsync(scope, ct),
            await queries.IdeasImplementedByAsync(scope, ct));

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
