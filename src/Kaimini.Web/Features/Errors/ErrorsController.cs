using Microsoft.AspNetCore.Mvc;

namespace Kaimini.Web.Features.Errors;

/// <summary>Translated error pages. Reached by re-execution for any method (a refused POST lands
/// here as a POST), so no method attribute and no antiforgery check.</summary>
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public class ErrorsController : Controller
{
    [Route("error")]
    public IActionResult Exception() => Page(Response.StatusCode >= 400 ? Response.StatusCode : 500);

    // The code comes from the re-execution feature or the route, never from model binding: the
    // refused request's own form is still there, and a field of it (even a NUL) must not decide
    // the status.
    [Route("error/{code:int}")]
    public IActionResult Status()
    {
        var reExecuted = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>();
        if (reExecuted is not null)
        {
            return Page(reExecuted.OriginalStatusCode);
        }

        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var routed) ? routed : 404;
        return Page(KnownCodes.Contains(code) ? code : 404);
    }

    private static readonly HashSet<int> KnownCodes = [400, 403, 404, 429];

    private ViewResult Page(int code)
    {
        Response.StatusCode = code;
        if (code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "30";
        }

        return View("Error", new ErrorViewModel(code, HttpContext.TraceIdentifier));
    }
}
