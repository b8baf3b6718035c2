using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>Who may manage an event: organisers and administrators any event; a community's leaders
/// the events their community co-organises.</summary>
public class EventAccess(AppDbContext db)
{
    public static bool IsOrganiser(ClaimsPrincipal user) => user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.Administrator);

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The published communities this person leads, by name.</summary>
    public async Task<IReadOnlyList<CommunityChoice>> LedCommunitiesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = UserId(user);
        return userId is null
            ? []
            : await db.CommunityMemberships.AsNoTracking()
                .Where(m => m.UserId == userId && m.IsLeader && m.Community!.Status == CommunityStatus.Published)
                .OrderBy(m => m.Community!.Name)
                .Select(m => new CommunityChoice(m.CommunityId, m.Community!.Name, m.Community.Slug))
                .ToListAsync(ct);
    }

    /// <summary>Kinds a leader may create in their community's name; forums, the Dižkūre and study
    /// trips are the partnerships' own (organisers).</summary>
    public static readonly IReadOnlyList<EventKind> LeaderKinds = [EventKind.CommunityEvent, EventKind.Workshop];

    /// <summary>May this person create events at all (organiser, or leader of a published community)?</summary>
    public async Task<bool> CanCreateAsync(ClaimsPrincipal user, CancellationToken ct) =>
        IsOrganiser(user) || (await LedCommunitiesAsync(user, ct)).Count > 0;

    public async Task<bool> CanManageAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        if (IsOrganiser(user))
        {
            return true;
        }

        var userId = UserId(user);
        return userId is not null && await db.Events.Where(e => e.Id == eventId)
            .SelectMany(e => e.Communities)
            .AnyAsync(c => c.Status == CommunityStatus.Published && c.Memberships.Any(m => m.UserId == userId && m.IsLeader), ct);
    }

    /// <summary>The events this person may manage, for the organiser list.</summary>
    public IQueryable<Event> Manageable(ClaimsPrincipal user)
    {
        if (IsOrganiser(user))
        {
            return db.Events;
        }

        var userId = UserId(user);
        return db.Events.Where(e => e.Communities.Any(c => c.Status == CommunityStatus.Published && c.Memberships.Any(m => m.UserId == userId && m.IsLeader)));
    }
}

public sealed record CommunityChoice(int Id, string Name, string Slug);
