using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Kaimini.Web.Features.Language;

public class LanguageController(UserManager<AppUser> users) : Controller
{
    /// <summary>The language switch: remembers the choice in the culture cookie and goes back to
    /// the page the person was on (local addresses only).</summary>
    [HttpGet("language/{culture}")]
    public async Task<IActionResult> Switch(string culture, string? returnUrl)
    {
        if (!Cultures.IsSupported(culture))
        {
            return NotFound();
        }

        CultureCookieMiddleware.WriteCookie(HttpContext, culture);
        // A member's e-mails follow the language they choose.
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.PreferredCulture != culture)
        {
            user.PreferredCulture = culture;
            await users.UpdateAsync(user);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? WithoutCultureParameter(returnUrl) : Links.Home);
    }

    /// <summary>A "?culture=" left in the return address would override the choice just made.</summary>
    private static string WithoutCultureParameter(string url)
    {
        var q = url.IndexOf('?');
        if (q < 0)
        {
            return url;
        }

        var query = QueryHelpers.ParseQuery(url[q..]);
        query.Remove("culture");
        return QueryHelpers.AddQueryString(url[..q], query.SelectMany(p => p.Value, (p, v) => KeyValuePair.Create(p.Key, v)));
    }
}
