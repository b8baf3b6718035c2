using System.Globalization;
using System.Text;

namespace Kaimini.Web.Domain;

/// <summary>The one folding that search uses on both sides: what is stored and what is typed.
/// "Ķekavas pagasts" → "kekavas pagasts": lowercase, diacritics dropped, anything that is not a
/// letter or digit becomes a single space.</summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>A prefix query for PostgreSQL's to_tsquery('simple', …): every word must match the
    /// start of a word ("keka" finds "kekavas"). Null when nothing searchable was typed. Words are
    /// letters and digits only after folding, so the query syntax cannot be injected.</summary>
    public static string? PrefixQuery(string? typed, int maxWords = 8)
    {
        var words = Fold(typed).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > 40 ? w[..40] : w)
            .Distinct()
            .Take(maxWords)
            .ToList();
        return words.Count == 0 ? null : string.Join(" & ", words.Select(w => w + ":*"));
    }
}
