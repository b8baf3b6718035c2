using System.Text.Json;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Infrastructure.Jobs;

/// <summary>The claim of a daily job (<see cref="JobRun"/>): inserted in the transaction that does the
/// day's work, so whichever instance inserts it does the work, a second one waits on the key and
/// then finds the day done, and a run that fails leaves no claim behind.</summary>
public static class DailyJobRuns
{
    /// <summary>Claims the day for the job; false when an instance already has.</summary>
    public static async Task<bool> ClaimAsync(AppDbContext db, string job, DateOnly day, DateTimeOffset now, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO job_runs (job, day, started_at) VALUES ({job}, {day}, {now}) ON CONFLICT (job, day) DO NOTHING", ct) > 0;

    /// <summary>Records when the claimed run finished and what it did (counts only, no personal data).</summary>
    public static Task FinishAsync<T>(AppDbContext db, string job, DateOnly day, DateTimeOffset finishedAt, T summary, CancellationToken ct) =>
        db.JobRuns.Where(r => r.Job == job && r.Day == day).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.FinishedAt, finishedAt)
            .SetProperty(r => r.Summary, JsonSerializer.Serialize(summary, JsonSerializerOptions.Web)), ct);
}
