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

    [Route("error/{code:int}")]
    public IActionResult Status(int code) => Page(KnownCodes.Contains(code) || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null ? code : 404);

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
