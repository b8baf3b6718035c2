using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Reports;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Kaimini.Web.Features.Results;

/// <summary>/rezultati: the network's headline figures for everyone, for the whole network and per
/// novads, this year against last year, under the same small-cell rule as the staff reports: how
/// many took part (also per 1,000 residents, where the population is known) and what became of the
/// ideas, up to those carried out.</summary>
public class ResultsController(ReportQueries queries, ReferenceCache reference, TimeProvider clock) : Controller
{
    public static readonly IReadOnlyList<Indicator> Headline =
        [Indicators.Communities, Indicators.EventsHeld, Indicators.UniqueParticipants, Indicators.ParticipantsPer1000, Indicators.IdeasCollected,
            Indicators.IdeasToMunicipality, Indicators.AnswerRate, Indicators.IdeasImplementedInPeriod];

    [HttpGet("/rezultati")]
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        var scope = ReportScope.Resolve(new ReportFilter { Period = PeriodKind.Year }, refData, clock.GetUtcNow());
        var current = await queries.HeadlinesAsync(scope, scope.Current, ct);
        var previous = await queries.HeadlinesAsync(scope, scope.Previous, ct);
        var novadi = refData.OfKind(TerritoryKind.Novads).OrderBy(n => n.Name, Cultures.LatvianComparer).ToList();
        foreach (var area in novadi.Select(n => (n.Id, n.Slug)).Prepend((Id: 0, Slug: ReportFilter.AllTerritories)))
        {
            var areaScope = ReportScope.Resolve(new ReportFilter { Period = PeriodKind.Year, Territory = area.Slug }, refData, clock.GetUtcNow());
            PutPerThousand(current, area.Id, await queries.PerThousandAsync(areaScope, areaScope.Current, ct));
            PutPerThousand(previous, area.Id, await queries.PerThousandAsync(areaScope, areaScope.Previous, ct));
        }

        var areas = new List<ResultArea> { new(null, Rows(0)) };
        areas.AddRange(novadi.Select(n => new ResultArea(n, Rows(n.Id))));
        return View(new ResultsViewModel(scope, areas));

        IReadOnlyList<FigureRow> Rows(int key) => Headline.Select(i => new FigureRow(i, Shown(current, i, key, novadi), Shown(previous, i, key, novadi))).ToList();
    }

    private static void PutPerThousand(Dictionary<int, Dictionary<Indicator, RawFigure>> figures, int key, RawFigure figure) =>
        (figures.TryGetValue(key, out var area) ? area : figures[key] = [])[Indicators.ParticipantsPer1000] = figure;

    /// <summary>A figure of one area. Counts of people per novads are a breakdown of the network's
    /// count, so they go through the breakdown rule (a second novads is hidden with a small one).</summary>
    private static ShownValue Shown(Dictionary<int, Dictionary<Indicator, RawFigure>> figures, Indicator indicator, int key, IReadOnlyList<TerritoryInfo> novadi)
    {
        RawFigure Raw(int k) => figures.GetValueOrDefault(k)?.GetValueOrDefault(indicator) ?? new RawFigure(indicator.Unit == FigureUnit.Measure ? null : 0);
        if (indicator == Indicators.ParticipantsPer1000 && key != 0
            && Shown(figures, Indicators.UniqueParticipants, key, novadi) is { Hidden: true } people)
        {
            // The rate times the population would give back a count hidden to protect a small one.
            return people with { Value = null };
        }

        if (key == 0 || indicator.Unit != FigureUnit.People)
        {
            return ReportFigures.Show(indicator, Raw(key));
        }

        var cells = novadi.Select(n => (n.Id.ToString(), (long)(Raw(n.Id).Value ?? 0))).ToList();
        var breakdown = SmallCells.Apply(cells, (long)(Raw(0).Value ?? 0), FigureUnit.People);
        var own = (long)(Raw(key).Value ?? 0);
        if (!breakdown.Shown)
        {
            return own == 0 ? new ShownValue(0, CellState.Shown) : new ShownValue(null, CellState.Small);
        }

        var cell = breakdown.Cells.Single(c => c.Key == key.ToString());
        return new ShownValue(cell.Value, cell.State);
    }
}

public sealed record ResultArea(TerritoryInfo? Novads, IReadOnlyList<FigureRow> Rows);

public sealed record ResultsViewModel(ReportScope Scope, IReadOnlyList<ResultArea> Areas);
