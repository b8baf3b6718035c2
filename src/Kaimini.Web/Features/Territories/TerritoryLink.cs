using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Territories;

public sealed record TerritoryLink(string Slug, string Name, TerritoryKind Kind);
