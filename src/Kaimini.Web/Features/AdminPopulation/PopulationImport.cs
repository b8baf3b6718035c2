using System.Text.Json;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminPopulation;

/// <summary>Reads an uploaded population file against the territories, and stores a checked one:
/// whole or not at all, each year it names replacing what that year held, with one audit entry per
/// year (units and total before and after).</summary>
public class PopulationImport(AppDbContext db, TimeProvider clock)
{
    public async Task<(List<PopulationLine> Lines, List<PopulationLineError> Errors)> ReadAsync(IFormFile file, CancellationToken ct)
    {
        var units = await db.Territories.AsNoTracking()
            .Select(u => new PopulationUnit(u.Id, u.Slug, u.AtvkCode, u.Name, u.Kind)).ToListAsync(ct);
        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return PopulationCsv.Parse(reader, units, clock.GetUtcNow().ToRiga().Year);
    }

    /// <summary>Replaces the years the lines name; returns them.</summary>
    public async Task<IReadOnlyList<int>> StoreAsync(IReadOnlyList<PopulationLine> lines, string? userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var years = lines.Select(l => l.Year).Distinct().Order().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One import at a time: two replacing the same year would otherwise collide.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('population-import'))", ct);
        var before = await db.PopulationFigures.Where(p => years.Contains(p.Year)).GroupBy(p => p.Year)
            .Select(g => new { Year = g.Key, Units = g.Count(), Total = g.Sum(p => (long)p.Population) })
            .ToDictionaryAsync(g => g.Year, ct);
        await db.PopulationFigures.Where(p => years.Contains(p.Year)).ExecuteDeleteAsync(ct);
        db.PopulationFigures.AddRange(lines.Select(l => new PopulationFigure
        {
            TerritoryId = l.TerritoryId,
            Year = l.Year,
            Population = l.Population,
            Source = l.Source,
            ImportedAt = now,
            ImportedById = userId,
        }));
        foreach (var year in years)
        {
            var imported = lines.Where(l => l.Year == year).ToList();
            var old = before.GetValueOrDefault(year);
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserId = userId,
                EntityType = nameof(PopulationFigure),
                EntityId = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Action = old is null ? "imported" : "replaced",
                Changes = JsonSerializer.Serialize(new Dictionary<string, long?[]>
                {
                    ["Units"] = [old?.Units, imported.Count],
                    ["Population"] = [old?.Total, imported.Sum(l => (long)l.Population)],
                }),
            });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return years;
    }
}
