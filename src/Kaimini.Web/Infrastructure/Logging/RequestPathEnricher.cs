using Serilog.Core;
using Serilog.Events;

namespace Kaimini.Web.Infrastructure.Logging;

/// <summary>ASP.NET Core puts the raw request path into the scope of every log event written during a
/// request (<c>RequestPath</c>); this replaces it with the <see cref="LoggedPath"/>, so a line logged
/// by a controller behind a manage link does not carry the token either.</summary>
public sealed class RequestPathEnricher(IHttpContextAccessor accessor) : ILogEventEnricher
{
    public const string Property = "RequestPath";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (!logEvent.Properties.ContainsKey(Property))
        {
            return;
        }

        if (accessor.HttpContext is { } http)
        {
            logEvent.AddOrUpdateProperty(new LogEventProperty(Property, new ScalarValue(LoggedPath.Of(http))));
        }
        else
        {
            logEvent.RemovePropertyIfPresent(Property);
        }
    }
}
