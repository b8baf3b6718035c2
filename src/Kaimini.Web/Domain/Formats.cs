using System.Text.RegularExpressions;

namespace Kaimini.Web.Domain;

/// <summary>Latvian formats, validated on input and stored normalised (see shared/DOMAIN.md).</summary>
public static partial class Formats
{
    private static readonly int[] RegistrationWeights = [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1];

    /// <summary>"40008 123456" → "40008123456"; null unless 11 digits starting with 4, 5 or 9.</summary>
    public static string? NormalizeRegistrationNumber(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var digits = Separators().Replace(input.Trim(), "");
        return digits.Length == 11 && digits.All(char.IsAsciiDigit) && digits[0] is '4' or '5' or '9' ? digits : null;
    }

    /// <summary>The checksum community libraries use (weights 9,1,4,8,3,10,2,5,7,6,1; sum mod 11 = 3).
    /// The register does not publish it: a failure is a warning for the moderator, not an error.</summary>
    public static bool RegistrationChecksumHolds(string number) =>
        number.Length == 11 && number.Select((c, i) => (c - '0') * RegistrationWeights[i]).Sum() % 11 == 3;

    /// <summary>"+371 29 123 456", "0037129123456", "29-123-456" → "+37129123456"; null for anything
    /// that is not a Latvian mobile (2…) or landline (6…) number.</summary>
    public static string? NormalizePhone(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var s = Separators().Replace(input.Trim(), "").Replace("(", "").Replace(")", "");
        if (s.StartsWith("+371"))
        {
            s = s[4..];
        }
        else if (s.StartsWith("00371"))
        {
            s = s[5..];
        }

        return s.Length == 8 && s.All(char.IsAsciiDigit) && s[0] is '2' or '6' ? "+371" + s : null;
    }

    /// <summary>"LV 2107", "lv2107", "2107" → "LV-2107"; null otherwise.</summary>
    public static string? NormalizePostalCode(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var m = PostalCode().Match(input.Trim());
        // Latvian postal codes run from LV-1001 to LV-5799.
        return m.Success && int.Parse(m.Groups[1].Value) is >= 1000 and <= 5999 ? $"LV-{m.Groups[1].Value}" : null;
    }

    /// <summary>An http(s) address; "example.lv" becomes "https://example.lv". Null otherwise.</summary>
    public static string? NormalizeUrl(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var text = input.Trim();
        if (!text.Contains("://"))
        {
            text = "https://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Contains('.')
            ? uri.ToString()
            : null;
    }

    /// <summary>"+37129123456" → "+371 29 123 456" for display.</summary>
    public static string DisplayPhone(string e164) =>
        e164.Length == 12 ? $"{e164[..4]} {e164[4..6]} {e164[6..9]} {e164[9..]}" : e164;

    [GeneratedRegex(@"[\s\-\.]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?:LV)?[\s\-]?([0-9]{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex PostalCode();
}
