using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Infrastructure.Localization;

/// <summary>The one rule for quotation marks around names in messages: „Kopiena” in Latvian,
/// “Community” in English, and no second pair around a name that already has its own
/// (Biedrība „Baldones kurorts” stays as it is, never „Biedrība „Baldones kurorts””).</summary>
public static partial class Quotes
{
    private static readonly char[] Marks = ['„', '“', '”', '"', '«', '»'];

    public static bool HasQuotes(string? text) => text is not null && text.IndexOfAny(Marks) >= 0;

    /// <summary>The value at <paramref name="start"/>..<paramref name="end"/> of a message stands in
    /// a pair of quotation marks that should go, because the value has its own.</summary>
    public static bool PairToDrop(string message, int start, int end, string? value) =>
        start > 0 && end < message.Length && message[start - 1] is '„' or '“' or '"' && message[end] is '”' or '"' && HasQuotes(value);

    /// <summary>The name in the current language's quotation marks, or bare when it has its own.</summary>
    public static string Wrap(string name) =>
        HasQuotes(name) ? name : Cultures.Current == Cultures.English ? $"“{name}”" : $"„{name}”";

    /// <summary>The format with the quotation marks dropped around each placeholder whose argument
    /// already holds quotation marks.</summary>
    public static string Unnest(string format, object?[] arguments)
    {
        if (format.IndexOf('{') < 0 || format.IndexOfAny(Marks) < 0)
        {
            return format;
        }

        return QuotedPlaceholder().Replace(format, m =>
        {
            var index = int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            return index < arguments.Length && HasQuotes(arguments[index]?.ToString()) ? m.Groups["placeholder"].Value : m.Value;
        });
    }

    [GeneratedRegex("""[„“"](?<placeholder>\{(?<index>\d+)[^}]*\})[”"]""")]
    private static partial Regex QuotedPlaceholder();
}

/// <summary>Applies <see cref="Quotes.Unnest"/> to every localized string that takes arguments, so
/// views, validation messages and e-mails follow the rule without knowing of it.</summary>
public sealed class QuoteAwareStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new QuoteAwareStringLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new QuoteAwareStringLocalizer(inner.Create(baseName, location));

    private sealed class QuoteAwareStringLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => inner[name];

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = inner[name];
                if (format.ResourceNotFound)
                {
                    return inner[name, arguments];
                }

                var value = string.Format(System.Globalization.CultureInfo.CurrentCulture, Quotes.Unnest(format.Value, arguments), arguments);
                return new LocalizedString(name, value, resourceNotFound: false, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
