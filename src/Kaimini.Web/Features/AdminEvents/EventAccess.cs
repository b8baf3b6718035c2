using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>Which communities a person leads and which events they may list and create. Whether they
/// may manage one event is <see cref="EventAuthorizationHandler"/>'s decision.</summary>
public class EventAccess(AppDbContext db)
{
    public static bool IsOrganiser(ClaimsPrincipal user) => Policies.IsOrganiser(user);

    public static string? UserId(ClaimsPrincipal user) => Policies.UserId(user);

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
