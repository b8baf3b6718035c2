using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.MunicipalityIdeas.Emails;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Jobs;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Features.MunicipalityIdeas;

public class IdeaDigestOptions
{
    public const string Section = "IdeaDigest";

    /// <summary>Run the daily digest in this instance (several may: each day is claimed once).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the job looks whether today's digest is due.</summary>
    public double PollMinutes { get; set; } = 10;

    /// <summary>The hour (Riga time) from which the day's digest goes out: at the start of the working day.</summary>
    public int SendAtHour { get; set; } = 8;
}

/// <summary>What one day's digest did (counts only).</summary>
public sealed record IdeaDigestResult(int Ideas, int Novadi, int Messages);

/// <summary>Once a day, tells the municipality staff of each novads about the ideas addressed to the
/// municipality published there since the last digest (the novads of the idea's territory; the staff
/// account's <see cref="AppUser.NovadsId"/>), with links to answer them. A day without new ideas
/// sends nothing. Each message goes through the outbox in the staff member's language, with the
/// unsubscribe link of non-essential mail; the day is claimed by its <see cref="JobRun"/> in the same
/// transaction, so the digest goes out once however many instances run.</summary>
public class IdeaDigest(AppDbContext db, Mailer mailer, PublicUrls urls, ReferenceCache reference, IOptions<IdeaDigestOptions> options,
    TimeProvider clock, ILogger<IdeaDigest> logger)
{
    public const string Name = "idea-digest";
    public const string Category = "idea.digest";

    /// <summary>Sends today's digest unless it is too early or an instance already has; null then.</summary>
    public async Task<IdeaDigestResult?> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var riga = now.ToRiga();
        if (riga.Hour < options.Value.SendAtHour)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(riga.DateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await DailyJobRuns.ClaimAsync(db, Name, today, now, ct))
        {
            return null;
        }

        // New since the last digest began; the very first one looks one day back.
        var since = await db.JobRuns.Where(r => r.Job == Name && r.Day < today).OrderByDescending(r => r.Day)
            .Select(r => (DateTimeOffset?)r.StartedAt).FirstOrDefaultAsync(ct) ?? now.AddDays(-1);
        var ideas = await db.Ideas.AsNoTracking()
            .Where(i => i.Status == IdeaStatus.Published && i.AddressedTo == IdeaAddressee.Municipality && i.PublishedAt > since && i.PublishedAt <= now)
            .OrderBy(i => i.PublishedAt).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Title, i.TerritoryId })
            .ToListAsync(ct);
        var refData = await reference.GetAsync(ct);
        var byNovads = ideas
            .Select(i => (Idea: i, Novads: refData.NovadsOf(i.TerritoryId)))
            .Where(x => x.Novads is not null)
            .GroupBy(x => x.Novads!)
            .ToDictionary(g => g.Key.Id, g => (Novads: g.Key, Ideas: (IReadOnlyList<DigestIdea>)g.Select(x =>
                new DigestIdea(x.Idea.Title, refData.TerritoryById[x.Idea.TerritoryId].Name, urls.Absolute(Links.Municipality.Idea(x.Idea.Id)))).ToList()));

        var novadsIds = byNovads.Keys.ToList();
        var staff = novadsIds.Count == 0 ? [] : await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.MunicipalityStaff && u.NovadsId != null && novadsIds.Contains(u.NovadsId.Value)
                && u.EmailConfirmed && u.Email != null && (u.LockoutEnd == null || u.LockoutEnd < now)
            orderby u.Id
            select new { u.Email, u.DisplayName, u.PreferredCulture, NovadsId = u.NovadsId!.Value }).ToListAsync(ct);
        await mailer.PreloadSuppressionsAsync(staff.Select(s => s.Email!), ct);
        var messages = 0;
        foreach (var s in staff)
        {
            var (novads, digest) = byNovads[s.NovadsId];
            // Staff did not ask for it one by one: non-essential, with the unsubscribe link.
            var queued = await mailer.QueueAsync(new EmailRecipient(s.Email!, s.DisplayName, s.PreferredCulture),
                new IdeaDigestEmail(novads.Name, digest, urls.Absolute(Links.Municipality.IdeasIn(novads.Slug))),
                Category, essential: false, ct: ct);
            messages += queued is null ? 0 : 1;
        }

        await db.SaveChangesAsync(ct);
        var result = new IdeaDigestResult(ideas.Count, byNovads.Count, messages);
        await DailyJobRuns.FinishAsync(db, Name, today, clock.GetUtcNow(), result, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Idea digest {Day}: {Ideas} new ideas in {Novadi} novadi, {Messages} messages queued", today, result.Ideas, result.Novadi, messages);
        return result;
    }
}

/// <summary>Runs <see cref="IdeaDigest"/> every <see cref="IdeaDigestOptions.PollMinutes"/>; the first
/// look after <see cref="IdeaDigestOptions.SendAtHour"/> each day sends it.</summary>
public class IdeaDigestWorker(IServiceScopeFactory scopes, IOptions<IdeaDigestOptions> options, ILogger<IdeaDigestWorker> logger)
    : PeriodicJobWorker(scopes, logger)
{
    protected override string JobName => "Idea digest";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PollMinutes);

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<IdeaDigest>().RunAsync(ct);
}
