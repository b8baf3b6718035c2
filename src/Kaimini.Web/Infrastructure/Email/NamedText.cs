using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>Resource strings with named values, <c>{title}</c> or <c>{starts:dd.MM.yyyy HH:mm}</c>:
/// translators see what each value is and put it where their language wants it, and each language
/// keeps its own date format. A name the caller does not give is an error, not a silent gap. A value
/// with its own quotation marks loses the pair around it (<see cref="Quotes"/>).</summary>
public static partial class NamedText
{
    /// <summary>The text, values filled in, for subjects and plain-text bodies.</summary>
    public static string Text(this IStringLocalizer t, string key, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        var template = t[key].Value;
        var text = new StringBuilder();
        var at = 0;
        foreach (var m in Placeholder().EnumerateMatches(template))
        {
            var (value, format) = Find(key, template.AsSpan(m.Index, m.Length), values);
            var formatted = Format(value, format);
            var drop = Quotes.PairToDrop(template, m.Index, m.Index + m.Length, formatted) ? 1 : 0;
            text.Append(template, at, m.Index - drop - at);
            text.Append(formatted);
            at = m.Index + m.Length + drop;
        }

        return text.Append(template, at, template.Length - at).ToString();
    }

    /// <summary>The plural form of <paramref name="key"/> for <paramref name="n"/> (<c>{key}.None</c>,
    /// <c>.One</c> or <c>.Other</c>, as <see cref="LocalizerExtensions.Count(IStringLocalizer, string, long)"/>
    /// chooses) with the number as the named value <c>{count}</c>.</summary>
    public static string CountText(this IStringLocalizer t, string key, long n) =>
        t.Text(n == 0 ? $"{key}.None" : Plural.Category(n, Cultures.Current) == PluralCategory.One ? $"{key}.One" : $"{key}.Other", ("count", n));

    /// <summary>The text for an HTML body: the text and the values HTML-encoded (a value that is
    /// <see cref="IHtmlContent"/>, such as <see cref="Localization.LocalText"/>, writes itself), line
    /// breaks as <c>&lt;br&gt;</c>.</summary>
    public static IHtmlContent Html(this IStringLocalizer t, string key, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        var template = t[key].Value;
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (var m in Placeholder().EnumerateMatches(template))
        {
            var (value, format) = Find(key, template.AsSpan(m.Index, m.Length), values);
            var drop = Quotes.PairToDrop(template, m.Index, m.Index + m.Length, value is IHtmlContent ? value.ToString() : Format(value, format)) ? 1 : 0;
            AppendLines(html, template[at..(m.Index - drop)]);
            if (value is IHtmlContent content && format is null)
            {
                html.AppendHtml(content);
            }
            else
            {
                AppendLines(html, Format(value, format));
            }

            at = m.Index + m.Length + drop;
        }

        AppendLines(html, template[at..]);
        return html;
    }

    /// <summary>Plain text with its line breaks kept as <c>&lt;br&gt;</c> (a message someone typed).</summary>
    public static IHtmlContent Lines(string? text)
    {
        var html = new HtmlContentBuilder();
        AppendLines(html, text ?? "");
        return html;
    }

    private static void AppendLines(HtmlContentBuilder html, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                html.AppendHtml("<br>");
            }

            html.Append(lines[i]);
        }
    }

    private static (object? Value, string? Format) Find(string key, ReadOnlySpan<char> placeholder, ReadOnlySpan<(string Name, object? Value)> values)
    {
        var inner = placeholder[1..^1];
        var colon = inner.IndexOf(':');
        var name = colon < 0 ? inner : inner[..colon];
        foreach (var (n, v) in values)
        {
            if (name.SequenceEqual(n))
            {
                return (v, colon < 0 ? null : inner[(colon + 1)..].ToString());
            }
        }

        throw new InvalidOperationException($"The text {key} has {{{name}}}, but no value of that name was given.");
    }

    private static string Format(object? value, string? format) => value switch
    {
        null => "",
        IFormattable f => f.ToString(format, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"\{[a-z][A-Za-z]*(?::[^{}]+)?\}")]
    private static partial Regex Placeholder();
}
