using System.Globalization;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Limits posts of a form (by its route) per client address and per e-mail address or
/// account (<see cref="RateLimitOptions"/>), inside MVC rather than in front of it: a refused post
/// gets its form back with everything the person typed and a translated message saying how long to
/// wait, answered 429 with Retry-After. Actions check <c>ModelState.IsValid</c> before they change
/// anything, so a refused post changes nothing. A post refused for a field's validation is not
/// counted; a wrong password is.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FormRateLimitAttribute(string policy) : Attribute, IAsyncActionFilter
{
    public string Policy { get; } = policy;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var o = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        var counter = http.RequestServices.GetRequiredService<FixedWindowCounter>();
        var contact = Policy == WebExtensions.ContactRateLimit;
        var (perAddress, perPerson, window) = contact
            ? (o.ContactPerAddress, o.ContactPerPerson, TimeSpan.FromSeconds(o.ContactWindowSeconds))
            : (o.FormPerAddress, o.FormPerPerson, TimeSpan.FromSeconds(o.FormWindowSeconds));
        // Contact messages share one budget across all communities; other forms each have their own.
        var scope = contact ? Policy : Policy + "|" + ClientKeys.Endpoint(http);
        var addressKey = scope + "|address|" + ClientKeys.Address(http.Connection.RemoteIpAddress);
        var person = ClientKeys.Person(http);
        var personKey = person is null ? null : scope + "|" + person;

        var wait = Max(counter.RetryAfter(addressKey, perAddress, window),
            personKey is null ? null : counter.RetryAfter(personKey, perPerson, window));
        if (wait is { } retryAfter)
        {
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            http.RequestServices.GetRequiredService<ILogger<FormRateLimitAttribute>>()
                .LogWarning("Form {Endpoint} refused by rate limit {Policy}", ClientKeys.Endpoint(http), Policy);
            await Refusal.ReturnFormAsync(context, next, t.Count("Error.RateLimited", Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))), retryAfter);
            return;
        }

        await next();
        if (!Refusal.FieldValidationFailed(context.ModelState))
        {
            counter.Count(addressKey, window);
            if (personKey is not null)
            {
                counter.Count(personKey, window);
            }
        }
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

/// <summary>How a limited form is refused: the action runs with a model error (so it returns its
/// form with what was typed and changes nothing), answered 429 with Retry-After.</summary>
public static class Refusal
{
    public static async Task ReturnFormAsync(ActionExecutingContext context, ActionExecutionDelegate next, string message, TimeSpan retryAfter)
    {
        context.ModelState.AddModelError("", message);
        var executed = await next();
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (executed.Result is ViewResult view)
        {
            view.StatusCode = StatusCodes.Status429TooManyRequests;
        }
    }

    /// <summary>A field was refused (required, format): the post was a mistake, not an attempt.</summary>
    public static bool FieldValidationFailed(ModelStateDictionary state) =>
        state.Any(e => e.Key.Length > 0 && e.Value?.ValidationState == ModelValidationState.Invalid);
}
