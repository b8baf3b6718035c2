using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Kaimini.Web.Infrastructure.Logging;

/// <summary>The path as logs show it: built from the matched endpoint's route pattern, with the value
/// of every secret route parameter (<c>{token}</c>: manage links, idea confirmations, invitations,
/// unsubscribe links) replaced by the parameter's name. A new route with a <c>{token}</c> parameter
/// is covered without a list to keep up to date.</summary>
public static class LoggedPath
{
    /// <summary>The route parameter name every token-bearing route uses.</summary>
    public const string SecretParameter = "token";

    private const string ItemKey = "Kaimini.LoggedPath";

    /// <summary>Called once routing has matched (and again by re-executed error pages, which must not
    /// replace the original request's path).</summary>
    public static void Capture(HttpContext http)
    {
        if (!http.Items.ContainsKey(ItemKey))
        {
            http.Items[ItemKey] = FromEndpoint(http) ?? http.Request.Path.Value ?? "/";
        }
    }

    /// <summary>What was captured; before routing (static files, a failure in the pipeline) the raw
    /// path, which then matched no token route.</summary>
    public static string Of(HttpContext http) =>
        http.Items.TryGetValue(ItemKey, out var value) && value is string path ? path : http.Request.Path.Value ?? "/";

    public static string? FromEndpoint(HttpContext http)
    {
        if (http.GetEndpoint() is not RouteEndpoint endpoint)
        {
            return null;
        }

        var values = http.Request.RouteValues;
        var path = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        text.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        text.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter when IsSecret(parameter.Name):
                        text.Append('{').Append(SecretParameter).Append('}');
                        break;
                    case RoutePatternParameterPart parameter:
                        text.Append(Convert.ToString(values.GetValueOrDefault(parameter.Name), CultureInfo.InvariantCulture));
                        break;
                }
            }

            if (text.Length > 0)
            {
                path.Append('/').Append(text);
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static bool IsSecret(string name) => string.Equals(name, SecretParameter, StringComparison.OrdinalIgnoreCase);
}
