using Kaimini.Web.Data;
using Kaimini.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Database;

/// <summary>Applies migrations and seeds reference data and accounts.</summary>
public class DatabaseInitializer(IServiceScopeFactory scopes)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<AppDbContext>().Database.MigrateAsync(ct);
        await services.GetRequiredService<ReferenceDataSeeder>().SeedAsync(ct);
        await services.GetRequiredService<AccountSeeder>().SeedAsync();
        services.GetRequiredService<ReferenceCache>().Invalidate();
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemoData)
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
        }
    }
}
