using Kaimini.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.OutputCaching;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Output caching for public pages that anonymous visitors read most: the home page, the
/// directory and its searches, territories and leaders. A page is cached per address (query
/// included) and language for <see cref="Duration"/>, and dropped at once when a community or a
/// leader profile changes (<see cref="Tag"/>). Logged-in people, requests carrying a status
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
        return services;
    }

    private static OutputCachePolicyBuilder Public(OutputCachePolicyBuilder b) => b
        .Expire(Duration)
        .SetVaryByQuery("*")
        .VaryByValue(_ => new KeyValuePair<string, string>("culture", Cultures.Current))
        .With(c => !c.HttpContext.Request.Cookies.ContainsKey(WebExtensions.TempDataCookie));

    /// <summary>After a change that public pages show.</summary>
    public static ValueTask EvictAsync(this IOutputCacheStore store, CancellationToken ct) => store.EvictByTagAsync(Tag, ct);

    /// <summary>After a change to an idea (submitted, supported, moderated, answered).</summary>
    public static ValueTask EvictIdeasAsync(this IOutputCacheStore store, CancellationToken ct) => store.EvictByTagAsync(IdeasTag, ct);
}
