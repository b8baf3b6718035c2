namespace Kaimini.Web.Domain;

public enum CoOrganiserRequestStatus
{
    Pending = 1,
    Accepted = 2,
    Declined = 3,
}

/// <summary>An event's manager asks a community they do not lead to co-organise the event. The
/// community's leaders get its management only once one of them accepts.</summary>
public class CoOrganiserRequest
{
    public Guid Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }

    /// <summary>Null once the sender deleted their account.</summary>
    public string? RequestedById { get; set; }
    public AppUser? RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
    public CoOrganiserRequestStatus Status { get; set; } = CoOrganiserRequestStatus.Pending;
    public string? AnsweredById { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}
