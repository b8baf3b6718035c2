using System.Globalization;

namespace Kaimini.Web.Infrastructure.Localization;

public static class Cultures
{
    public const string Latvian = "lv";
    public const string English = Domain.LocalName.English;
    public const string Default = Latvian;

    public static readonly IReadOnlyList<string> All = [Latvian, English];

    /// <summary>Latvian order (c&lt;č, g&lt;ģ, k&lt;ķ …) for place and organisation names whatever the UI language.</summary>
    public static readonly StringComparer LatvianComparer = StringComparer.Create(CultureInfo.GetCultureInfo("lv-LV"), ignoreCase: false);

    public static bool IsSupported(string? culture) => culture is Latvian or English;

    /// <summary>The two-letter culture of the current request ("lv" or "en").</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English ? English : Latvian;
}
