using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Following;

/// <summary>Who follows what, read through the indexes that lead with the target.</summary>
public sealed class Follows(AppDbContext db)
{
    public IQueryable<Follow> Of(FollowKind kind, int targetId) => kind switch
    {
        FollowKind.Community => db.Follows.Where(f => f.CommunityId == targetId),
        FollowKind.Territory => db.Follows.Where(f => f.TerritoryId == targetId),
        _ => db.Follows.Where(f => f.ThemeId == targetId),
    };

    public Task<bool> IsFollowingAsync(string userId, FollowKind kind, int targetId, CancellationToken ct) =>
        Of(kind, targetId).AnyAsync(f => f.UserId == userId, ct);

    /// <summary>Whether the target exists and may be followed: a published community; a novads,
    /// former novads, town or parish; a theme.</summary>
    public Task<bool> CanBeFollowedAsync(FollowKind kind, int targetId, CancellationToken ct) => kind switch
    {
        FollowKind.Community => db.Communities.AnyAsync(c => c.Id == targetId && c.Status == CommunityStatus.Published, ct),
        FollowKind.Territory => db.Territories.AnyAsync(t => t.Id == targetId && t.Kind != TerritoryKind.Ciems, ct),
        FollowKind.Theme => db.Themes.AnyAsync(t => t.Id == targetId, ct),
        _ => Task.FromResult(false),
    };
}
