using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Kaimini.Web.Infrastructure.Logging;

public static class LoggingExtensions
{
    public const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {{RequestId={RequestId}}} <{SourceContext}>{NewLine}{Exception}";

    /// <summary>Days of log files kept (one file a day); older ones are deleted. The privacy notice states it.</summary>
    public const int FileDays = 31;

    /// <summary>Serilog with the request id on every line: console always, compact JSON to a file
    /// when <c>Logging:File:Path</c> is set. Levels come from the <c>Serilog</c> section.</summary>
    public static void AddKaiminiLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSerilog((services, log) =>
        {
            var config = services.GetRequiredService<IConfiguration>();
            log.ReadFrom.Configuration(config)
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                // EF logs a failing command or query as an error before rethrowing it; whoever
                // catches it (the exception handler, the outbox worker) logs it once, with context.
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Connection", LogEventLevel.Fatal)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Query", LogEventLevel.Fatal)
                .Enrich.FromLogContext();
            // The sinks sit behind a sub-logger so that the path redaction runs after every other
            // enricher, including the one that copies ASP.NET Core's scope (with the raw path).
            var redaction = new RequestPathEnricher(services.GetRequiredService<IHttpContextAccessor>());
            log.WriteTo.Logger(sinks =>
            {
                sinks.MinimumLevel.Verbose().Enrich.With(redaction).WriteTo.Console(outputTemplate: ConsoleTemplate);
                var file = config["Logging:File:Path"];
                if (!string.IsNullOrWhiteSpace(file))
                {
                    sinks.WriteTo.File(new CompactJsonFormatter(), file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: FileDays);
                }
            });
        },
        // Each host logs through its own logger, not the process-wide static one: with several hosts
        // in one process (the tests) the last one built would otherwise receive everyone's logs.
        preserveStaticLogger: true);
    }

    /// <summary>Right after routing: fixes the path the logs show for this request (see <see cref="LoggedPath"/>).</summary>
    public static void UseLoggedPath(this WebApplication app) =>
        app.Use((http, next) =>
        {
            LoggedPath.Capture(http);
            return next(http);
        });

    public static void UseKaiminiRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(o =>
        {
            // This application's logger, not the process-wide static one (the last host built in a
            // process, e.g. another test's, would otherwise get every request line).
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // Query strings carry the password-reset and e-mail confirmation codes: never logged.
            o.IncludeQueryInRequestPath = false;
            o.GetMessageTemplateProperties = (http, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(LoggedPath.Of(http))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
            // The exception handler has already logged the error with its stack: the request line
            // stays a warning so that each error is logged once.
            o.GetLevel = (http, _, ex) =>
                http.Response.StatusCode >= 500 || ex is not null ? LogEventLevel.Warning
                // Health probes and static files would drown the rest.
                : http.Request.Path.StartsWithSegments("/health") || http.GetEndpoint() is null && http.Response.StatusCode < 400 ? LogEventLevel.Verbose
                : LogEventLevel.Information;
            o.EnrichDiagnosticContext = (diag, http) =>
            {
                diag.Set("RequestId", http.TraceIdentifier);
                if (http.User.Identity?.IsAuthenticated == true)
                {
                    diag.Set("UserId", http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
                }
            };
        });
}
