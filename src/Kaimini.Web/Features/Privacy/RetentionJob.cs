using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Jobs;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Features.Privacy;

/// <summary>What one day's run did.</summary>
public sealed record RetentionResult(int NeedsDeleted, int RegistrationsAnonymised, int BodiesDeleted, int FailedMailPurged);

/// <summary>Keeps personal data only as long as it is needed, once a day: accessibility needs go the
/// day after the event, names and addresses <see cref="PrivacyOptions.KeepRegistrationsMonths"/> after
/// it (type, home territory, attendance and the people hash stay for reports), sent mail loses its
/// body after <see cref="OutboxOptions.KeepSentBodyDays"/> and failed mail goes after
/// <see cref="OutboxOptions.KeepFailedDays"/>.
/// The day is claimed by inserting its <see cref="JobRun"/> in the transaction that does the work: a
/// second instance waits on the key and then finds the day done.</summary>
public class RetentionJob(AppDbContext db, IOptions<PrivacyOptions> privacy, IOptions<OutboxOptions> outbox,
    TimeProvider clock, ILogger<RetentionJob> logger)
{
    public const string Name = "retention";
    private const int BatchSize = 500;

    /// <summary>Runs today's retention unless an instance already has; null when it had.</summary>
    public async Task<RetentionResult?> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToRiga().DateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await DailyJobRuns.ClaimAsync(db, Name, today, now, ct))
        {
            return null;
        }

        // Midnight in Riga today: an event that ended before it ended yesterday or earlier.
        var startOfToday = RigaTime.FromRiga(today.ToDateTime(TimeOnly.MinValue));
        var needs = await db.EventRegistrations
            .Where(r => r.AccessibilityNeeds != null && r.Event!.EndsAt < startOfToday)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AccessibilityNeeds, (string?)null), ct);

        var anonymised = await AnonymiseAsync(now.AddMonths(-privacy.Value.KeepRegistrationsMonths), now, ct);

        var o = outbox.Value;
        var sentBefore = now.AddDays(-o.KeepSentBodyDays);
        var bodies = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sent && m.SentAt < sentBefore && m.Mime.Length > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Mime, Array.Empty<byte>()), ct);
        var failedBefore = now.AddDays(-o.KeepFailedDays);
        var failed = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Failed && m.CreatedAt < failedBefore)
            .ExecuteDeleteAsync(ct);

        var result = new RetentionResult(needs, anonymised, bodies, failed);
        await DailyJobRuns.FinishAsync(db, Name, today, clock.GetUtcNow(), result, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation(
            "Retention {Day}: {NeedsDeleted} needs deleted, {RegistrationsAnonymised} registrations anonymised, {BodiesDeleted} mail bodies deleted, {FailedMailPurged} failed mails purged",
            today, needs, anonymised, bodies, failed);
        return result;
    }

    private async Task<int> AnonymiseAsync(DateTimeOffset endedBefore, DateTimeOffset now, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var batch = await db.EventRegistrations
                .Where(r => r.AnonymisedAt == null && r.Event!.EndsAt < endedBefore)
                .OrderBy(r => r.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
            foreach (var registration in batch)
            {
                registration.Anonymise(now);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
            if (batch.Count < BatchSize)
            {
                return total;
            }
        }
    }
}

/// <summary>Runs <see cref="RetentionJob"/> every <see cref="PrivacyOptions.RetentionPollMinutes"/>;
/// the first look of each day does the work.</summary>
public class RetentionWorker(IServiceScopeFactory scopes, IOptions<PrivacyOptions> options, ILogger<RetentionWorker> logger)
    : PeriodicJobWorker(scopes, logger)
{
    protected override string JobName => "Retention";

    protected override bool Enabled => options.Value.RetentionEnabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RetentionPollMinutes);

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<RetentionJob>().RunAsync(ct);
}
