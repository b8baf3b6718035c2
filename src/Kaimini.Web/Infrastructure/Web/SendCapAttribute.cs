using System.Security.Claims;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>A daily cap on the e-mails one signed-in account can make the portal send (invitations,
/// co-leader invitations, community registrations, contact messages), counted by the messages each
/// post queued. Past the cap the post gets its form back, kept, with a translated message and 429,
/// and the refusal is logged.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SendCapAttribute : Attribute, IAsyncActionFilter
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            // Anonymous posts (a contact message) are limited per address and e-mail instead.
            await next();
            return;
        }

        var o = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        var cap = http.User.IsInRole(Roles.Organiser) || http.User.IsInRole(Roles.Administrator)
            ? o.DailySendsPerStaffAccount
            : o.DailySendsPerAccount;
        var counter = http.RequestServices.GetRequiredService<FixedWindowCounter>();
        var key = "sends|" + userId;
        if (counter.RetryAfter(key, cap, Day) is { } retryAfter)
        {
            http.RequestServices.GetRequiredService<ILogger<SendCapAttribute>>()
                .LogWarning("Account {UserId} reached the daily cap of {Cap} e-mails on {Endpoint}", userId, cap, ClientKeys.Endpoint(http));
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await Refusal.ReturnFormAsync(context, next, t["Error.SendCap"], retryAfter);
            return;
        }

        await next();
        counter.Count(key, Day, http.RequestServices.GetRequiredService<Mailer>().QueuedCount);
    }
}
