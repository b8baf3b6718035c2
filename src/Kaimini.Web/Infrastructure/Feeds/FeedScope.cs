using Kaimini.Web.Data;

namespace Kaimini.Web.Infrastructure.Feeds;

/// <summary>Whose entries a feed carries: the whole network, one community, or one territory (a
/// novads, a former novads, a town or parish, with everything inside it).</summary>
public sealed record FeedScope(int? CommunityId, TerritoryInfo? Territory)
{
    public static readonly FeedScope Network = new(null, null);

    public static FeedScope Community(int id) => new(id, null);

    public static FeedScope In(TerritoryInfo territory) => new(null, territory);
}
