using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Following;

/// <summary>The follow button of a page: a login link for visitors (the page may be cached for
/// them), else a form that follows or unfollows; <paramref name="Followers"/> only for the leaders
/// of a community (how many, never who).</summary>
public sealed record FollowButtonViewModel(FollowKind Kind, int TargetId, bool SignedIn, bool Following, string ReturnUrl, int? Followers);

public sealed record FollowedItem(FollowKind Kind, int TargetId, string Name, string Url, string? Note);

public sealed record FollowingViewModel(IReadOnlyList<FollowedItem> Communities, IReadOnlyList<FollowedItem> Territories, IReadOnlyList<FollowedItem> Themes, bool WeeklyDigest)
{
    public bool None => Communities.Count == 0 && Territories.Count == 0 && Themes.Count == 0;
}
