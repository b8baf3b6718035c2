using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Kaimini.Web.Data;
using Kaimini.Web.Infrastructure.Database;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Logging;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Kaimini.Web.Infrastructure.Web;

public static class WebExtensions
{
    public const string AuthRateLimit = "auth";
    public const string ContactRateLimit = "contact";
    public const string TempDataCookie = "kaimini.msg";

    public static IServiceCollection AddKaiminiWeb(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // Every [Required] says its own translated message; no implicit English one.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddCookieTempDataProvider(o =>
            {
                o.Cookie.Name = TempDataCookie;
                o.Cookie.SameSite = SameSiteMode.Lax;
            })
            // Validation is on the server, with translated messages; no data-val-* attributes.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            var m = o.ModelBindingMessageProvider;
            m.SetValueIsInvalidAccessor(v => t["Validation.ValueInvalid", v]);
            m.SetAttemptedValueIsInvalidAccessor((v, f) => t["Validation.ValueInvalid", v]);
            m.SetUnknownValueIsInvalidAccessor(f => t["Validation.Invalid", f]);
            m.SetValueMustBeANumberAccessor(f => t["Validation.Number", f]);
            m.SetMissingBindRequiredValueAccessor(f => t["Validation.Required", f]);
            m.SetMissingKeyOrValueAccessor(() => t["Validation.RequiredValue"]);
            m.SetValueMustNotBeNullAccessor(f => t["Validation.Required", f]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => t["Validation.ValueInvalid", v]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.InvalidValue"]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.NumberValue"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => t["Validation.RequiredValue"]);
        });
        services.Configure<RazorViewEngineOptions>(o => o.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
        services.Configure<RouteOptions>(o =>
        {
            o.LowercaseUrls = true;
            o.LowercaseQueryStrings = false;
        });
        // Latvian letters written as themselves, not as &#x101; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.All.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Query string, then cookie, then the browser's Accept-Language.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddHttpContextAccessor();
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.Section);
        services.AddScoped<PublicUrls>();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSingleton<FormRateLimiter>();

        services.AddPublicPageCache();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("postgresql", tags: ["ready"]);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Behind a proxy in a container network its address is not known in advance.
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return services;
    }

    public static void UseKaiminiPipeline(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("App:BehindProxy"))
        {
            app.UseForwardedHeaders();
        }

        // Outside the exception handler and status pages: one line per request, with its final status.
        app.UseKaiminiRequestLogging();
        // Before the error pages: a re-executed 404 or 500 keeps the language of the original request.
        app.UseRequestLocalization();
        app.UseMiddleware<CultureCookieMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = ex => DatabaseErrors.IsUnavailable(ex)
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError,
        });
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After localization and authentication: the cache varies by language and skips members.
        app.UseOutputCache();
    }

    public static void MapKaiminiEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapControllers();
    }
}
