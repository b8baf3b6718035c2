using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Features.BulkSends;

/// <summary>Works through stored bulk sends a chunk at a time. A chunk is claimed with FOR UPDATE SKIP
/// LOCKED, so two instances never take the same recipients, and its invitations, outbox mail, the
/// deletion of the recipients' rows (no address outlives its send) and the send's counters commit in
/// one transaction: a worker that
/// stops half-way leaves its chunk unprocessed for the next one, and nothing is sent twice.</summary>
public class BulkSender(AppDbContext db, Mailer mailer, IEnumerable<IBulkSendHandler> handlers, TimeProvider clock,
    IOptions<BulkSendOptions> options, ILogger<BulkSender> logger)
{
    /// <summary>Claims and processes one chunk; returns how many recipients it processed (0: nothing left).</summary>
    public async Task<int> ProcessChunkAsync(CancellationToken ct)
    {
        var size = Math.Max(1, options.Value.ChunkSize);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Oldest send first (ids are version 7 GUIDs); every worker locks in this order, so the
        // counter updates below cannot deadlock.
        var claimed = await db.BulkSendRecipients
            .FromSql($"SELECT * FROM bulk_send_recipients ORDER BY bulk_send_id, position LIMIT {size} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        if (claimed.Count == 0)
        {
            return 0;
        }

        await mailer.PreloadSuppressionsAsync(claimed.Select(r => r.Email), ct);
        var now = clock.GetUtcNow();
        foreach (var group in claimed.GroupBy(r => r.BulkSendId))
        {
            var send = await db.BulkSends.AsNoTracking().Include(b => b.CreatedBy).SingleAsync(b => b.Id == group.Key, ct);
            var handler = handlers.Single(h => h.Kind == send.Kind);
            var queued = 0;
            foreach (var recipient in group)
            {
                if (await handler.SendAsync(send, recipient, ct))
                {
                    queued++;
                }
            }

            db.BulkSendRecipients.RemoveRange(group);

            await db.SaveChangesAsync(ct);
            var processed = group.Count();
            var skipped = processed - queued;
            await db.BulkSends.Where(b => b.Id == send.Id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Processed, b => b.Processed + processed)
                .SetProperty(b => b.Queued, b => b.Queued + queued)
                .SetProperty(b => b.Skipped, b => b.Skipped + skipped)
                .SetProperty(b => b.FinishedAt, b => b.Processed + processed >= b.Total ? now : b.FinishedAt), ct);
            logger.LogInformation("Bulk send {BulkSendId}: {Queued} queued, {Skipped} skipped", send.Id, queued, skipped);
        }

        await transaction.CommitAsync(ct);
        return claimed.Count;
    }
}

/// <summary>Runs <see cref="BulkSender"/> every <see cref="BulkSendOptions.PollSeconds"/>, chunk after
/// chunk until nothing is left, each chunk in a fresh scope (a chunk's rendered mail leaves memory
/// with it).</summary>
public class BulkSendWorker(IServiceScopeFactory scopes, IOptions<BulkSendOptions> options, ILogger<BulkSendWorker> logger)
    : PeriodicJobWorker(scopes, logger)
{
    protected override string JobName => "Bulk sends";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var factory = services.GetRequiredService<IServiceScopeFactory>();
        while (!ct.IsCancellationRequested)
        {
            await using var scope = factory.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<BulkSender>().ProcessChunkAsync(ct) == 0)
            {
                return;
            }
        }
    }
}
