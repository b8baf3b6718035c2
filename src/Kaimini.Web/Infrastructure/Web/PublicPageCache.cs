using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Output caching for public pages that anonymous visitors read most: the home page, the
/// directory and its searches, territories and leaders. A page is cached per path, the query keys
/// it reads (<see cref="OnlyReadQueryKeys"/>) and language for <see cref="Duration"/>, and dropped at once when something it shows
/// is saved (<see cref="TagsByType"/>). Logged-in people, requests carrying a status
/// message, and responses that set cookies are never cached (the framework's default rules plus
/// ours).</summary>
public static class PublicPageCache
{
    public const string Policy = "public-page";
    public const string Tag = "directory";

    /// <summary>Idea and forum pages: a support or an answer drops only these, not the directory.</summary>
    public const string IdeasPolicy = "ideas-page";

    public const string IdeasTag = "ideas";

    /// <summary>Community and territory pages, which show both the directory and the latest ideas:
    /// dropped by a change to either.</summary>
    public const string PlacePolicy = "place-page";
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.AddPolicy(Policy, b => Public(b).Tag(Tag));
            o.AddPolicy(IdeasPolicy, b => Public(b).Tag(IdeasTag));
            o.AddPolicy(PlacePolicy, b => Public(b).Tag(Tag, IdeasTag));
        });
        services.AddSingleton<PublicPageCacheInterceptor>();
        return services;
    }

    private static OutputCachePolicyBuilder Public(OutputCachePolicyBuilder b) => b
        .Expire(Duration)
        .AddPolicy<OnlyReadQueryKeys>()
        .VaryByValue(_ => new KeyValuePair<string, string>("culture", Cultures.Current))
        .With(c => !c.HttpContext.Request.Cookies.ContainsKey(WebExtensions.TempDataCookie));

    /// <summary>Which cached pages show which entities: the one place that decides what a saved
    /// change evicts (<see cref="PublicPageCacheInterceptor"/> on every save, <see cref="EvictForAsync"/>
    /// after a bulk statement). A type that is not here is shown by no cached page.</summary>
    /// <remarks><see cref="Tag"/> pages: home (territories, coming events), directory and territory
    /// pages (communities, their themes), community pages (community, its leaders' and members' public
    /// profiles and names, its events and latest news), /news, /leaders (profiles, names, memberships), /events and the
    /// calendar, /rezultati. <see cref="IdeasTag"/> pages: /ideas and an idea (its history, supports,
    /// the forum and group it belongs to, the community that implemented it), /forums (forum events,
    /// groups, idea counts). Idea changes leave the home page's three newest ideas and /rezultati's
    /// yearly figures to expire (a support would otherwise drop the whole directory), as do
    /// registrations, which only /rezultati counts, and population figures, the base of its per-1,000 rates
    /// (an administrator's yearly import).</remarks>
    private static readonly Dictionary<Type, string[]> TagsByType = new()
    {
        [typeof(Community)] = [Tag, IdeasTag],
        [typeof(CommunityMembership)] = [Tag],
        [typeof(LeaderProfile)] = [Tag],
        [typeof(AppUser)] = [Tag],
        [typeof(Event)] = [Tag, IdeasTag],
        [typeof(ForumGroup)] = [IdeasTag],
        [typeof(Idea)] = [IdeasTag],
        [typeof(IdeaSupport)] = [IdeasTag],
        [typeof(IdeaHistoryEntry)] = [IdeasTag],
        [typeof(Territory)] = [Tag, IdeasTag],
        [typeof(Theme)] = [Tag, IdeasTag],
        [typeof(NewsItem)] = [Tag],
    };

    /// <summary>Many-to-many join tables (shared-type entities, by table name).</summary>
    private static readonly Dictionary<string, string[]> TagsByJoin = new()
    {
        ["community_themes"] = [Tag],
        ["leader_interests"] = [Tag],
        ["event_communities"] = [Tag],
    };

    /// <summary>The tags a saved change to this entry drops, none when no cached page shows it.</summary>
    public static IEnumerable<string> TagsFor(EntityEntry entry)
    {
        if (entry.Metadata.HasSharedClrType)
        {
            return TagsByJoin.GetValueOrDefault(entry.Metadata.Name) ?? [];
        }

        // An account shows only by its name, beside a membership or a public profile (which evict by
        // themselves): a new account shows nowhere yet, and sign-ins and security stamps change the
        // row all the time.
        if (entry.Entity is AppUser && (entry.State == EntityState.Added
            || (entry.State == EntityState.Modified && !entry.Property(nameof(AppUser.DisplayName)).IsModified)))
        {
            return [];
        }

        return TagsFor(entry.Metadata.ClrType);
    }

    public static IReadOnlyList<string> TagsFor(Type entityType) => TagsByType.GetValueOrDefault(entityType) ?? [];

    /// <summary>After a change that bypasses SaveChanges (ExecuteUpdate/ExecuteDelete, raw SQL) to
    /// rows of <paramref name="entityType"/>; saved changes evict by themselves. Call it after the
    /// commit. Not cancellable: the change is already stored.</summary>
    public static async ValueTask EvictForAsync(this IOutputCacheStore store, Type entityType)
    {
        foreach (var tag in TagsFor(entityType))
        {
            await store.EvictByTagAsync(tag, CancellationToken.None);
        }
    }
}
