using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>An absolute lifetime for the sign-in cookie besides its sliding one: a session ends a fixed
/// time after the password (and code) were given, however busy it stays. The moment of sign-in is kept
/// in the cookie's properties, which survive the renewals that reset its issue time.</summary>
public static class SessionLifetime
{
    public const string SignedInAtItem = ".kaimini.signed_in_at";

    /// <summary>Administrators, organisers and municipality staff.</summary>
    public static readonly TimeSpan Staff = TimeSpan.FromHours(12);

    public static readonly TimeSpan Everyone = TimeSpan.FromDays(30);

    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Administrator, Roles.Organiser, Roles.MunicipalityStaff];

    /// <summary>Stamps a new sign-in; a refreshed one (<c>RefreshSignInAsync</c> after a password change)
    /// keeps its properties and so its original moment.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(SignedInAtItem))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Properties.Items[SignedInAtItem] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    /// <summary>After the session check (<see cref="SignInCheck"/>, which leaves the principal with the
    /// roles held now): a session older than its role allows ends.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> securityStamp)
    {
        await securityStamp(context);
        if (context.Principal is null)
        {
            return;
        }

        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!context.Properties.Items.TryGetValue(SignedInAtItem, out var stamp) || !long.TryParse(stamp, out var seconds))
        {
            // A cookie from before this rule: its lifetime starts now.
            context.Properties.Items[SignedInAtItem] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.ShouldRenew = true;
            return;
        }

        var limit = StaffRoles.Any(context.Principal.IsInRole) ? Staff : Everyone;
        if (now - DateTimeOffset.FromUnixTimeSeconds(seconds) > limit)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
