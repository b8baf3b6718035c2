using System.Security.Claims;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>Adds the display name to the sign-in cookie, so the header greets people by name
/// without a query, and whether the account has two-factor authentication (required for /admin).</summary>
public class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "kaimini:display_name";
    public const string TwoFactorClaim = "kaimini:two_factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorClaim, "true"));
        }
        return identity;
    }
}
