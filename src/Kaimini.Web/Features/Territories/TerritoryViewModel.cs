using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Territories;

public sealed record TerritoryViewModel(
    string Name,
    TerritoryKind Kind,
    TerritoryLink? Parent,
    TerritoryLink? Novads,
    TerritoryLink? FormerNovads,
    IReadOnlyList<TerritoryLink> Units,
    IReadOnlyList<Communities.CommunityCard> Communities,
    int CommunityCount,
    string DirectoryUrl,
    Shared.WhatsOnHere WhatsOn,
    int Id,
    string Slug);
