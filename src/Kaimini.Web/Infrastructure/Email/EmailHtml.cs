using Microsoft.AspNetCore.Html;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>Blocks of the HTML e-mail layout that more than one message uses, with the inline
/// styles mail clients need (they ignore style sheets).</summary>
public static class EmailHtml
{
    public const string Small = "font-size:13px;color:#555";

    /// <summary>The call to action: a button, and the address written out for clients that hide links.</summary>
    public static IHtmlContent Button(string text, string url) => new HtmlContentBuilder()
        .AppendHtml("<p><a href=\"").Append(url)
        .AppendHtml("\" style=\"background:#0b5e3b;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px\">")
        .Append(text).AppendHtml("</a></p>")
        .AppendHtml($"<p style=\"{Small}\">").Append(url).AppendHtml("</p>");
}
