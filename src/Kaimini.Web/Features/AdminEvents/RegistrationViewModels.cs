using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminEvents;

public sealed record RegistrationRow(Guid Id, string Name, string Email, ParticipantType ParticipantType, int? TerritoryId,
    string? AccessibilityNeeds, RegistrationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? CheckedInAt, string? Community = null,
    bool QuotaApproved = true, bool WalkIn = false)
{
    /// <summary>An event's registrations (of one status), by status and then in the order they came.</summary>
    public static IQueryable<RegistrationRow> Query(AppDbContext db, int eventId, RegistrationStatus? status = null) =>
        db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId && (status == null || r.Status == status))
            .OrderBy(r => r.Status).ThenBy(r => r.CreatedAt)
            .Select(r => new RegistrationRow(r.Id, r.Name, r.Email, r.ParticipantType, r.TerritoryId, r.AccessibilityNeeds, r.Status, r.CreatedAt, r.CheckedInAt,
                db.Communities.Where(c => c.Id == r.CommunityId).Select(c => c.Name).FirstOrDefault() ?? r.CommunityName, r.QuotaApproved, r.WalkIn));
}

public sealed record RegistrationListViewModel(string Slug, LocalText Title, int? Capacity, IReadOnlyList<RegistrationRow> Rows, int WalkIns,
    IReadOnlyDictionary<RegistrationStatus, int> ByStatus, IReadOnlyDictionary<ParticipantType, int> ByType,
    IReadOnlyList<(string Territory, int Count)> ByTerritory);

/// <summary>The door: the confirmed sign-ups to mark, alphabetically (those whose name does not match
/// <paramref name="Query"/> are hidden), the walk-ins added so far and the form for the next.</summary>
public sealed record CheckInViewModel(string Slug, LocalText Title, IReadOnlyList<RegistrationRow> Confirmed, IReadOnlyList<RegistrationRow> WalkIns,
    WalkInForm WalkIn, ReferenceData Reference, string? Query = null)
{
    /// <summary>The search as names are compared: folded (case and diacritics aside), or null.</summary>
    public string? Folded => Query is null ? null : SearchText.Fold(Query);

    public int SignedUp => Confirmed.Count;

    public int Arrived => Confirmed.Count(r => r.CheckedInAt is not null);

    public int Shown => Folded is { } q ? Confirmed.Count(r => SearchText.Fold(r.Name).Contains(q, StringComparison.Ordinal)) : Confirmed.Count;
}

public sealed record SheetAgendaItem(string? Time, string Title);

/// <summary>Confirmed registrations of one kind, and how many of them were checked in.</summary>
public sealed record SheetCount(string Label, int Registered, int Attended);

public sealed record SheetPerson(string Name, string Type, string? Community, string Home, bool Attended);

public sealed record EventSheetViewModel(string Slug, LocalText Title, EventKind Kind, string When, string Venue, string Territory, int? Capacity,
    IReadOnlyList<string> Organisers, IReadOnlyList<SheetAgendaItem> Agenda, IReadOnlyList<SheetCount> ByType, IReadOnlyList<SheetCount> ByHome,
    IReadOnlyList<SheetPerson> People, int WalkIns, DateOnly Printed)
{
    /// <summary>Empty rows at the end of the sign-in list for people who come without signing up.</summary>
    public const int BlankRows = 5;
}
