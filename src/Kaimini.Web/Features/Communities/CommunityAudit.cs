using System.Text.Json;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Communities;

/// <summary>Writes who changed what in a community, and when (added to the caller's save).</summary>
public class CommunityAudit(AppDbContext db, TimeProvider clock)
{
    public static Dictionary<string, string?> Snapshot(Community c) => new()
    {
        ["Name"] = c.Name,
        ["LegalForm"] = c.LegalForm.ToString(),
        ["RegistrationNumber"] = c.RegistrationNumber,
        ["ShortDescription"] = c.ShortDescription,
        ["Description"] = c.Description,
        ["ShortDescriptionEn"] = c.ShortDescriptionEn,
        ["DescriptionEn"] = c.DescriptionEn,
        ["TerritoryId"] = c.TerritoryId.ToString(),
        ["Themes"] = string.Join(",", c.Themes.Select(t => t.Slug).Order()),
        ["FoundedYear"] = c.FoundedYear?.ToString(),
        ["Website"] = c.Website,
        ["PublicEmail"] = c.PublicEmail,
        ["Phone"] = c.Phone,
        ["Street"] = c.Street,
        ["PostalCode"] = c.PostalCode,
        ["SocialLinks"] = string.Join(" ", c.SocialLinks),
        ["Status"] = c.Status.ToString(),
        ["Verified"] = c.Verified.ToString(),
        ["RejectionReason"] = c.RejectionReason,
    };

    /// <summary>Records the fields that differ between two snapshots ({"Name": ["old", "new"]}).</summary>
    public void Record(Community community, string? userId, string action, Dictionary<string, string?>? before)
    {
        var after = Snapshot(community);
        var changes = after
            .Where(p => before is null || before.GetValueOrDefault(p.Key) != p.Value)
            .ToDictionary(p => p.Key, p => new[] { before?.GetValueOrDefault(p.Key), p.Value });
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            EntityType = nameof(Community),
            EntityId = community.Id.ToString(),
            Action = action,
            Changes = JsonSerializer.Serialize(changes),
        });
    }
}
