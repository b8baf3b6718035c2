using System.Text.Json;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Cooperation.Emails;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Cooperation;

/// <summary>Organisers read the open reports of cooperation posts, hide a post with a reason (its
/// leaders are told by e-mail) or dismiss the reports.</summary>
[Authorize(Policy = Policies.Organiser)]
[Route("admin/cooperation")]
public class AdminCooperationController(AppDbContext db, CooperationBoard board, Mailer mailer, TimeProvider clock,
    ILogger<AdminCooperationController> logger) : Controller
{
    public const int MaxListed = 200;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Reports", await ReportedAsync(new HideForm(), null, ct));

    [HttpPost("{id:int}/hide")]
    public async Task<IActionResult> Hide(int id, [Bind(Prefix = "Hide")] HideForm form, CancellationToken ct)
    {
        var post = await db.CooperationPosts.Include(p => p.Community).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
        {
            return NotFound();
        }

        if (post.Status == CooperationStatus.Hidden)
        {
            return Redirect(Links.Admin.Cooperation);
        }

        if (!ModelState.IsValid)
        {
            return View("Reports", await ReportedAsync(form, id, ct));
        }

        var now = clock.GetUtcNow();
        var before = post.Status;
        post.Hide(form.Reason!, now);
        await ResolveAsync(id, now, ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = Policies.UserId(User),
            EntityType = nameof(CooperationPost),
            EntityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
        logger.LogInformation("Cooperation post {PostId} hidden", id);
        TempData["Status"] = "Cooperation.Hidden";
        return Redirect(Links.Admin.Cooperation);
    }

    /// <summary>The reports were unfounded: they leave the list, the post stays.</summary>
    [HttpPost("{id:int}/dismiss")]
    public async Task<IActionResult> Dismiss(int id, CancellationToken ct)
    {
        await ResolveAsync(id, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Cooperation.ReportsDismissed";
        return Redirect(Links.Admin.Cooperation);
    }

    private async Task ResolveAsync(int postId, DateTimeOffset now, CancellationToken ct)
    {
        var userId = Policies.UserId(User);
        foreach (var report in await db.CooperationReports.Where(r => r.PostId == postId && r.ResolvedAt == null).ToListAsync(ct))
        {
            report.ResolvedAt = now;
            report.ResolvedById = userId;
        }
    }

    private async Task<CooperationReportsViewModel> ReportedAsync(HideForm hide, int? hideFor, CancellationToken ct)
    {
        var rows = await db.CooperationReports.AsNoTracking().Where(r => r.ResolvedAt == null)
            .OrderBy(r => r.CreatedAt).Take(MaxListed)
            .Select(r => new { r.PostId, r.Post!.Title, Community = r.Post.Community!.Name, r.Post.Status, r.Reason, r.CreatedAt })
            .ToListAsync(ct);
        var posts = rows.GroupBy(r => r.PostId)
            .Select(g => new ReportedPostRow(g.Key, g.First().Title, g.First().Community, g.First().Status,
                g.Select(r => (r.Reason, r.CreatedAt)).ToList()))
            .ToList();
        return new CooperationReportsViewModel(posts, hide, hideFor);
    }
}

public sealed record CooperationReportsViewModel(IReadOnlyList<ReportedPostRow> Posts, HideForm Hide, int? HideFor);
