namespace Kaimini.Web.Domain;

/// <summary>Administrative level of a territory. <see cref="FormerNovads"/> is a novads as it was
/// before the 2021 reform: people still think in them, so it is a territory of its own.</summary>
public enum TerritoryKind
{
    Novads = 1,
    FormerNovads = 2,
    Pilseta = 3,
    Pagasts = 4,
    Ciems = 5,
}
