using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Limits posts of a form per client address (a fixed window sized from
/// <see cref="RateLimitOptions"/>), inside MVC rather than in front of it: a refused post gets its
/// form back with everything the person typed and a translated message saying how long to wait,
/// answered 429 with Retry-After. Actions check <c>ModelState.IsValid</c> before they change
/// anything, so a refused post changes nothing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FormRateLimitAttribute(string policy) : Attribute, IAsyncActionFilter
{
    public string Policy { get; } = policy;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        using var lease = http.RequestServices.GetRequiredService<FormRateLimiter>().For(Policy).AttemptAcquire(http);
        if (lease.IsAcquired)
        {
            await next();
            return;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.ModelState.AddModelError("", t.Count("Error.RateLimited", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))));
        http.RequestServices.GetRequiredService<ILogger<FormRateLimitAttribute>>()
            .LogWarning("Form {Path} refused by rate limit {Policy}", http.Request.Path.Value, Policy);
        var executed = await next();
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (executed.Result is ViewResult view)
        {
            view.StatusCode = StatusCodes.Status429TooManyRequests;
        }
    }
}

/// <summary>One partitioned limiter per policy: sign-in forms per address and form (signing in does
/// not use up the budget for registering), contact forms per address across all communities.</summary>
public sealed class FormRateLimiter(IOptionsMonitor<RateLimitOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, PartitionedRateLimiter<HttpContext>> _limiters = new();

    public PartitionedRateLimiter<HttpContext> For(string policy) => _limiters.GetOrAdd(policy, p => PartitionedRateLimiter.Create<HttpContext, string>(http =>
    {
        var o = options.CurrentValue;
        var (permits, seconds, perForm) = p == WebExtensions.ContactRateLimit
            ? (o.ContactPermitLimit, o.ContactWindowSeconds, false)
            : (o.AuthPermitLimit, o.AuthWindowSeconds, true);
        return RateLimitPartition.GetFixedWindowLimiter(
            perForm ? $"{http.Connection.RemoteIpAddress}|{http.Request.Path}" : $"{http.Connection.RemoteIpAddress}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(seconds), QueueLimit = 0 });
    }));

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
