namespace Kaimini.Web.Domain;

/// <summary>A point on the map (WGS 84 degrees, five decimals: about a metre). Communities and event
/// venues may have one; places in the reference data have one each.</summary>
public readonly record struct GeoPoint(decimal Latitude, decimal Longitude)
{
    /// <summary>Latvia with a margin: a point outside is a typing slip (latitude and longitude
    /// swapped, a sign lost), not a community abroad.</summary>
    public const decimal MinLatitude = 55.5m, MaxLatitude = 58.2m, MinLongitude = 20.8m, MaxLongitude = 28.4m;

    /// <summary>As HTML attributes and map scripts read them: a point, not the reader's decimal comma.</summary>
    public string LatitudeText => Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string LongitudeText => Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsInLatvia(decimal latitude, decimal longitude) =>
        latitude is >= MinLatitude and <= MaxLatitude && longitude is >= MinLongitude and <= MaxLongitude;

    /// <summary>Both halves or none; rounded to the five decimals stored.</summary>
    public static GeoPoint? Of(decimal? latitude, decimal? longitude) =>
        latitude is { } lat && longitude is { } lon ? new GeoPoint(Math.Round(lat, 5), Math.Round(lon, 5)) : null;

    /// <summary>What a form's two fields say: nothing (both empty), a point, or a problem. Either
    /// decimal mark is read ("56,9" as typed in Latvian, "56.9" as maps write it).</summary>
    public static GeoPointProblem? Read(string? latitude, string? longitude, out GeoPoint? point)
    {
        point = null;
        var (lat, lon) = (latitude?.Trim(), longitude?.Trim());
        if (string.IsNullOrEmpty(lat) && string.IsNullOrEmpty(lon))
        {
            return null;
        }

        if (string.IsNullOrEmpty(lat) || string.IsNullOrEmpty(lon))
        {
            return GeoPointProblem.HalfGiven;
        }

        if (!Degrees(lat, out var a) || !Degrees(lon, out var b))
        {
            return GeoPointProblem.NotANumber;
        }

        if (!IsInLatvia(a, b))
        {
            return GeoPointProblem.OutsideLatvia;
        }

        point = new GeoPoint(Math.Round(a, 5), Math.Round(b, 5));
        return null;
    }

    private static bool Degrees(string text, out decimal value) =>
        decimal.TryParse(text.Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out value);
}

public enum GeoPointProblem
{
    /// <summary>Only one of latitude and longitude.</summary>
    HalfGiven = 1,

    NotANumber = 3,

    OutsideLatvia = 2,
}
