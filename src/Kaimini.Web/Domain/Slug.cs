using System.Globalization;
using System.Text;

namespace Kaimini.Web.Domain;

public static class Slug
{
    /// <summary>"Ķekavas pagasts" → "kekavas-pagasts": lowercase ASCII, diacritics dropped, words
    /// joined by single hyphens.</summary>
    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return sb.ToString();
    }
}
