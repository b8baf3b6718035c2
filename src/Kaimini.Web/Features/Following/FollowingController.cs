using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Following;

/// <summary>What a signed-in person follows: the list at /account/following, grouped by kind, and
/// the follow and unfollow buttons' posts (idempotent: pressing twice changes nothing).</summary>
[Authorize]
[Route("account/following")]
public class FollowingController(AppDbContext db, Follows follows, ReferenceCache reference, TimeProvider clock, ILogger<FollowingController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var userId = Policies.UserId(User)!;
        var rows = await db.Follows.AsNoTracking().Where(f => f.UserId == userId)
            .Select(f => new { f.CommunityId, f.TerritoryId, f.ThemeId, Community = f.Community!.Name, f.Community.Slug })
            .ToListAsync(ct);
        var refData = await reference.GetAsync(ct);
        var culture = Cultures.Current;
        var communities = rows.Where(r => r.CommunityId is not null)
            .Select(r => new FollowedItem(FollowKind.Community, r.CommunityId!.Value, r.Community, Links.Communities.Show(r.Slug), null))
            .OrderBy(i => i.Name, Cultures.LatvianComparer).ToList();
        var territories = rows.Where(r => r.TerritoryId is not null).Select(r => refData.TerritoryById[r.TerritoryId!.Value])
            .Select(t => new FollowedItem(FollowKind.Territory, t.Id, t.Name, Links.Territories.Show(t.Slug), $"TerritoryKind.{t.Kind}"))
            .OrderBy(i => i.Name, Cultures.LatvianComparer).ToList();
        var themes = rows.Where(r => r.ThemeId is not null).Select(r => refData.ThemeById[r.ThemeId!.Value])
            .Select(t => new FollowedItem(FollowKind.Theme, t.Id, t.Name(culture), Links.News.In("theme", t.Slug), null))
            .OrderBy(i => i.Name, Cultures.LatvianComparer).ToList();
        var digest = await db.Users.Where(u => u.Id == userId).Select(u => u.WeeklyDigest).SingleAsync(ct);
        return View(new FollowingViewModel(communities, territories, themes, digest));
    }

    [HttpPost("add")]
    public async Task<IActionResult> Add(FollowForm form, CancellationToken ct)
    {
        if (!await follows.CanBeFollowedAsync(form.Kind, form.TargetId, ct))
        {
            return NotFound();
        }

        var userId = Policies.UserId(User)!;
        if (!await follows.IsFollowingAsync(userId, form.Kind, form.TargetId, ct))
        {
            db.Follows.Add(Follow.Of(userId, form.Kind, form.TargetId, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Account {UserId} follows {Kind} {TargetId}", userId, form.Kind, form.TargetId);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // A second press that raced the first: followed all the same.
            }
        }

        TempData["Status"] = "Follow.Added";
        return Back(form);
    }

    [HttpPost("remove")]
    public async Task<IActionResult> Remove(FollowForm form, CancellationToken ct)
    {
        var userId = Policies.UserId(User)!;
        var removed = await follows.Of(form.Kind, form.TargetId).Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            logger.LogInformation("Account {UserId} no longer follows {Kind} {TargetId}", userId, form.Kind, form.TargetId);
        }

        TempData["Status"] = "Follow.Removed";
        return Back(form);
    }

    /// <summary>Back to the page the button was on (only a local one), else to the list.</summary>
    private IActionResult Back(FollowForm form) =>
        Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : Redirect(Links.Following.Index);
}
