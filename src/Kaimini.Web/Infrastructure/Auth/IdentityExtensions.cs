using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Auth;

public static class IdentityExtensions
{
    public static IServiceCollection AddKaiminiIdentity(this IServiceCollection services, IHostEnvironment env, IConfiguration config)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                // Length matters more than composition (NIST SP 800-63B); a digit and a lowercase
                // letter keep out the commonest all-letter and all-digit choices.
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        // Secure cookies outside Development and Testing. App:RequireHttps=false serves a trial over
        // plain HTTP (docker compose on localhost, the benchmark); behind a TLS proxy keep it on and
        // set App:BehindProxy so requests count as HTTPS.
        var requireHttps = config.GetValue("App:RequireHttps", !env.IsDevelopment() && !env.IsEnvironment("Testing"));
        var secure = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "kaimini.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = Links.Account.Login();
            o.LogoutPath = Links.Account.LogOut;
            o.AccessDeniedPath = Links.Account.AccessDenied;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            // The portal's one-query check of the session (SignInCheck) in place of Identity's; the
            // absolute lifetime runs after it.
            o.Events.OnValidatePrincipal = context => SessionLifetime.ValidateAsync(context, SignInCheck.ValidateAsync);
            o.Events.OnSigningIn = SessionLifetime.OnSigningIn;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "kaimini.af";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // The sign-in cookie is checked on every request by SignInCheck; Identity's validator still reads the
        // "remember this browser" cookie of two-factor sign-in, at each use.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, AppClaimsPrincipalFactory>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, DatabaseTolerantCookieValidation>();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Organiser, p => p.RequireRole(Roles.Organiser, Roles.Administrator))
            .AddPolicy(Policies.MunicipalityStaff, p => p.RequireRole(Roles.MunicipalityStaff, Roles.Administrator))
            .AddPolicy(Policies.Reports, p => p.RequireRole(Roles.MunicipalityStaff, Roles.Organiser, Roles.Administrator));
        // Resource checks: who may manage this event or community, moderate or answer this idea.
        services.AddScoped<IAuthorizationHandler, EventAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, CommunityAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, IdeaAuthorizationHandler>();
        return services;
    }
}
