using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Data.Seed;

/// <summary>Seeds themes and territories from the CSV files beside this class. Idempotent: rows are
/// matched by their natural key and updated, never duplicated.</summary>
public class ReferenceDataSeeder(AppDbContext db, ILogger<ReferenceDataSeeder> logger)
{
    private static readonly string SeedDirectory = Path.Combine(AppContext.BaseDirectory, "Data", "Seed");

    public async Task SeedAsync(CancellationToken ct)
    {
        await SeedThemesAsync(ct);
        await SeedTerritoriesAsync(ct);
    }

    private async Task SeedThemesAsync(CancellationToken ct)
    {
        var rows = ReadCsv<ThemeRow>("themes.csv");
        var existing = await db.Themes.ToDictionaryAsync(t => t.Slug, ct);
        var order = 0;
        foreach (var row in rows)
        {
            order++;
            if (!existing.TryGetValue(row.Slug, out var theme))
            {
                theme = new Theme { Slug = row.Slug, NameLv = row.NameLv, NameEn = row.NameEn };
                db.Themes.Add(theme);
            }

            theme.NameLv = row.NameLv;
            theme.NameEn = row.NameEn;
            theme.SortOrder = order;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {ThemeCount} themes", rows.Count);
    }

    private async Task SeedTerritoriesAsync(CancellationToken ct)
    {
        var rows = ReadCsv<TerritoryRow>("territories.csv");
        var all = await db.Territories.ToListAsync(ct);
        var slugs = all.Select(t => t.Slug).ToHashSet();

        Territory Upsert(string name, TerritoryKind kind, Territory? novads, Func<string> slug)
        {
            // Every row is tracked, so t.Novads is fixed up to the same instance as novads.
            var territory = all.SingleOrDefault(t => t.Name == name && t.Kind == kind && t.Novads == novads);
            if (territory is null)
            {
                var candidate = slug();
                if (!slugs.Add(candidate))
                {
                    candidate = Slug.From($"{name} {novads?.Name}");
                    slugs.Add(candidate);
                }

                territory = new Territory { Name = name, Kind = kind, Slug = candidate, Novads = novads };
                all.Add(territory);
                db.Territories.Add(territory);
            }

            return territory;
        }

        // Parents first: novadi, then former novadi, then towns and parishes, then villages.
        var novadi = new Dictionary<string, Territory>();
        foreach (var row in rows.Where(r => r.Kind == "novads"))
        {
            var novads = Upsert(row.Name, TerritoryKind.Novads, null, () => Slug.From(row.Name));
            Apply(novads, row);
            novadi[row.Name] = novads;
        }

        await db.SaveChangesAsync(ct);

        var former = new Dictionary<string, Territory>();
        foreach (var name in rows.Select(r => r.FormerNovads).Where(n => !string.IsNullOrEmpty(n)).Distinct())
        {
            former[name!] = Upsert(name!, TerritoryKind.FormerNovads, null, () => Slug.From($"bijusais {name}"));
        }

        await db.SaveChangesAsync(ct);

        foreach (var row in rows.Where(r => r.Kind != "novads").OrderBy(r => r.Kind == "ciems"))
        {
            var novads = novadi[row.CurrentNovads];
            var kind = row.Kind switch
            {
                "pilseta" => TerritoryKind.Pilseta,
                "pagasts" => TerritoryKind.Pagasts,
                "ciems" => TerritoryKind.Ciems,
                _ => throw new InvalidDataException($"Unknown territory kind '{row.Kind}' for {row.Name}"),
            };
            var unit = Upsert(row.Name, kind, novads, () => Slug.From(row.Name));
            unit.Parent = string.IsNullOrEmpty(row.ParentUnit)
                ? novads
                : all.Single(t => t.Name == row.ParentUnit && t.Novads == novads && t.Kind != TerritoryKind.Ciems);
            unit.FormerNovads = string.IsNullOrEmpty(row.FormerNovads) ? null : former[row.FormerNovads];
            Apply(unit, row);
            if (kind != TerritoryKind.Ciems)
            {
                // Villages name their parish as parent_unit; the parish must exist before they do.
                await db.SaveChangesAsync(ct);
            }
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {TerritoryCount} territories", all.Count);
    }

    private static void Apply(Territory territory, TerritoryRow row)
    {
        territory.Latitude = row.Latitude;
        territory.Longitude = row.Longitude;
        territory.AtvkCode = string.IsNullOrWhiteSpace(row.Atvk) ? null : row.Atvk.Trim();
        territory.LocationConfirmed = row.Confirmed == "yes";
    }

    private static List<T> ReadCsv<T>(string file)
    {
        using var reader = new StreamReader(Path.Combine(SeedDirectory, file));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        return csv.GetRecords<T>().ToList();
    }

    private sealed class ThemeRow
    {
        [Name("slug")] public string Slug { get; set; } = "";
        [Name("name_lv")] public string NameLv { get; set; } = "";
        [Name("name_en")] public string NameEn { get; set; } = "";
    }

    private sealed class TerritoryRow
    {
        [Name("current_novads")] public string CurrentNovads { get; set; } = "";
        [Name("unit_name")] public string Name { get; set; } = "";
        [Name("unit_kind")] public string Kind { get; set; } = "";
        [Name("former_novads")] public string? FormerNovads { get; set; }
        [Name("parent_unit")] public string? ParentUnit { get; set; }
        [Name("lat")] public decimal? Latitude { get; set; }
        [Name("lon")] public decimal? Longitude { get; set; }
        [Name("atvk")] public string? Atvk { get; set; }
        [Name("confirmed")] public string Confirmed { get; set; } = "";
    }
}
