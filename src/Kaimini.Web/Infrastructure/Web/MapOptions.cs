namespace Kaimini.Web.Infrastructure.Web;

/// <summary>The map beside the directory and the events (Leaflet, vendored in wwwroot/lib). The tile
/// server is a setting; the content security policy allows its host alone. An empty
/// <see cref="TileUrl"/> turns the maps off: the lists are their accessible equivalent, and a map
/// never shows what its list lacks.</summary>
public class MapOptions
{
    public const string Section = "Map";

    /// <summary>Set in <c>HttpContext.Items</c> by a page with a map: the layout then loads Leaflet and
    /// the map script after the page, outside its main content.</summary>
    public const string ScriptsItem = "kaimini.map-scripts";

    /// <summary>A Leaflet tile template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png.</summary>
    public string? TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>The tiles' attribution, HTML as the tile server asks for it.</summary>
    public string Attribution { get; set; } = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>";

    public bool Enabled => !string.IsNullOrWhiteSpace(TileUrl);

    /// <summary>The tile server's origin for the content security policy: "https://tile.example.org",
    /// or "https://*.tile.example.org" for a template with a {s} subdomain.</summary>
    public string? TileOrigin =>
        Enabled && Uri.TryCreate(TileUrl!.Replace("{s}.", "s-sub."), UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{uri.Authority.Replace("s-sub.", "*.")}"
            : null;

    public bool IsValid(out string? error)
    {
        error = !Enabled ? null
            : TileOrigin is null || !(TileUrl!.StartsWith("https://", StringComparison.Ordinal) || TileUrl.StartsWith("http://", StringComparison.Ordinal))
                ? "Map:TileUrl must be an absolute http(s) address"
            : !TileUrl.Contains("{z}", StringComparison.Ordinal) || !TileUrl.Contains("{x}", StringComparison.Ordinal) || !TileUrl.Contains("{y}", StringComparison.Ordinal)
                ? "Map:TileUrl must contain {z}, {x} and {y}"
            : null;
        return error is null;
    }
}

public sealed class MapOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<MapOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, MapOptions options) =>
        options.IsValid(out var error) ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(error!);
}
