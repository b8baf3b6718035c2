using Kaimini.Web.Data;
using Kaimini.Web.Domain;

namespace Kaimini.Tests.Data;

/// <summary>Without a database: <see cref="ReferenceData"/> over a few territories.</summary>
public class PlaceRuleTests
{
    private static readonly ReferenceData Reference = new(
    [
        new TerritoryInfo(1, "kekavas-novads", "Ķekavas novads", TerritoryKind.Novads, null, null, null),
        new TerritoryInfo(2, "kekava", "Ķekava", TerritoryKind.Pilseta, 1, 1, 4),
        new TerritoryInfo(3, "ritvari", "Ritvari", TerritoryKind.Ciems, 5, 1, 4),
        new TerritoryInfo(4, "kekavas-novads-2009", "Ķekavas novads (2009–2021)", TerritoryKind.FormerNovads, null, null, null),
        new TerritoryInfo(5, "kekavas-pagasts", "Ķekavas pagasts", TerritoryKind.Pagasts, 1, 1, 4),
    ], []);

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(5, true)]
    [InlineData(4, false)]
    [InlineData(99, false)]
    public void A_place_is_any_known_territory_but_a_former_novads(int id, bool isPlace) =>
        Assert.Equal(isPlace, Reference.IsPlace(id));
}
