using System.Text.Json;
using Kaimini.Web.Features.Shared;

namespace Kaimini.Web.Features.AdminAudit;

public sealed class AuditFilter
{
    public string? Type { get; set; }
    public string? Who { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>A changed field (<paramref name="Pair"/>: before and after) or a recorded value.</summary>
public sealed record AuditChange(string Field, string? Before, string? After, bool Pair)
{
    /// <summary>{"Name": ["old", "new"]} as field, old and new text; anything else as it is.</summary>
    public static IReadOnlyList<AuditChange> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [new AuditChange("", null, json, Pair: false)];
        }

        return doc.RootElement.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2
                ? new AuditChange(p.Name, Text(p.Value[0]), Text(p.Value[1]), Pair: true)
                : new AuditChange(p.Name, null, Text(p.Value), Pair: false))
            .ToList();

        static string? Text(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => e.GetString(),
            _ => e.GetRawText(),
        };
    }
}

public sealed record AuditRow(DateTimeOffset At, string? UserId, string? WhoName, string? WhoEmail, string EntityType, string EntityId,
    string? CommunityName, string? CommunitySlug, string Action, IReadOnlyList<AuditChange> Changes);

public sealed record AuditViewModel(AuditFilter Filter, PagedList<AuditRow> Entries);
