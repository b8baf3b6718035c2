using Microsoft.AspNetCore.OutputCaching;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>A cached page varies only by the query keys it reads, listed on its action with
/// <c>[OutputCache(PolicyName = ..., VaryByQueryKeys = [...])]</c> (none when not listed), so
/// <c>?x=1</c>, <c>?x=2</c>, … share one entry instead of each making a new one. The other keys are
/// also dropped from the request before the page is rendered: the pager and the language switch copy
/// the query string into links, and a page cached for <c>?x=1</c> must not carry it to the visitor
/// who asked for <c>?x=2</c> (or for no <c>x</c> at all).</summary>
public sealed class OnlyReadQueryKeys : IOutputCachePolicy
{
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var keys = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.VaryByQueryKeys ?? [];
        context.CacheVaryByRules.QueryKeys = keys;
        var request = context.HttpContext.Request;
        if (request.Query.Keys.Any(k => !keys.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            request.QueryString = QueryString.Create(request.Query
                .Where(p => keys.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
                .SelectMany(p => p.Value, (p, v) => KeyValuePair.Create(p.Key, v)));
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
