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
            .Select(w => Stem(w.Length > 40 ? w[..40] : w))
            .Distinct()
            .Take(maxWords)
            .ToList();
        return words.Count == 0 ? null : string.Join(" & ", words.Select(w => w + ":*"));
    }

    // Latvian endings (folded, so "ā" is "a"), longest first: "biedribas" and "biedriba" both
    // become "biedrib", "sports" and "sporta" "sport", "ugunsdzesejs" "ugunsdzesej".
    private static readonly string[] Endings = ["iem", "ies", "ajam", "ajai", "as", "es", "is", "us", "os", "ai", "ei", "am", "em", "im", "um", "ie", "a", "e", "i", "u", "o", "s", "š"];

    /// <summary>Drops a Latvian case ending from a typed word, so that a prefix search for the stem
    /// finds every form of it. Short words and digits are left alone.</summary>
    public static string Stem(string word)
    {
        if (word.Length < 5 || word.Any(char.IsAsciiDigit))
        {
            return word;
        }

        foreach (var ending in Endings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= 4)
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }
}
