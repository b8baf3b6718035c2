using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Infrastructure.Localization;

public static class LocalizerExtensions
{
    /// <summary>"{0} kopiena" / "{0} kopienas", with an explicit text for none. Looks up
    /// <c>{key}.None</c> for 0, <c>{key}.One</c> for the "one" category and <c>{key}.Other</c>
    /// otherwise: in Latvian text the CLDR "zero" category takes the "other" form ("10 kopienas").</summary>
    public static LocalizedString Count(this IStringLocalizer localizer, string key, long n)
    {
        if (n == 0)
        {
            return localizer[$"{key}.None"];
        }

        var category = Plural.Category(n, Cultures.Current);
        var suffix = category == PluralCategory.One ? "One" : "Other";
        return localizer[$"{key}.{suffix}", n];
    }

    /// <summary>As <see cref="Count(IStringLocalizer, string, long)"/>; a count that stopped at
    /// <paramref name="n"/> with more to come reads <c>{key}.MoreThan</c> ("more than 1,000 ideas").</summary>
    public static LocalizedString Count(this IStringLocalizer localizer, string key, long n, bool moreThan) =>
        moreThan ? localizer[$"{key}.MoreThan", n] : localizer.Count(key, n);
}
