using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Cooperation;

/// <summary>Organisers read the open reports of cooperation posts, hide a post with a reason (its
/// leaders are told by e-mail) or dismiss the reports.</summary>
[Authorize(Policy = Policies.Organiser)]
[Route("admin/cooperation")]
public class AdminCooperationController(AppDbContext db, CooperationModeration moderation) : Controller
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

        await moderation.HideAsync(post, form.Reason!, Policies.UserId(User), ct);
        TempData["Status"] = "Cooperation.Hidden";
        return Redirect(Links.Admin.Cooperation);
    }

    /// <summary>The reports were unfounded: they leave the list, the post stays.</summary>
    [HttpPost("{id:int}/dismiss")]
    public async Task<IActionResult> Dismiss(int id, CancellationToken ct)
    {
        await moderation.DismissAsync(id, Policies.UserId(User), ct);
        TempData["Status"] = "Cooperation.ReportsDismissed";
        return Redirect(Links.Admin.Cooperation);
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
