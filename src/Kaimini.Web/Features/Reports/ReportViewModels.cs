using Kaimini.Web.Data;

namespace Kaimini.Web.Features.Reports;

/// <summary>A unit to drill down into, or to step back out to.</summary>
public sealed record TerritoryLinkItem(string Slug, string Name);

public sealed record ReportViewModel(
    ReportFilter Filter,
    ReportScope Scope,
    ReferenceData Reference,
    Report Report,
    ReportCharts Charts,
    IReadOnlyList<TerritoryLinkItem> DrillDown,
    TerritoryLinkItem? Up,
    string? OwnNovadsSlug);

public sealed record StaffRow(string Id, string DisplayName, string Email, int? NovadsId);

public sealed record ReportSettingsViewModel(IReadOnlyList<StaffRow> Staff, ReferenceData Reference);

public sealed class NovadsForm
{
    public int? NovadsId { get; set; }
}
