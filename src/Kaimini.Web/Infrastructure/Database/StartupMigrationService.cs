using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Database;

/// <summary>Migrates and seeds at start when configured. The database may be down at start: the
/// portal then serves its "try again" page and this service keeps trying, so the portal recovers
/// by itself when PostgreSQL returns.</summary>
public class StartupMigrationService(
    DatabaseInitializer initializer,
    IOptions<DatabaseOptions> options,
    ILogger<StartupMigrationService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await initializer.InitializeAsync(stoppingToken);
                logger.LogInformation("Database migrated and seeded");
                return;
            }
            catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex) && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Database unavailable at start ({Reason}); retrying in {Delay}", ex.Message, RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
