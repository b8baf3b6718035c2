using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>For log-in and registration: someone already logged in goes home instead of seeing the
/// form, or a 400 for an anonymous form's antiforgery token after logging in in another tab. Runs
/// before the antiforgery check.</summary>
public sealed class RedirectAuthenticatedAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var returnUrl = context.HttpContext.Request.Query["returnUrl"].ToString();
        if (string.IsNullOrEmpty(returnUrl) && context.HttpContext.Request.HasFormContentType)
        {
            returnUrl = context.HttpContext.Request.Form["ReturnUrl"].ToString();
        }

        var urls = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.Routing.IUrlHelperFactory>().GetUrlHelper(context);
        context.Result = new LocalRedirectResult(urls.IsLocalUrl(returnUrl) ? returnUrl : Links.Home);
    }
}
