using Kaimini.Web.Infrastructure.Database;

namespace Kaimini.Web.Infrastructure.Jobs;

/// <summary>Runs a scoped job now and then every <see cref="Interval"/> in the background: a fresh
/// scope per run; a database that is down pauses the job with a warning, any other failure is logged
/// and the next tick tries again.</summary>
public abstract class PeriodicJobWorker(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    /// <summary>For logs: "Retention", "Reminders".</summary>
    protected abstract string JobName { get; }

    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex))
            {
                logger.LogWarning("{Job} paused: database unavailable ({Reason})", JobName, ex.Message);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Job} failed", JobName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
