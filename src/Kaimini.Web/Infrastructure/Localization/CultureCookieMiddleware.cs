using Microsoft.AspNetCore.Localization;

namespace Kaimini.Web.Infrastructure.Localization;

/// <summary>Makes a language chosen with <c>?culture=en</c> stick: it is written to the culture
/// cookie, as the language switch does.</summary>
public class CultureCookieMiddleware(RequestDelegate next)
{
    /// <summary>How long the choice is remembered (the privacy notice states it).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    public Task InvokeAsync(HttpContext context)
    {
        var requested = context.Request.Query["culture"].ToString();
        if (Cultures.IsSupported(requested))
        {
            WriteCookie(context, requested);
        }

        return next(context);
    }

    public static void WriteCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.Add(Lifetime),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
}
