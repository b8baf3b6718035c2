using System.Text.Json;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Cooperation.Emails;
using Kaimini.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Cooperation;

/// <summary>What organisers do with reported posts, each in one save: hide a post (its open reports
/// resolved, an audit entry, its community's leaders told why by e-mail), or dismiss the reports.</summary>
public class CooperationModeration(AppDbContext db, CooperationBoard board, Mailer mailer, TimeProvider clock, ILogger<CooperationModeration> logger)
{
    /// <param name="post">Tracked, with its community.</param>
    public async Task HideAsync(CooperationPost post, string reason, string? moderatorId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = post.Status;
        post.Hide(reason, now);
        await ResolveAsync(post.Id, moderatorId, now, ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = moderatorId,
            EntityType = nameof(CooperationPost),
            EntityId = post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = "hidden",
            Changes = JsonSerializer.Serialize(new Dictionary<string, string?[]>
            {
                ["Status"] = [before.ToString(), post.Status.ToString()],
                ["HiddenReason"] = [null, post.HiddenReason],
            }),
        });
        foreach (var (email, name, culture) in await board.LeadersAsync(post.CommunityId, ct))
        {
            await mailer.QueueAsync(new EmailRecipient(email, name, culture), new CooperationHiddenEmail(post.Title, post.Community!.Name, post.HiddenReason),
                "cooperation.hidden", essential: true, ct: ct);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Cooperation post {PostId} hidden", post.Id);
    }

    /// <summary>The reports were unfounded: they leave the list, the post stays.</summary>
    public async Task DismissAsync(int postId, string? moderatorId, CancellationToken ct)
    {
        await ResolveAsync(postId, moderatorId, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task ResolveAsync(int postId, string? moderatorId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var report in await db.CooperationReports.Where(r => r.PostId == postId && r.ResolvedAt == null).ToListAsync(ct))
        {
            report.ResolvedAt = now;
            report.ResolvedById = moderatorId;
        }
    }
}
