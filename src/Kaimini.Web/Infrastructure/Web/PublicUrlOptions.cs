namespace Kaimini.Web.Infrastructure.Web;

public class PublicUrlOptions
{
    public const string Section = "App";

    /// <summary>The portal's public address (https://kaimini.example.lv), used for links in e-mails.
    /// Empty: taken from the current request.</summary>
    public string? PublicBaseUrl { get; set; }
}
