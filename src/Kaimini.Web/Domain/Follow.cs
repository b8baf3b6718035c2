namespace Kaimini.Web.Domain;

/// <summary>What a follow is of.</summary>
public enum FollowKind
{
    Community = 1,

    /// <summary>A novads, a former novads, or a town or parish.</summary>
    Territory = 2,

    Theme = 3,
}

/// <summary>A signed-in person follows a community, a territory or a theme (for the digest to come).
/// Exactly one target column is set (a check constraint says so); each has its foreign key, so a
/// follow goes with its target and with the person's account.</summary>
public class Follow
{
    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public AppUser? User { get; private set; }
    public int? CommunityId { get; private set; }
    public Community? Community { get; private set; }
    public int? TerritoryId { get; private set; }
    public Territory? Territory { get; private set; }
    public int? ThemeId { get; private set; }
    public Theme? Theme { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private Follow()
    {
    }

    public static Follow Of(string userId, FollowKind kind, int targetId, DateTimeOffset now) => new()
    {
        UserId = userId,
        CommunityId = kind == FollowKind.Community ? targetId : null,
        TerritoryId = kind == FollowKind.Territory ? targetId : null,
        ThemeId = kind == FollowKind.Theme ? targetId : null,
        CreatedAt = now,
    };

    public FollowKind Kind => CommunityId is not null ? FollowKind.Community : TerritoryId is not null ? FollowKind.Territory : FollowKind.Theme;

    public int TargetId => CommunityId ?? TerritoryId ?? ThemeId!.Value;
}
