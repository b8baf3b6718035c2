using System.Globalization;

namespace Kaimini.Web.Infrastructure.Localization;

/// <summary>Switches the current culture for a block (e-mail in the recipient's language) and
/// restores it on dispose.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    public CultureScope(string culture)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        var target = CultureInfo.GetCultureInfo(Cultures.IsSupported(culture) ? culture : Cultures.Default);
        CultureInfo.CurrentCulture = target;
        CultureInfo.CurrentUICulture = target;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
