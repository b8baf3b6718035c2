using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Web;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>Administrators and organisers use <c>/admin</c> only with two-factor authentication
/// enrolled: until then every page under it leads to the set-up. The claim comes from the account
/// (<see cref="AppClaimsPrincipalFactory"/>), rebuilt on every request by the security-stamp check,
/// so turning two-factor off closes <c>/admin</c> at once. An enrolled account can only sign in with
/// a code, so the claim also means this session gave one (or enrolled the authenticator in it).</summary>
public class StaffTwoFactorMiddleware(RequestDelegate next)
{
    public static readonly IReadOnlyList<string> RequiredFor = [Roles.Administrator, Roles.Organiser];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (context.Request.Path.StartsWithSegments(Links.Admin.Index)
            && user.Identity?.IsAuthenticated == true
            && RequiredFor.Any(user.IsInRole)
            && !user.HasClaim(AppClaimsPrincipalFactory.TwoFactorClaim, "true"))
        {
            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect(Links.Account.TwoFactorSetup(returnUrl));
            return Task.CompletedTask;
        }

        return next(context);
    }
}
