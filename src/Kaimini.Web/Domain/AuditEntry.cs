namespace Kaimini.Web.Domain;

/// <summary>Who changed what, when: one row per change of a community (and later other records).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Null once the account is deleted.</summary>
    public string? UserId { get; set; }

    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>"created", "updated", "approved", "rejected" …</summary>
    public required string Action { get; set; }

    /// <summary>Changed fields as JSON: {"Name": ["old", "new"]}.</summary>
    public string? Changes { get; set; }
}
