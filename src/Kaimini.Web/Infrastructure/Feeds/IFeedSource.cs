namespace Kaimini.Web.Infrastructure.Feeds;

/// <summary>A kind of entry the portal's Atom feeds carry (news, events, …). Each source is
/// registered as <c>IFeedSource</c>; <see cref="AtomFeeds"/> merges every source into the community
/// and territory feeds, and a network feed of one kind asks for its <see cref="Key"/>.</summary>
public interface IFeedSource
{
    /// <summary>The entries' category ("news", "events").</summary>
    string Key { get; }

    /// <summary>The newest <paramref name="limit"/> entries in the scope, newest first (by publication).</summary>
    Task<IReadOnlyList<FeedEntry>> EntriesAsync(FeedScope scope, int limit, CancellationToken ct);
}
