using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Data.Seed;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Data;

public class ReferenceDataTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task The_three_novadi_are_seeded_with_their_towns_and_parishes()
    {
        var units = await app.WithDbAsync(db => db.Territories
            .Where(t => t.Kind == TerritoryKind.Pilseta || t.Kind == TerritoryKind.Pagasts)
            .Select(t => new { t.Name, t.Kind, Novads = t.Novads!.Name, Parent = t.Parent!.Name })
            .ToListAsync());
        var novadi = await app.WithDbAsync(db => db.Territories.Where(t => t.Kind == TerritoryKind.Novads).Select(t => t.Name).ToListAsync());

        Assert.Equal(["Mārupes novads", "Olaines novads", "Ķekavas novads"], novadi.Order(StringComparer.Ordinal));
        string[] expected =
        [
            "Mārupe|Pilseta|Mārupes novads", "Mārupes pagasts|Pagasts|Mārupes novads",
            "Babītes pagasts|Pagasts|Mārupes novads", "Salas pagasts|Pagasts|Mārupes novads",
            "Olaine|Pilseta|Olaines novads", "Olaines pagasts|Pagasts|Olaines novads",
            "Ķekava|Pilseta|Ķekavas novads", "Baloži|Pilseta|Ķekavas novads", "Ķekavas pagasts|Pagasts|Ķekavas novads",
            "Daugmales pagasts|Pagasts|Ķekavas novads", "Baldone|Pilseta|Ķekavas novads", "Baldones pagasts|Pagasts|Ķekavas novads",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), units.Select(u => $"{u.Name}|{u.Kind}|{u.Novads}").Order(StringComparer.Ordinal));
        // Towns and parishes hang directly under their novads.
        Assert.All(units, u => Assert.Equal(u.Novads, u.Parent));
    }

    [Theory]
    [InlineData("Babītes pagasts")]
    [InlineData("Salas pagasts")]
    public async Task Babite_and_Sala_parishes_lie_in_Marupes_novads_and_were_in_Babites_novads(string parish)
    {
        var territory = await app.WithDbAsync(db => db.Territories
            .Where(t => t.Name == parish && t.Kind == TerritoryKind.Pagasts)
            .Select(t => new { Novads = t.Novads!.Name, Former = t.FormerNovads!.Name, FormerKind = t.FormerNovads.Kind })
            .SingleAsync());

        Assert.Equal("Mārupes novads", territory.Novads);
        Assert.Equal("Babītes novads", territory.Former);
        Assert.Equal(TerritoryKind.FormerNovads, territory.FormerKind);
    }

    [Theory]
    [InlineData("Baldone", TerritoryKind.Pilseta)]
    [InlineData("Baldones pagasts", TerritoryKind.Pagasts)]
    public async Task Baldone_lies_in_Kekavas_novads_and_was_in_Baldones_novads(string name, TerritoryKind kind)
    {
        var territory = await app.WithDbAsync(db => db.Territories
            .Where(t => t.Name == name && t.Kind == kind)
            .Select(t => new { Novads = t.Novads!.Name, Former = t.FormerNovads!.Name })
            .SingleAsync());

        Assert.Equal("Ķekavas novads", territory.Novads);
        Assert.Equal("Baldones novads", territory.Former);
    }

    [Fact]
    public async Task Villages_hang_under_their_parish_and_keep_their_former_novads()
    {
        var pinki = await app.WithDbAsync(db => db.Territories
            .Where(t => t.Name == "Piņķi")
            .Select(t => new { t.Kind, Parent = t.Parent!.Name, Novads = t.Novads!.Name, Former = t.FormerNovads!.Name, t.Slug })
            .SingleAsync());

        Assert.Equal(TerritoryKind.Ciems, pinki.Kind);
        Assert.Equal("Babītes pagasts", pinki.Parent);
        Assert.Equal("Mārupes novads", pinki.Novads);
        Assert.Equal("Babītes novads", pinki.Former);
        Assert.Equal("pinki", pinki.Slug);
    }

    [Fact]
    public async Task The_five_former_novadi_exist_and_themes_are_seeded()
    {
        var former = await app.WithDbAsync(db => db.Territories.Where(t => t.Kind == TerritoryKind.FormerNovads).Select(t => t.Name).ToListAsync());
        var themes = await app.WithDbAsync(db => db.Themes.OrderBy(t => t.SortOrder).Select(t => t.Slug).ToListAsync());

        Assert.Equal(["Babītes novads", "Baldones novads", "Mārupes novads", "Olaines novads", "Ķekavas novads"], former.Order(StringComparer.Ordinal));
        Assert.Equal(18, themes.Count);
        Assert.Equal("neighbourhood", themes[0]);
    }

    [Fact]
    public async Task Seeding_twice_creates_no_duplicates()
    {
        var before = await CountsAsync();

        await app.WithScopeAsync(s => s.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None));
        await app.WithScopeAsync(s => s.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None));

        var after = await CountsAsync();
        Assert.Equal(before, after);
        Assert.Equal(91, after.Territories);
        var duplicates = await app.WithDbAsync(db => db.Territories
            .GroupBy(t => new { t.Name, t.Kind, t.NovadsId })
            .Where(g => g.Count() > 1)
            .CountAsync());
        Assert.Equal(0, duplicates);
    }

    [Fact]
    public async Task Names_sort_in_Latvian_order_in_the_database()
    {
        // Bytewise order would put "Lapsas" before "Ķekava"; Latvian puts k < ķ < l.
        var names = await app.WithDbAsync(db => db.Territories
            .Where(t => t.Name == "Lapsas" || t.Name == "Ķekava" || t.Name == "Kūdra" || t.Name == "Katlakalns")
            .OrderBy(t => t.Name).Select(t => t.Name).ToListAsync());

        Assert.Equal(["Katlakalns", "Kūdra", "Ķekava", "Lapsas"], names);
    }

    private Task<(int Territories, int Themes)> CountsAsync() =>
        app.WithDbAsync(async db => (await db.Territories.CountAsync(), await db.Themes.CountAsync()));
}
