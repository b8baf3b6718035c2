using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>The base of plain-text e-mail views (<c>@inherits TextEmailPage&lt;TModel&gt;</c>): what
/// they write is the text of the message, not HTML, so values are written as they are instead of
/// HTML-encoded (a plain-text body has nothing to inject into). Never use it for an HTML view.</summary>
public abstract class TextEmailPage<TModel> : RazorPage<TModel>
{
    public override void Write(object? value)
    {
        if (value is IHtmlContent content)
        {
            content.WriteTo(Output, NullHtmlEncoder.Default);
            return;
        }

        WriteLiteral(Convert.ToString(value, System.Globalization.CultureInfo.CurrentCulture));
    }

    public override void Write(string? value) => WriteLiteral(value);

    /// <summary>For the layout: the message's text without the blank lines around it, so each view
    /// can end its last paragraph as it ends the others.</summary>
    protected string BodyText()
    {
        using var text = new StringWriter();
        RenderBody().WriteTo(text, NullHtmlEncoder.Default);
        return text.ToString().Trim();
    }
}
