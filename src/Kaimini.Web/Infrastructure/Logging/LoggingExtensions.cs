using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Kaimini.Web.Infrastructure.Logging;

public static class LoggingExtensions
{
    public const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {{RequestId={RequestId}}} <{SourceContext}>{NewLine}{Exception}";

    /// <summary>Serilog with the request id on every line: console always, compact JSON to a file
    /// when <c>Logging:File:Path</c> is set. Levels come from the <c>Serilog</c> section.</summary>
    public static void AddKaiminiLogging(this WebApplicationBuilder builder)
    {
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
                .Enrich.FromLogContext()
                .WriteTo.Console(outputTemplate: ConsoleTemplate);
            var file = config["Logging:File:Path"];
            if (!string.IsNullOrWhiteSpace(file))
            {
                log.WriteTo.File(new CompactJsonFormatter(), file, rollingInterval: RollingInterval.Day);
            }
        });
    }

    /// <summary>Paths whose last segment is a secret (invitation and unsubscribe tokens): a log
    /// reader must not be able to use them.</summary>
    private static readonly string[] SecretPathPrefixes = ["/invitations/", "/unsubscribe/"];

    public static string RedactPath(string path)
    {
        foreach (var prefix in SecretPathPrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var rest = path[prefix.Length..];
                var slash = rest.IndexOf('/');
                return prefix + "{token}" + (slash >= 0 ? rest[slash..] : "");
            }
        }

        return path;
    }

    public static void UseKaiminiRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.GetMessageTemplateProperties = (http, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(RedactPath(path))),
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
