using System.Collections.Concurrent;
using System.Globalization;
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
/// views, validation messages and e-mails follow the rule without knowing of it. Keeps each found
/// string per UI culture: a page looks up a hundred or more, and each lookup through the resource
/// manager (a key string built, culture fallback, two locks) cost ~6 % of a list page's CPU time.
/// Only found strings are kept, so the cache holds at most the resource files' keys.</summary>
public sealed class QuoteAwareStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    // IStringLocalizer<T> is transient and asks the factory on every view; the cache lives here.
    private readonly ConcurrentDictionary<(Type?, string?, string?), QuoteAwareStringLocalizer> localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        localizers.GetOrAdd((resourceSource, null, null), _ => new QuoteAwareStringLocalizer(inner.Create(resourceSource)));

    public IStringLocalizer Create(string baseName, string location) =>
        localizers.GetOrAdd((null, baseName, location), _ => new QuoteAwareStringLocalizer(inner.Create(baseName, location)));

    private sealed class QuoteAwareStringLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> found = new();

        public LocalizedString this[string name]
        {
            get
            {
                var key = (CultureInfo.CurrentUICulture.Name, name);
                if (found.TryGetValue(key, out var cached))
                {
                    return cached;
                }

                var value = inner[name];
                if (!value.ResourceNotFound)
                {
                    found.TryAdd(key, value);
                }

                return value;
            }
        }

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                if (format.ResourceNotFound)
                {
                    return inner[name, arguments];
                }

                var value = string.Format(CultureInfo.CurrentCulture, Quotes.Unnest(format.Value, arguments), arguments);
                return new LocalizedString(name, value, resourceNotFound: false, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
