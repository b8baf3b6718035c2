using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Features.About;

public enum CookiePurpose
{
    SignIn,
    TwoFactorStep,
    Antiforgery,
    StatusMessage,
    Language,
}

/// <summary>One cookie the portal sets. <see cref="Lifetime"/> null: it ends with the browser
/// session (or, for messages, once shown).</summary>
public sealed record PortalCookie(string Name, CookiePurpose Purpose, TimeSpan? Lifetime);

/// <summary>The sign-in session's limits as the privacy notice states them.</summary>
public sealed record SessionLimits(TimeSpan Idle, TimeSpan Everyone, TimeSpan Staff);

/// <summary>Every cookie the portal sets, with names and lifetimes read from the same options
/// that set them, so the privacy notice's cookie table cannot drift from the code.</summary>
public class PortalCookies(IOptionsMonitor<CookieAuthenticationOptions> cookies, IOptions<AntiforgeryOptions> antiforgery,
    IOptions<CookieTempDataProviderOptions> tempData)
{
    public IReadOnlyList<PortalCookie> All()
    {
        var signIn = cookies.Get(IdentityConstants.ApplicationScheme);
        var twoFactor = cookies.Get(IdentityConstants.TwoFactorUserIdScheme);
        return
        [
            new(signIn.Cookie.Name!, CookiePurpose.SignIn, signIn.ExpireTimeSpan),
            new(twoFactor.Cookie.Name!, CookiePurpose.TwoFactorStep, twoFactor.ExpireTimeSpan),
            new(antiforgery.Value.Cookie.Name!, CookiePurpose.Antiforgery, null),
            new(tempData.Value.Cookie.Name!, CookiePurpose.StatusMessage, null),
            new(CookieRequestCultureProvider.DefaultCookieName, CookiePurpose.Language, CultureCookieMiddleware.Lifetime),
        ];
    }

    public SessionLimits Session() =>
        new(cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan, SessionLifetime.Everyone, SessionLifetime.Staff);
}
