using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Jobs;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Features.Digest;

/// <summary>What one run of the weekly digest did (counts only): the people it claimed, the messages
/// it queued, and the batches (one claim statement each).</summary>
public sealed record WeeklyDigestResult(DateOnly Week, int People, int Messages, int Batches);

/// <summary>Sends each subscriber (<see cref="AppUser.WeeklyDigest"/>) the week's digest once. From
/// Monday's hour on, a run claims subscribers in batches: one statement inserts the batch's
/// <see cref="DigestSend"/> rows, skipping people another instance holds, and returns who they are; the
/// batch's follows and ideas are read in one query each, the digests composed in each person's language
/// and queued through the outbox at the bulk pace, and all of it commits together. Nothing new for
/// someone: the claim is kept, no mail.</summary>
public class WeeklyDigest(AppDbContext db, Mailer mailer, PublicUrls urls, DigestUnsubscribeLinks unsubscribe, ReferenceCache reference,
    IOptions<WeeklyDigestOptions> options, TimeProvider clock, ILogger<WeeklyDigest> logger)
{
    public const string Category = "digest.weekly";

    /// <summary>Sends the due week's digests to everyone not yet claimed; null before Monday's hour or
    /// when there was nobody left.</summary>
    public async Task<WeeklyDigestResult?> RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        var started = clock.GetUtcNow();
        var week = DigestWeek.Containing(started, o.SendAtHour);
        if (!week.IsDueAt(started))
        {
            return null;
        }

        DigestItems? items = null;
        var links = DigestUrls.From(urls);
        var batchId = Guid.CreateVersion7();
        var (people, messages, batches) = (0, 0, 0);
        // Passes over the subscribers in id order. A pass that claims somebody is followed by another,
        // for anyone it skipped while another instance held them (and has since let them go).
        for (var claimedInPass = true; claimedInPass;)
        {
            claimedInPass = false;
            for (var after = ""; after is not null;)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var scanned = await ClaimAsync(week.Monday, after, o.BatchSize, ct);
                after = scanned.Count == o.BatchSize ? scanned[^1].Id : null;
                var claimed = scanned.Where(s => s.Claimed).ToList();
                if (claimed.Count == 0)
                {
                    continue;
                }

                claimedInPass = true;
                batches++;
                people += claimed.Count;
                items ??= await DigestItems.LoadAsync(db, await reference.GetAsync(ct), urls, week, started, ct);
                messages += await QueueAsync(week, claimed, items, links, batchId, ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        if (batches == 0)
        {
            return null;
        }

        var result = new WeeklyDigestResult(week.Monday, people, messages, batches);
        logger.LogInformation("Weekly digest {Week}: {People} subscribers in {Batches} batches, {Messages} messages queued",
            week.Monday, people, batches, messages);
        return result;
    }

    /// <summary>The next <paramref name="batchSize"/> subscribers after <paramref name="after"/> in id
    /// order, skipping any another instance is claiming now, with the week claimed for those who did not
    /// have it yet (<see cref="Subscriber.Claimed"/>): one statement. It walks an index range and inserts
    /// into a primary key; there is no anti-join whose plan could turn quadratic while the week's claims
    /// grow under a cached plan.</summary>
    private Task<List<Subscriber>> ClaimAsync(DateOnly week, string after, int batchSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Database.SqlQuery<Subscriber>($"""
            WITH candidates AS (
                SELECT u.id FROM "AspNetUsers" u
                WHERE u.weekly_digest AND u.id > {after} AND u.email_confirmed AND u.email IS NOT NULL
                ORDER BY u.id
                LIMIT {batchSize}
                FOR NO KEY UPDATE SKIP LOCKED),
            claimed AS (
                INSERT INTO digest_sends (week, user_id, claimed_at, sent)
                SELECT {week}, id, {now}, false FROM candidates
                ON CONFLICT DO NOTHING
                RETURNING user_id)
            SELECT u.id, u.email, u.display_name, u.preferred_culture, c.user_id IS NOT NULL AS claimed
            FROM candidates k
            JOIN "AspNetUsers" u ON u.id = k.id
            LEFT JOIN claimed c ON c.user_id = k.id
            ORDER BY u.id
            """).ToListAsync(ct);
    }

    private async Task<int> QueueAsync(DigestWeek week, List<Subscriber> batch, DigestItems items, DigestUrls links, Guid batchId, CancellationToken ct)
    {
        var ids = batch.Select(s => s.Id).ToList();
        var follows = (await db.Follows.AsNoTracking().Where(f => ids.Contains(f.UserId)).ToListAsync(ct))
            .ToLookup(f => f.UserId);
        var answered = items.Answers.Keys.ToList();
        var theirIdeas = answered.Count == 0 ? [] : await db.Ideas.AsNoTracking()
            .Where(i => answered.Contains(i.Id) && i.AuthorId != null && ids.Contains(i.AuthorId))
            .Select(i => new { UserId = i.AuthorId!, IdeaId = i.Id })
            .Concat(db.IdeaSupports.Where(s => answered.Contains(s.IdeaId) && s.UserId != null && ids.Contains(s.UserId))
                .Select(s => new { UserId = s.UserId!, s.IdeaId }))
            .ToListAsync(ct);
        var ideasOf = theirIdeas.ToLookup(x => x.UserId, x => x.IdeaId);
        await mailer.PreloadSuppressionsAsync(batch.Select(s => s.Email), ct);

        var sent = new List<string>();
        foreach (var person in batch)
        {
            var digest = items.For(DigestFollows.Of(follows[person.Id]), ideasOf[person.Id], options.Value.SectionLimit, links);
            if (digest is null)
            {
                continue;
            }

            var queued = await mailer.QueueAsync(new EmailRecipient(person.Email, person.DisplayName, person.PreferredCulture), digest,
                Category, essential: false, batchId: batchId, ct: ct, unsubscribeUrl: unsubscribe.UrlFor(person.Id));
            if (queued is not null)
            {
                sent.Add(person.Id);
            }
        }

        await db.SaveChangesAsync(ct);
        if (sent.Count > 0)
        {
            await db.DigestSends.Where(d => d.Week == week.Monday && sent.Contains(d.UserId))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Sent, true), ct);
        }

        return sent.Count;
    }

    /// <summary>A subscriber the claim walked past, and whether this claim got their week (the columns it
    /// returns, snake_case as the naming convention maps them).</summary>
    public sealed record Subscriber(string Id, string Email, string DisplayName, string PreferredCulture, bool Claimed);
}

/// <summary>Runs <see cref="WeeklyDigest"/> every <see cref="WeeklyDigestOptions.PollMinutes"/>: the first
/// look after Monday's hour sends the week's digests, later looks find only who was left (someone who
/// turned the digest on since gets that week's at once).</summary>
public class WeeklyDigestWorker(IServiceScopeFactory scopes, IOptions<WeeklyDigestOptions> options, ILogger<WeeklyDigestWorker> logger)
    : PeriodicJobWorker(scopes, logger)
{
    protected override string JobName => "Weekly digest";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PollMinutes);

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<WeeklyDigest>().RunAsync(ct);
}
