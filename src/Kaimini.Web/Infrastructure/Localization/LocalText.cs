using System.Text.Encodings.Web;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Html;

namespace Kaimini.Web.Infrastructure.Localization;

/// <summary>Text its author wrote in Latvian and, optionally, in English: an event's title, a
/// community's description. The English interface shows the English text when there is one, else
/// the Latvian text marked <c>lang="lv"</c>, so screen readers read it as Latvian; the Latvian
/// interface always shows the Latvian text. Written into a page it is that text, encoded (in a
/// <c>&lt;span lang="lv"&gt;</c> when it falls back); <see cref="Text"/> and <see cref="ToString"/>
/// give the plain text for page titles, e-mails and calendars. The choice follows the current
/// culture when the text is used, so an e-mail composed in its recipient's language gets theirs.</summary>
public sealed record LocalText(string Lv, string? En) : IHtmlContent
{
    public string Text => LocalName.TextFor(Cultures.Current, Lv, En);

    /// <summary>"lv" when the interface is English but the text is the Latvian one; otherwise null
    /// (the text is in the page's language).</summary>
    public string? Lang => Cultures.Current == Cultures.English && !LocalName.ShowsEnglish(Cultures.Current, En) ? Cultures.Latvian : null;

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        if (Lang is null)
        {
            encoder.Encode(writer, Text);
            return;
        }

        writer.Write($"<span lang=\"{Lang}\">");
        encoder.Encode(writer, Text);
        writer.Write("</span>");
    }

    public override string ToString() => Text;
}

/// <summary>An event's texts as <see cref="LocalText"/>, where the whole event is loaded (e-mails, the
/// event page); queries that select columns build <see cref="LocalText"/> from the two columns.</summary>
public static class LocalTexts
{
    public static LocalText LocalTitle(this Event e) => new(e.Title, e.TitleEn);

    public static LocalText LocalDescription(this Event e) => new(e.Description ?? "", e.DescriptionEn);
}
