using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data.Seed;

/// <summary>An invented, round population for each demo town and parish, from 2021 to this year, so the
/// reports' per-1,000 figures show something on ./kaimini run. The source says it is illustrative, and
/// the report says so wherever the figure appears. Real figures come from an administrator's import.</summary>
public static class DemoPopulation
{
    /// <summary>Round numbers of the right size (the territories file carries no population).</summary>
    private static readonly Dictionary<string, int> Residents = new()
    {
        ["Mārupe"] = 12000,
        ["Mārupes pagasts"] = 9000,
        ["Babītes pagasts"] = 10000,
        ["Salas pagasts"] = 3000,
        ["Olaine"] = 10000,
        ["Olaines pagasts"] = 8000,
        ["Ķekava"] = 6000,
        ["Baloži"] = 6500,
        ["Ķekavas pagasts"] = 12000,
        ["Daugmales pagasts"] = 2000,
        ["Baldone"] = 4000,
        ["Baldones pagasts"] = 2500,
    };

    public static async Task SeedAsync(AppDbContext db, ReferenceData refData, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.PopulationFigures.AnyAsync(ct))
        {
            return;
        }

        var units = refData.Territories.Where(t => t.Kind is TerritoryKind.Pilseta or TerritoryKind.Pagasts).ToList();
        for (var year = 2021; year <= now.ToRiga().Year; year++)
        {
            foreach (var unit in units)
            {
                db.PopulationFigures.Add(new PopulationFigure
                {
                    TerritoryId = unit.Id,
                    Year = year,
                    Population = Residents.GetValueOrDefault(unit.Name, 3000),
                    Source = PopulationFigure.IllustrativeSource,
                    ImportedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
