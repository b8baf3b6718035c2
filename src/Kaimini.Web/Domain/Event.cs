using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;

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

/// <summary>Who may sign up.</summary>
public enum EventAudience
{
    Public = 1,

    /// <summary>Only people who lead a community in the directory.</summary>
    LeadersOnly = 2,

    /// <summary>Only addresses an organiser invited.</summary>
    InvitationOnly = 3,
}

/// <summary>The two associations that run the project; an event can be organised by either or both.</summary>
[Flags]
public enum Partnerships
{
    None = 0,
    PierigasPartneriba = 1,
    PartneribaDaugavkrasts = 2,
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

    /// <summary>Optional English title; the English interface falls back to <see cref="Title"/>.</summary>
    public string? TitleEn { get; set; }

    public EventKind Kind { get; set; }
    public string? Description { get; set; }

    /// <summary>Optional English description (Markdown, like <see cref="Description"/>).</summary>
    public string? DescriptionEn { get; set; }

    /// <summary>The longest an event may last (the two-day Dižkūre, a study trip of a few days, a
    /// summer camp fit). The form refuses longer ones and the database checks it
    /// (<c>ck_events_duration</c>), so an event that is not over started at most this long ago: the
    /// lists of coming events read only that stretch of the <c>starts_at</c> index (<see cref="NotOverAt"/>).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(14);

    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>Why an event cannot start and end at these times (a resource key), or null.</summary>
    public static string? ScheduleProblem(DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        endsAt <= startsAt ? "Event.Error.EndBeforeStart"
        : endsAt - startsAt > MaxDuration ? "Event.Error.TooLong"
        : null;

    /// <summary>Sets the start and end; refuses an end before the start or after <see cref="MaxDuration"/>.</summary>
    public void Schedule(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        if (ScheduleProblem(startsAt, endsAt) is { } problem)
        {
            throw new ArgumentException($"Event {Id} cannot run from {startsAt:O} to {endsAt:O} ({problem}).", nameof(endsAt));
        }

        (StartsAt, EndsAt) = (startsAt, endsAt);
    }

    /// <summary>Events not over at <paramref name="now"/>, for queries. The bound on the start adds
    /// nothing to what is found (no event lasts longer than <see cref="MaxDuration"/>), but lets
    /// PostgreSQL read the coming events from the index instead of walking past every finished one
    /// (Latvia scale: ~0.5 ms instead of 3-6 ms).</summary>
    public static Expression<Func<Event, bool>> NotOverAt(DateTimeOffset now)
    {
        var earliestStart = now - MaxDuration;
        return e => e.EndsAt >= now && e.StartsAt >= earliestStart;
    }
    public required string Venue { get; set; }
    public string? Address { get; set; }

    /// <summary>The venue's point on the map (optional; <see cref="GeoPoint"/>). Without it the map
    /// shows the event at its place's point.</summary>
    public decimal? Latitude { get; set; }

    public decimal? Longitude { get; set; }

    public int TerritoryId { get; set; }
    public Territory? Territory { get; set; }

    /// <summary>Null: no limit.</summary>
    public int? Capacity { get; set; }

    /// <summary>Sign-ups close then (default: when the event starts).</summary>
    public DateTimeOffset? RegistrationClosesAt { get; set; }

    /// <summary>Sign-ups open then (default: as soon as the event is published).</summary>
    public DateTimeOffset? RegistrationOpensAt { get; set; }

    public EventAudience Audience { get; set; } = EventAudience.Public;
    public int? ThemeId { get; set; }
    public Partnerships OrganisingPartnerships { get; set; }

    /// <summary>Study trips: places kept for NGO representatives and for municipality staff (null: no quota).</summary>
    public int? NgoQuota { get; set; }

    public int? MunicipalityQuota { get; set; }

    /// <summary>Confirmed participants are reminded this many hours before the start (null: no reminder).</summary>
    public int? ReminderHoursBefore { get; set; } = 48;

    public EventStatus Status { get; set; } = EventStatus.Draft;
    public string? CancellationNotice { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>The outcome an organiser records after the event.</summary>
    public string? OutcomeSummary { get; set; }

    public string? OutcomeDecisions { get; set; }
    public int? HeadCount { get; set; }
    public DateTimeOffset? OutcomeRecordedAt { get; set; }

    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was announced (published), for the weekly digest's "new events"; null for a draft.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ICollection<EventRegistration> Registrations { get; } = [];

    /// <summary>The community in whose name a leader created the event: it stays among the
    /// co-organisers whoever edits the event. Null for the partnerships' own events.</summary>
    public int? OwnerCommunityId { get; set; }

    /// <summary>Communities that co-organise the event; their leaders may edit it. Another community
    /// joins only when one of its leaders accepts a <see cref="CoOrganiserRequest"/>.</summary>
    public ICollection<Community> Communities { get; } = [];

    public ICollection<AgendaItem> Agenda { get; } = [];
    public ICollection<ForumGroup> Groups { get; } = [];

    /// <summary>"Venue, address", as e-mails and calendars give the place (not stored).</summary>
    public string Location => Address is null ? Venue : $"{Venue}, {Address}";

    /// <summary>Whether people can sign up at <paramref name="now"/>: only a published event, from
    /// the opening time (if any) until sign-ups close (by default when the event starts).</summary>
    public SignUpWindow SignUpWindowAt(DateTimeOffset now) =>
        Status != EventStatus.Published || now >= (RegistrationClosesAt ?? StartsAt) ? SignUpWindow.Closed
        : RegistrationOpensAt is { } opens && now < opens ? SignUpWindow.NotYetOpen
        : SignUpWindow.Open;

    public bool IsSignUpOpenAt(DateTimeOffset now) => SignUpWindowAt(now) == SignUpWindow.Open;

    /// <summary>Only a draft can be published.</summary>
    public bool CanBePublished => Status == EventStatus.Draft;

    public void Publish(DateTimeOffset now)
    {
        if (!CanBePublished)
        {
            throw new InvalidOperationException($"Event {Id} is {Status}: only a draft can be published.");
        }

        Status = EventStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
    }

    /// <summary>A draft or a published event can be cancelled; a cancelled or completed one cannot.</summary>
    public bool CanBeCancelled => Status is EventStatus.Draft or EventStatus.Published;

    /// <summary>Cancels the event with the notice its registrants are sent.</summary>
    [MemberNotNull(nameof(CancellationNotice), nameof(CancelledAt))]
    public void Cancel(string notice, DateTimeOffset now)
    {
        if (!CanBeCancelled)
        {
            throw new InvalidOperationException($"Event {Id} is {Status}: it cannot be cancelled.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(notice);
        Status = EventStatus.Cancelled;
        CancellationNotice = notice.Trim();
        CancelledAt = now;
        UpdatedAt = now;
    }

    /// <summary>An outcome is recorded once the event has started, unless it is a draft or cancelled;
    /// recording it again replaces it.</summary>
    public bool CanRecordOutcomeAt(DateTimeOffset now) =>
        Status is not (EventStatus.Draft or EventStatus.Cancelled) && now >= StartsAt;

    /// <summary>Records what the event achieved; the event counts as completed from then on.</summary>
    [MemberNotNull(nameof(OutcomeSummary), nameof(OutcomeRecordedAt))]
    public void RecordOutcome(string summary, string? decisions, int? headCount, DateTimeOffset now)
    {
        if (!CanRecordOutcomeAt(now))
        {
            throw new InvalidOperationException($"Event {Id} is {Status} and starts at {StartsAt:O}: no outcome can be recorded at {now:O}.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        OutcomeSummary = summary.Trim();
        OutcomeDecisions = string.IsNullOrWhiteSpace(decisions) ? null : decisions.Trim();
        HeadCount = headCount;
        OutcomeRecordedAt = now;
        Status = EventStatus.Completed;
        UpdatedAt = now;
    }
}

/// <summary>Where an event stands for sign-ups at a moment (<see cref="Event.SignUpWindowAt(DateTimeOffset)"/>).</summary>
public enum SignUpWindow
{
    Open,
    NotYetOpen,
    Closed,
}

/// <summary>One line of an event's programme, in order.</summary>
public class AgendaItem
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int Position { get; set; }

    /// <summary>As the organiser writes it: "10.00–10.30", "2. diena, 9.00".</summary>
    public string? Time { get; set; }

    public required string Title { get; set; }
}

/// <summary>A thematic group of a forum; ideas are gathered per group.</summary>
public class ForumGroup : ILocalName
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public int Position { get; set; }
    public required string NameLv { get; set; }
    public required string NameEn { get; set; }
}
