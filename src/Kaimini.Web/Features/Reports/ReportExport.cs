using System.Text.Json;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Reports;

/// <summary>What an export leaves behind: its audit entry (who, which report, which format, which
/// filters, when) and its file name.</summary>
public static class ReportExport
{
    public const string EntityType = "Report";

    /// <summary>The staff report at /reports (the only one exported so far).</summary>
    public const string ReportKey = "reports";

    public const string Action = "exported";

    /// <summary>The filters as the report applied them (a staff member's own novads included, the
    /// period resolved to its days), with the format: <c>{"Format":"xlsx","Period":"year",…}</c>.</summary>
    public static AuditEntry AuditEntry(string? userId, string format, ReportScope scope, DateTimeOffset now) => new()
    {
        At = now,
        UserId = userId,
        EntityType = EntityType,
        EntityId = ReportKey,
        Action = Action,
        Changes = JsonSerializer.Serialize(new ExportRecord(format, scope.Period.ToString(), scope.Current.FirstDay.ToString("yyyy-MM-dd"),
            scope.Current.LastDay.ToString("yyyy-MM-dd"), scope.Territory?.Slug ?? ReportFilter.AllTerritories, scope.Theme?.Slug,
            scope.Kind?.ToString(), scope.Participant?.ToString())),
    };

    /// <summary>kaimini-parskats-2026-olaines-novads.xlsx: ASCII only, the period (2026, 2026-q3,
    /// 2026-07 or from-to) and the territory.</summary>
    public static string FileName(ReportScope scope, string stem, string wholeNetwork, string extension)
    {
        var first = scope.Current.FirstDay;
        var period = scope.Period switch
        {
            PeriodKind.Year => $"{first:yyyy}",
            PeriodKind.Quarter => $"{first:yyyy}-q{(first.Month - 1) / 3 + 1}",
            PeriodKind.Month => $"{first:yyyy-MM}",
            _ => $"{first:yyyy-MM-dd}-{scope.Current.LastDay:yyyy-MM-dd}",
        };
        return $"{Slug.From(stem)}-{period}-{scope.Territory?.Slug ?? Slug.From(wholeNetwork)}.{extension}";
    }
}

/// <summary>The audit entry's JSON for one export.</summary>
public sealed record ExportRecord(string Format, string Period, string From, string To, string Territory, string? Theme, string? Kind, string? Participant);
