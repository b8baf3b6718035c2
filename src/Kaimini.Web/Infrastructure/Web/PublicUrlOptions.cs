namespace Kaimini.Web.Infrastructure.Web;

public class PublicUrlOptions
{
    public const string Section = "App";

    /// <summary>The portal's public address (https://kaimini.example.lv). Every link in an e-mail is
    /// built from it, never from the request's Host header, and <c>AllowedHosts</c> defaults to its
    /// host. Required outside Development, where the server's own listening address stands in.</summary>
    public string? PublicBaseUrl { get; set; }

    public static bool IsValidBaseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
