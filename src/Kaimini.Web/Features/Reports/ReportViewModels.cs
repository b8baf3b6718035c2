using Kaimini.Web.Data;

namespace Kaimini.Web.Features.Reports;

/// <summary>A named breakdown (its cells already through the small-cell rule) with the indicator it
/// breaks down and how its keys are named.</summary>
public sealed record BreakdownTable(string TitleKey, Indicator Indicator, Breakdown Breakdown, IReadOnlyDictionary<string, string> Labels);

/// <summary>A unit to drill down into, or to step back out to.</summary>
public sealed record TerritoryLinkItem(string Slug, string Name);

public sealed record ReportViewModel(
    ReportFilter Filter,
    ReportScope Scope,
    ReferenceData Reference,
    IReadOnlyDictionary<Aim, IReadOnlyList<FigureRow>> Sections,
    IReadOnlyList<BreakdownTable> Breakdowns,
    IReadOnlyList<TieRow> Ties,
    IReadOnlyList<TerritoryLinkItem> DrillDown,
    TerritoryLinkItem? Up,
    string? OwnNovadsSlug)
{
    public IEnumerable<BreakdownTable> BreakdownsFor(Aim aim) => Breakdowns.Where(b => b.Indicator.Aim == aim);
}

public sealed record StaffRow(string Id, string DisplayName, string Email, int? NovadsId);

public sealed record ReportSettingsViewModel(IReadOnlyList<StaffRow> Staff, ReferenceData Reference);

public sealed class NovadsForm
{
    public int? NovadsId { get; set; }
}
