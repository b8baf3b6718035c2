using Kaimini.Web.Infrastructure.Database;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>Runs the dispatcher: sends while there is mail, then sleeps until a new message is
/// committed or the poll interval passes. Survives a database or mail-server outage.</summary>
public class OutboxWorker(OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(o.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await dispatcher.DispatchAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex))
            {
                logger.LogWarning("Outbox paused: database unavailable ({Reason})", ex.Message);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch failed");
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
