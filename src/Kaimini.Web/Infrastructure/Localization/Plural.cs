namespace Kaimini.Web.Infrastructure.Localization;

public enum PluralCategory
{
    Zero,
    One,
    Other,
}

/// <summary>CLDR plural rules for the two cultures. Latvian: one = n%10=1 and n%100≠11;
/// zero = n%10=0 or n%100 in 11..19; other = the rest. English: one = 1; other = the rest.</summary>
public static class Plural
{
    public static PluralCategory Category(long n, string culture)
    {
        n = Math.Abs(n);
        if (culture != Cultures.Latvian)
        {
            return n == 1 ? PluralCategory.One : PluralCategory.Other;
        }

        if (n % 10 == 0 || n % 100 is >= 11 and <= 19)
        {
            return PluralCategory.Zero;
        }

        return n % 10 == 1 ? PluralCategory.One : PluralCategory.Other;
    }
}
