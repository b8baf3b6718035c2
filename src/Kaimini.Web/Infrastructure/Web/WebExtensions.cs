using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kaimini.Web.Data;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Database;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Logging;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
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
        // Every localizer goes through the quotation-mark rule (Infrastructure/Localization/Quotes.cs).
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, QuoteAwareStringLocalizerFactory>();
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // Every [Required] says its own translated message; no implicit English one.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.ModelMetadataDetailsProviders.Add(new DefaultValidationMessages());
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
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<MapOptions>, MapOptionsValidator>();
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.Section)
            .Validate<IHostEnvironment>(
                (o, env) => PublicUrlOptions.IsValidBaseUrl(o.PublicBaseUrl) || (env.IsDevelopment() && string.IsNullOrWhiteSpace(o.PublicBaseUrl)),
                "App:PublicBaseUrl must be set to the portal's public address (e.g. https://kaimini.example.lv): "
                + "links in e-mails are built from it, never from the request.")
            .ValidateOnStart();
        // AllowedHosts, unless set, is the public address's host: a request for any other host is refused.
        services.AddOptions<HostFilteringOptions>().Configure<IConfiguration, IOptions<PublicUrlOptions>>((o, config, urls) =>
        {
            if (string.IsNullOrWhiteSpace(config["AllowedHosts"])
                && Uri.TryCreate(urls.Value.PublicBaseUrl, UriKind.Absolute, out var publicUrl))
            {
                o.AllowedHosts = [publicUrl.Host];
            }
        });
        services.AddScoped<PublicUrls>();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSingleton<FixedWindowCounter>();

        services.AddPublicPageCache();
        services.AddPageCompression();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("postgresql", tags: ["ready"]);
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are believed (the defaults trust loopback only).
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var address in proxy.Value.Proxies)
            {
                o.KnownProxies.Add(address);
            }

            foreach (var network in proxy.Value.Networks)
            {
                o.KnownIPNetworks.Add(network);
            }
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
        // Outside the output cache: a cached page is stored once and compressed for each visitor as they ask.
        app.UseResponseCompression();
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
        app.UseMiddleware<ControlCharacterMiddleware>();
        app.UseRouting();
        app.UseLoggedPath();
        app.UseAuthentication();
        DatabaseTolerantCookieValidation.UseDatabaseOutageCheck(app);
        app.UseMiddleware<StaffTwoFactorMiddleware>();
        app.UseAuthorization();
        // After localization and authentication: the cache varies by language and skips members.
        app.UseOutputCache();
    }

    public static void MapKaiminiEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        // wwwroot as build-time assets: compressed copies (gzip and Brotli when published, gzip in a
        // Development build), fingerprinted addresses cached for a year as immutable, ETags; the views'
        // ~/ links get the fingerprinted ones.
        app.MapStaticAssets();
        app.MapControllers().WithStaticAssets();
    }
}
