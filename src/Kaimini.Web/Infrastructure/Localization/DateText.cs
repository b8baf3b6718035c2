using System.Globalization;

namespace Kaimini.Web.Infrastructure.Localization;

/// <summary>Dates written out in words the way each language writes them.</summary>
public static class DateText
{
    private static readonly CultureInfo LatvianCulture = CultureInfo.GetCultureInfo("lv-LV");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A month as a heading: "2026. gada novembris" in Latvian (the year first, in the
    /// genitive, the month in lower case), "November 2026" in English.</summary>
    public static string MonthAndYear(DateOnly month, string culture) => culture == Cultures.English
        ? month.ToString("MMMM yyyy", EnglishCulture)
        : $"{month.Year}. gada {LatvianCulture.DateTimeFormat.GetMonthName(month.Month).ToLower(LatvianCulture)}";

    /// <summary>A day in full: "2026. gada 3. decembris" in Latvian, "3 December 2026" in English.</summary>
    public static string Day(DateOnly day, string culture) => culture == Cultures.English
        ? day.ToString("d MMMM yyyy", EnglishCulture)
        : $"{day.Year}. gada {day.Day}. {LatvianCulture.DateTimeFormat.GetMonthName(day.Month).ToLower(LatvianCulture)}";
}
