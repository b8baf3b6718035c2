using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Web.Features.Events;

public sealed record EventFilter
{
    public EventKind? Kind { get; init; }
    public string? Novads { get; init; }
    public string? Former { get; init; }
    public string? Theme { get; init; }

    /// <summary>Past events instead of upcoming ones.</summary>
    public bool Past { get; init; }

    public bool Any => Kind is not null || Novads is not null || Former is not null || Theme is not null;
}

/// <param name="Latitude">The venue's point, if the organiser set one (<see cref="Domain.Event.Latitude"/>).</param>
public sealed record EventCardRow(string Slug, string Title, string? TitleEn, EventKind Kind, EventStatus Status, EventAudience Audience, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, string Venue, int TerritoryId, decimal? Latitude, decimal? Longitude)
{
    /// <summary>A card for a list without a map.</summary>
    public EventCardRow(string slug, string title, string? titleEn, EventKind kind, EventStatus status, EventAudience audience, DateTimeOffset startsAt,
        DateTimeOffset endsAt, string venue, int territoryId)
        : this(slug, title, titleEn, kind, status, audience, startsAt, endsAt, venue, territoryId, null, null)
    {
    }

    public EventCard ToCard(ReferenceData refData) => new(Slug, new LocalText(Title, TitleEn), Kind, Status, Audience, StartsAt, EndsAt, Venue, refData.PlaceLine(TerritoryId),
        GeoPoint.Of(Latitude, Longitude) ?? refData.PointOf(TerritoryId));
}

/// <param name="Point">The venue's point, or its place's.</param>
public sealed record EventCard(string Slug, LocalText Title, EventKind Kind, EventStatus Status, EventAudience Audience, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, string Venue, string Place, GeoPoint? Point = null);

public sealed record EventListViewModel(EventFilter Filter, ReferenceData Reference, PagedList<EventCard> Events);

/// <param name="Next">The next event to come, when none is left in the month shown.</param>
/// <param name="MovedToNext">The calendar opened on a later month than today's, which had no more events.</param>
public sealed record EventCalendarViewModel(EventFilter Filter, ReferenceData Reference, DateOnly Month, DateOnly Today, IReadOnlyList<EventCard> Events,
    EventCard? Next = null, bool MovedToNext = false)
{
    /// <summary>The days of the month that have events, in order, for the list shown on narrow screens.</summary>
    public IEnumerable<(DateOnly Day, IReadOnlyList<EventCard> Events)> Days() =>
        Enumerable.Range(0, Month.AddMonths(1).DayNumber - Month.DayNumber).Select(Month.AddDays)
            .Select(d => (d, (IReadOnlyList<EventCard>)On(d).ToList())).Where(x => x.Item2.Count > 0);

    /// <summary>The weeks shown, Monday to Sunday, covering the whole month.</summary>
    public IEnumerable<DateOnly[]> Weeks()
    {
        var start = Month.AddDays(-(((int)Month.DayOfWeek + 6) % 7));
        for (var monday = start; monday < Month.AddMonths(1); monday = monday.AddDays(7))
        {
            yield return Enumerable.Range(0, 7).Select(monday.AddDays).ToArray();
        }
    }

    /// <summary>The events on a day in Riga (a retreat appears on each of its days).</summary>
    public IEnumerable<EventCard> On(DateOnly day) =>
        Events.Where(e => DateOnly.FromDateTime(e.StartsAt.ToRiga().Date) <= day && day <= DateOnly.FromDateTime(e.EndsAt.ToRiga().Date));
}

/// <summary>Whether the person looking may sign up, and if not, what would let them.</summary>
public enum SignUpAccess
{
    Open,

    /// <summary>For community leaders, and nobody is signed in.</summary>
    SignInAsLeader,

    /// <summary>For community leaders, and the person signed in leads no community in the directory.</summary>
    LeadersOnly,

    /// <summary>By invitation, and the page was not opened from a valid invitation link.</summary>
    InvitationOnly,
}

public sealed record AgendaLine(string? Time, string Title);

public sealed record GroupLine(int Id, string NameLv, string NameEn) : ILocalName
{
    public string Name(string culture) => this.NameFor(culture);
}

public sealed record EventPageViewModel(Event Event, Microsoft.AspNetCore.Html.IHtmlContent Description, string Place, string? Theme,
    PlacesTaken Places, IReadOnlyList<string> Attendees, IReadOnlyList<AgendaLine> Agenda, IReadOnlyList<GroupLine> Groups,
    IReadOnlyList<CommunityChoice> Communities, SignUpWindow SignUp, SignUpForm Form, ReferenceData Reference,
    IReadOnlyList<CommunityChoice> MyCommunities, bool CanManage,
    Microsoft.AspNetCore.Html.IHtmlContent Outcome, Microsoft.AspNetCore.Html.IHtmlContent Decisions,
    MyRegistration? Mine = null, SignUpAccess Access = SignUpAccess.Open, Invitation? Invitation = null)
{
    public int Id => Event.Id;
    public string Slug => Event.Slug;

    /// <summary>The title in the page's language (the Latvian one marked when there is no English).</summary>
    public LocalText Title => Event.LocalTitle();

    public int? PlacesLeft => Event.Capacity is { } c ? Math.Max(0, c - Places.Total) : null;
}
