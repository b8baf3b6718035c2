using System.Diagnostics;
using System.Globalization;
using Kaimini.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Digest;

/// <summary>What <c>./kaimini bench</c> reports of the weekly digest (<c>Kaimini.Web bench-digest</c>, on
/// the benchmark's Latvia-scale database only): up to <paramref name="subscribers"/> people who follow
/// something get the digest turned on, the due week's claims and digests of an earlier run are taken
/// back, and one run sends the week; the queued messages are deleted afterwards (the benchmark's portal
/// sends no mail). The invented accounts' addresses end in .invalid, which the mailer refuses, so
/// they end in .test for the run.</summary>
public static class DigestBenchmark
{
    public static async Task<string> RunAsync(IServiceProvider services, int subscribers, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var week = DigestWeek.Containing(clock.GetUtcNow(), scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WeeklyDigestOptions>>().Value.SendAtHour);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "AspNetUsers" SET weekly_digest = true
            WHERE NOT weekly_digest AND id IN (SELECT DISTINCT user_id FROM follows ORDER BY user_id LIMIT {subscribers})
            """, ct);
        await db.DigestSends.Where(d => d.Week == week.Monday).ExecuteDeleteAsync(ct);
        await db.OutboxMessages.Where(m => m.Category == WeeklyDigest.Category).ExecuteDeleteAsync(ct);
        var followers = await db.Users.CountAsync(u => u.WeeklyDigest, ct);

        // The invented accounts' addresses are under .invalid, which the mailer never queues for: for the
        // run they are .test (reserved too, and the benchmark's portal sends nothing), and back afterwards.
        await db.Database.ExecuteSqlAsync($"UPDATE \"AspNetUsers\" SET email = left(email, -8) || '.test' WHERE weekly_digest AND email LIKE '%@kaimini.invalid'", ct);
        var watch = Stopwatch.StartNew();
        WeeklyDigestResult? result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().RunAsync(ct);
        }
        finally
        {
            watch.Stop();
            await db.Database.ExecuteSqlAsync($"UPDATE \"AspNetUsers\" SET email = left(email, -5) || '.invalid' WHERE weekly_digest AND email LIKE '%@kaimini.test' AND email LIKE 'merogs-%'", CancellationToken.None);
        }

        var bytes = await db.OutboxMessages.Where(m => m.Category == WeeklyDigest.Category).SumAsync(m => (long)m.Mime.Length, ct);
        await db.OutboxMessages.Where(m => m.Category == WeeklyDigest.Category).ExecuteDeleteAsync(ct);
        var c = CultureInfo.InvariantCulture;
        return result is null
            ? $"weekly digest: nothing to send for the week of {week.Monday:yyyy-MM-dd} ({followers.ToString("N0", c)} subscribers)"
            : string.Create(c, $"weekly digest, week of {week.Monday:yyyy-MM-dd}: {result.People:N0} subscribers in {result.Batches:N0} batches (one claim statement each), "
                + $"{result.Messages:N0} messages ({bytes / 1024.0 / 1024.0:N0} MB) queued in {watch.Elapsed.TotalSeconds:N1} s "
                + $"({result.People / watch.Elapsed.TotalSeconds:N0} subscribers/s)");
    }
}
