using Microsoft.AspNetCore.Diagnostics;

namespace Kaimini.Web.Infrastructure.Web;

/// <summary>Refuses, with 400 and the translated error page, a request whose query string or form
/// carries a NUL or another control character no keyboard types (tab and line breaks are fine).
/// PostgreSQL cannot store NUL in text, and a value echoed into a header (a cookie, a redirect)
/// with one makes the server abort the response; no form of ours has a use for them.</summary>
public sealed class ControlCharacterMiddleware(RequestDelegate next, ILogger<ControlCharacterMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        // The re-executed error page sees the same request: let it render.
        bool refuse;
        try
        {
            refuse = http.Features.Get<IStatusCodeReExecuteFeature>() is null && await CarriesControlCharactersAsync(http.Request);
        }
        catch (InvalidDataException)
        {
            // A body that is not the form it claims to be (or is over the size limits).
            refuse = true;
        }

        if (refuse)
        {
            logger.LogWarning("Request refused: control characters in its query string or form");
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await next(http);
    }

    private static async Task<bool> CarriesControlCharactersAsync(HttpRequest request)
    {
        if (request.Path.HasValue && IsBad(request.Path.Value))
        {
            return true;
        }

        foreach (var (key, values) in request.Query)
        {
            if (IsBad(key) || values.Any(IsBad))
            {
                return true;
            }
        }

        if (request.HasFormContentType && HttpMethods.IsPost(request.Method))
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, values) in form)
            {
                if (IsBad(key) || values.Any(IsBad))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsBad(string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }
}
