using Kaimini.Web.Data;
using Kaimini.Web.Data.Seed;
using Kaimini.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Database;

/// <summary>Applies migrations and seeds reference data and accounts.</summary>
public class DatabaseInitializer(IServiceScopeFactory scopes)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await MigrateAsync(services, ct);
        await services.GetRequiredService<ReferenceDataSeeder>().SeedAsync(ct);
        await services.GetRequiredService<AccountSeeder>().SeedAsync();
        services.GetRequiredService<ReferenceCache>().Invalidate();
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemoData)
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
        }

        // The reports' summary tables: built for all data after the migration that adds them, and
        // for whatever the seeding wrote, so that the first report does not wait for it.
        await services.GetRequiredService<ReportFacts>().RefreshAsync(ct);
    }

    /// <summary>Applies the pending migrations. Data that only C# can compute comes first: before the
    /// migration that makes the people hash required, the database is brought up to the one before
    /// it and the existing registrations get their hash (<see cref="PersonHashBackfill"/>).</summary>
    private static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var all = db.Database.GetMigrations().ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToHashSet();
        var required = all.FindIndex(m => m.EndsWith("_" + PersonHashBackfill.RequiredFrom, StringComparison.Ordinal));
        if (required > 0 && pending.Contains(all[required]))
        {
            await db.GetService<IMigrator>().MigrateAsync(all[required - 1], ct);
            await services.GetRequiredService<PersonHashBackfill>().RunAsync(ct);
        }

        await db.Database.MigrateAsync(ct);
    }
}
