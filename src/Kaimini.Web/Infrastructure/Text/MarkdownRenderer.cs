using Ganss.Xss;
using Kaimini.Web.Infrastructure.Localization;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Kaimini.Web.Infrastructure.Text;

/// <summary>Markdown written by users, as safe HTML: raw HTML in the text is escaped by Markdig, and
/// the result passes an allow-list sanitiser (no scripts, no event handlers, http(s) and mailto
/// links only, which open with rel="nofollow noopener").</summary>
public class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedTags.Clear();
        _sanitizer.AllowedTags.UnionWith(["p", "br", "strong", "em", "del", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h2", "h3", "h4", "h5", "h6", "hr"]);
        _sanitizer.AllowedAttributes.Clear();
        _sanitizer.AllowedAttributes.UnionWith(["href", "title"]);
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement a)
            {
                a.SetAttribute("rel", "nofollow noopener");
            }
        };
    }

    public IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        // The page has its own h1: the text's headings start one level below it.
        var html = Markdown.ToHtml(markdown, Pipeline);
        for (var level = 5; level >= 1; level--)
        {
            html = html.Replace($"<h{level}", $"<h{level + 1}").Replace($"</h{level}>", $"</h{level + 1}>");
        }
        return new HtmlString(_sanitizer.Sanitize(html));
    }

    /// <summary>The text in the page's language (see <see cref="LocalText"/>); the Latvian text in the
    /// English interface comes in a <c>&lt;div lang="lv"&gt;</c>.</summary>
    public IHtmlContent Render(LocalText text)
    {
        var html = Render(text.Text);
        if (text.Lang is null || ReferenceEquals(html, HtmlString.Empty))
        {
            return html;
        }

        return new HtmlContentBuilder().AppendHtml($"<div lang=\"{text.Lang}\">").AppendHtml(html).AppendHtml("</div>");
    }
}
