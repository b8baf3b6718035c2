using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.BulkSends;

/// <summary>Where a bulk send is: recipients processed of those named (the worker's counters), and
/// its mail in the outbox (waiting, sent, failed).</summary>
public sealed record BulkSendProgress(int Total, int Processed, int Skipped, bool Finished, int Waiting, int Sent, int Failed)
{
    /// <summary>Still worth refreshing: recipients to process or mail waiting to leave.</summary>
    public bool Running => !Finished || Waiting > 0;

    /// <summary>The progress of the send, or null when there is none with this id.</summary>
    public static async Task<BulkSendProgress?> OfAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var send = await db.BulkSends.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { b.Total, b.Processed, b.Skipped, b.FinishedAt })
            .SingleOrDefaultAsync(ct);
        if (send is null)
        {
            return null;
        }

        var counts = await db.OutboxMessages.Where(m => m.BatchId == id)
            .GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new BulkSendProgress(send.Total, send.Processed, send.Skipped, send.FinishedAt is not null,
            counts.GetValueOrDefault(OutboxStatus.Pending), counts.GetValueOrDefault(OutboxStatus.Sent), counts.GetValueOrDefault(OutboxStatus.Failed));
    }

    /// <summary>For the progress page's script (the names it has always read, and the worker's part).</summary>
    public object ToJson() => new { queued = Waiting, sent = Sent, failed = Failed, processed = Processed, total = Total, running = Running };
}

/// <summary>The progress block and where its script asks for fresh counts.</summary>
public sealed record BulkSendProgressView(BulkSendProgress Progress, string ProgressUrl, string RefreshUrl);
