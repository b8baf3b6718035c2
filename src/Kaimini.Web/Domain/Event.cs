namespace Kaimini.Web.Domain;

public enum EventKind
{
    /// <summary>Iedzīvotāju forums „Ideju skrejceļš”.</summary>
    Forum = 1,

    /// <summary>Līderu retrīts „Dižkūre”.</summary>
    Retreat = 2,

    /// <summary>Pieredzes apmaiņas brauciens.</summary>
    StudyTrip = 3,

    Workshop = 4,
    CommunityEvent = 5,
}

public enum EventStatus
{
    Draft = 1,
    Published = 2,
    Cancelled = 3,
    Completed = 4,
}

/// <summary>A gathering of the network: a residents' forum, the Dižkūre retreat, a study trip, a
/// workshop or a community's own event. Times are stored in UTC and shown in Riga time.</summary>
public class Event
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public EventKind Kind { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public required string Venue { get; set; }
    public string? Address { get; set; }
    public int TerritoryId { get; set; }
    public Territory? Territory { get; set; }

    /// <summary>Null: no limit.</summary>
    public int? Capacity { get; set; }

    /// <summary>Sign-ups close then (default: when the event starts).</summary>
    public DateTimeOffset? RegistrationClosesAt { get; set; }

    public EventStatus Status { get; set; } = EventStatus.Draft;
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public ICollection<EventRegistration> Registrations { get; } = [];

    /// <summary>Open for sign-ups at this moment.</summary>
    public bool AcceptsSignUpsAt(DateTimeOffset now) =>
        Status == EventStatus.Published && now < (RegistrationClosesAt ?? StartsAt);
}
