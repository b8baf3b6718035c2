namespace Kaimini.Web.Features.Shared;

/// <summary>A map beside a list (<c>_ListMap</c>): markers for the list's items that carry a point
/// (<c>data-lat</c>, <c>data-lng</c>, <c>data-title</c>, <c>data-href</c>).</summary>
public sealed record ListMap(string ListId);

/// <summary>A map on a form (<c>_MapPicker</c>): a click fills the two fields, typing moves the marker.</summary>
public sealed record MapPicker(string LatitudeFieldId, string LongitudeFieldId);
