using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>The sign-in cookie is checked against the database on every request, in one query.
/// Identity's own check (its <c>SecurityStampValidator</c> with a zero interval) read the account,
/// its claims, its roles and each role's claims, rebuilt the principal and issued a new cookie on
/// every response: five queries and an encryption for each page a signed-in person opened. This
/// check reads the security stamp and what the principal is made of (<see cref="AppClaimsPrincipalFactory"/>:
/// display name, two-factor, roles) at once, and compares:
/// <list type="bullet">
/// <item>no account, or another security stamp (a password change, locking, deletion): the session
/// ends, as with Identity's check;</item>
/// <item>the same stamp, but a role, the name or two-factor changed: the principal is rebuilt and the
/// cookie reissued, so a removed role is gone at this request;</item>
/// <item>nothing changed (almost always): the cookie stands as it is.</item>
/// </list></summary>
public static class SignInCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var claimTypes = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal?.FindFirstValue(claimTypes.UserIdClaimType);
        if (principal is null || userId is null)
        {
            await RejectAsync(context);
            return;
        }

        var db = services.GetRequiredService<AppDbContext>();
        var now = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Held(u.SecurityStamp, u.DisplayName, u.TwoFactorEnabled,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToList()))
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (now is null || now.SecurityStamp != principal.FindFirstValue(claimTypes.SecurityStampClaimType))
        {
            await RejectAsync(context);
            return;
        }

        if (now.Matches(principal, claimTypes.RoleClaimType))
        {
            return;
        }

        var signIn = services.GetRequiredService<SignInManager<AppUser>>();
        var user = await signIn.UserManager.FindByIdAsync(userId);
        if (user is null)
        {
            await RejectAsync(context);
            return;
        }

        context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
        context.ShouldRenew = true;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>What the account holds now, of what the principal was built from.</summary>
    private sealed record Held(string? SecurityStamp, string DisplayName, bool TwoFactorEnabled, List<string> Roles)
    {
        public bool Matches(ClaimsPrincipal principal, string roleClaimType) =>
            principal.FindFirstValue(AppClaimsPrincipalFactory.DisplayNameClaim) == DisplayName
            && principal.HasClaim(c => c.Type == AppClaimsPrincipalFactory.TwoFactorClaim) == TwoFactorEnabled
            && principal.FindAll(roleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal).SetEquals(Roles);
    }
}
