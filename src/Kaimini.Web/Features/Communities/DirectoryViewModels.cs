using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Web.Features.Communities;

/// <param name="Point">Its own point on the map, or its place's.</param>
public sealed record CommunityCard(string Slug, string Name, LocalText ShortDescription, LegalForm LegalForm, bool Verified,
    string Place, IReadOnlyList<string> Themes, GeoPoint? Point = null);

public sealed record DirectoryViewModel(DirectoryQuery Query, PagedList<CommunityCard> Results, ReferenceData Reference);

/// <summary>A community the directory's search found, to be chosen in a form.</summary>
public sealed record CommunityMatch(int Id, string Name, string Slug, string Place);
