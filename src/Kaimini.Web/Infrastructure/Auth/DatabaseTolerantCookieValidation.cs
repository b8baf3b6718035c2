using System.Runtime.ExceptionServices;
using Kaimini.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>The sign-in cookie is checked against the database on each request (security stamp).
/// While PostgreSQL is down that check cannot run. Authentication caches its outcome for the
/// request, so an exception thrown there would be thrown again on the error page and turn the
/// translated 503 into a bare 500. Instead the visitor counts as signed out for this one request
/// (the cookie is kept), and <see cref="UseDatabaseOutageCheck"/> raises the outage right after
/// authentication, outside the cached result: the error page then renders, as for anyone.</summary>
public sealed class DatabaseTolerantCookieValidation : IPostConfigureOptions<CookieAuthenticationOptions>
{
    private const string OutageKey = "kaimini.database-outage";

    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name != IdentityConstants.ApplicationScheme)
        {
            return;
        }

        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            try
            {
                await validate(context);
            }
            catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex))
            {
                context.RejectPrincipal();
                context.HttpContext.Items[OutageKey] = ExceptionDispatchInfo.Capture(ex);
            }
        };
    }

    /// <summary>After authentication: a sign-in check that found the database down ends the request
    /// with that error (the exception handler answers 503), except on the error page itself.</summary>
    public static void UseDatabaseOutageCheck(IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Items[OutageKey] is ExceptionDispatchInfo outage
            && http.Features.Get<IExceptionHandlerFeature>() is null
            && http.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            outage.Throw();
        }

        await next(http);
    });
}
