using System.Threading.RateLimiting;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>Sends due outbox messages. Claims a batch with FOR UPDATE SKIP LOCKED and a lease, so
/// any number of dispatchers (threads or portal instances) can run against one database without
/// sending a message twice; a dispatcher that dies leaves its claim to expire and the message is
/// sent again with the same Message-ID.</summary>
public sealed class OutboxDispatcher : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IEmailSender _sender;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly RateLimiter _bulkLimiter;

    public OutboxDispatcher(IServiceScopeFactory scopes, IEmailSender sender, IOptions<OutboxOptions> options,
        TimeProvider clock, ILogger<OutboxDispatcher> logger)
    {
        _scopes = scopes;
        _sender = sender;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        var perMinute = Math.Max(1, _options.BulkMessagesPerMinute);
        _bulkLimiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute / 6),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = int.MaxValue,
            AutoReplenishment = true,
        });
    }

    /// <summary>Claims and sends one batch; returns how many messages it claimed.</summary>
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = _clock.GetUtcNow();
        var leaseUntil = now.AddSeconds(_options.LeaseSeconds);
        var pending = nameof(OutboxStatus.Pending);
        var claimed = await db.Database.SqlQuery<ClaimedMessage>($"""
            UPDATE outbox_messages SET locked_until = {leaseUntil}, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE status = {pending} AND next_attempt_at <= {now} AND (locked_until IS NULL OR locked_until <= {now})
                ORDER BY essential DESC, next_attempt_at, id
                LIMIT {_options.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING id, mime, attempts, batch_id, essential, next_attempt_at
            """).ToListAsync(ct);

        // RETURNING gives rows in no particular order: essential mail first, then oldest first.
        foreach (var message in claimed.OrderByDescending(m => m.Essential).ThenBy(m => m.NextAttemptAt).ThenBy(m => m.Id))
        {
            if (message.BatchId is not null)
            {
                using var lease = await _bulkLimiter.AcquireAsync(1, ct);
            }

            await SendOneAsync(db, message, ct);
        }

        return claimed.Count;
    }

    private async Task SendOneAsync(AppDbContext db, ClaimedMessage claimed, CancellationToken ct)
    {
        try
        {
            using var stream = new MemoryStream(claimed.Mime);
            var message = await MimeMessage.LoadAsync(stream, ct);
            await _sender.SendAsync(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: give the claim back; the attempt does not count.
            await db.OutboxMessages.Where(m => m.Id == claimed.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1), CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(db, claimed, ex);
            return;
        }

        // Not cancellable: the message has left; losing the mark would send it again.
        await db.OutboxMessages.Where(m => m.Id == claimed.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, _clock.GetUtcNow())
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
    }

    private async Task RecordFailureAsync(AppDbContext db, ClaimedMessage claimed, Exception ex)
    {
        var error = Describe(ex);
        var final = claimed.Attempts >= _options.MaxAttempts;
        var next = _clock.GetUtcNow() + _options.RetryDelay(claimed.Attempts);
        await db.OutboxMessages.Where(m => m.Id == claimed.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, final ? OutboxStatus.Failed : OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, error.Length > 1000 ? error[..1000] : error), CancellationToken.None);

        // The SMTP reply may quote the address: the log gets the kind of error, the row the text.
        var kind = ex is SmtpCommandException smtp ? $"SMTP {(int)smtp.StatusCode} {smtp.ErrorCode}" : ex.GetType().Name;
        if (final)
        {
            _logger.LogError("Outbox message {OutboxId} failed for good after {Attempts} attempts ({ErrorKind})", claimed.Id, claimed.Attempts, kind);
        }
        else
        {
            _logger.LogWarning("Outbox message {OutboxId} attempt {Attempt} failed ({ErrorKind}); next try at {NextAttemptAt:O}",
                claimed.Id, claimed.Attempts, kind, next);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode}: {smtp.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    public void Dispose() => _bulkLimiter.Dispose();

    /// <summary>The columns the claim returns (snake_case, as the naming convention maps them).</summary>
    public sealed record ClaimedMessage(Guid Id, byte[] Mime, int Attempts, Guid? BatchId, bool Essential, DateTimeOffset NextAttemptAt);
}
