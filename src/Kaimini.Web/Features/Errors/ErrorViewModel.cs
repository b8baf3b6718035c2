namespace Kaimini.Web.Features.Errors;

public sealed record ErrorViewModel(int StatusCode, string RequestId)
{
    /// <summary>The resource key stem for the page's texts: Error.404.Title, Error.404.Text …</summary>
    public string Key => StatusCode is 400 or 403 or 404 or 429 or 503 ? StatusCode.ToString() : "500";
}
