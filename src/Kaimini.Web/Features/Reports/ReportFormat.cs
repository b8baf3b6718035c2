using System.Globalization;
using Kaimini.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Reports;

/// <summary>How the reports write days: dd.MM.yyyy in Latvian, "5 Jan 2026" in English (on screen,
/// in print and in CSV; XLSX has date cells with the matching number format).</summary>
public static class ReportFormat
{
    private static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    public static string Day(DateOnly day, CultureInfo culture) => day.ToString(IsEnglish(culture) ? "d MMM yyyy" : "dd.MM.yyyy", culture);

    public static string Day(DateOnly day) => Day(day, CultureInfo.CurrentCulture);

    /// <summary>The same, as a spreadsheet number format.</summary>
    public static string SpreadsheetDay(CultureInfo culture) => IsEnglish(culture) ? "d mmm yyyy" : "dd.mm.yyyy";

    /// <summary>A figure as the screen writes it: "&lt;5", "slēpts", "—", "1 234", "66,7 %", "27,5 d.".</summary>
    public static string Value(ShownValue v, Indicator indicator, IStringLocalizer<SharedResource> t)
    {
        var culture = CultureInfo.CurrentCulture;
        if (v.State == CellState.Small)
        {
            return "<5";
        }

        if (v.State == CellState.Complementary)
        {
            return t["Reports.Hidden"];
        }

        return v.Value is not { } value ? "—" : indicator.Measure switch
        {
            MeasureKind.Percent => value.ToString("0.#", culture) + " %",
            MeasureKind.Days => t["Reports.DaysValue", value.ToString("0.#", culture)],
            _ => value.ToString("#,0.#", culture),
        };
    }
}
