using System.Text.Json;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.BulkSends;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminInvitations;

/// <summary>Inviting people to the portal by e-mail, one address or a pasted list. Administrators
/// invite with any role; organisers invite community leaders.</summary>
[Route("admin/invitations")]
[Authorize(Policy = Policies.Organiser)]
public class AdminInvitationsController(
    AppDbContext db,
    RoleInviter inviter,
    UserManager<AppUser> users,
    TimeProvider clock,
    ILogger<AdminInvitationsController> logger) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, CancellationToken ct) =>
        View(await ViewModelAsync(new BulkInvitationForm { Culture = Cultures.Current }, page, ct));

    [HttpPost("")]
    public async Task<IActionResult> Create(BulkInvitationForm form, CancellationToken ct)
    {
        var list = await inviter.ValidateAsync(form, User, ModelState);
        if (!ModelState.IsValid)
        {
            return View("Index", await ViewModelAsync(form, null, ct));
        }

        var send = await inviter.StoreAsync(form, list, users.GetUserId(User), ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Bulk send {BulkSendId}: {Total} role invitations stored", send.Id, send.Total);
        TempData[RejectedKey(send.Id)] = JsonSerializer.Serialize(list.Rejected.Take(RoleInviter.MaxReportedRejections).ToList());
        return Redirect(Links.Admin.Batch(send.Id));
    }

    [HttpGet("batches/{id:guid}")]
    public async Task<IActionResult> Batch(Guid id, CancellationToken ct)
    {
        if (!await CanSeeBatchAsync(id, ct) || await BulkSendProgress.OfAsync(db, id, ct) is not { } progress)
        {
            return NotFound();
        }

        var rejected = TempData[RejectedKey(id)] is string json
            ? JsonSerializer.Deserialize<List<RejectedLine>>(json) ?? []
            : [];
        return View(new BatchViewModel(id, progress, rejected));
    }

    /// <summary>For the progress page's script, which updates the counts without reloading.</summary>
    [HttpGet("batches/{id:guid}/progress")]
    public async Task<IActionResult> Progress(Guid id, CancellationToken ct) =>
        await CanSeeBatchAsync(id, ct) && await BulkSendProgress.OfAsync(db, id, ct) is { } progress ? Json(progress.ToJson()) : NotFound();

    [HttpPost("{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var isAdmin = User.IsInRole(Roles.Administrator);
        var revoked = await db.Invitations
            .Where(i => i.Id == id && i.Status == InvitationStatus.Sent && (isAdmin || i.InvitedById == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Revoked), ct);
        if (revoked == 0)
        {
            return NotFound();
        }

        TempData["Status"] = "Invite.Revoked";
        return Redirect(Links.Admin.Invitations);
    }

    private async Task<AdminInvitationsViewModel> ViewModelAsync(BulkInvitationForm form, int? page, CancellationToken ct)
    {
        var pageNumber = PagedList<InvitationRow>.Normalize(page);
        var userId = users.GetUserId(User);
        var isAdmin = User.IsInRole(Roles.Administrator);
        var query = db.Invitations.AsNoTracking()
            .Where(i => i.Purpose == InvitationPurpose.PortalRole && (isAdmin || i.InvitedById == userId));
        var total = await query.CountAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await query.OrderByDescending(i => i.CreatedAt)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(i => new { i.Id, i.Email, i.Role, i.Status, i.CreatedAt, i.ExpiresAt, InvitedBy = i.InvitedBy!.DisplayName })
            .ToListAsync(ct);
        var items = rows.Select(i =>
        {
            var status = Invitation.StatusAt(i.Status, i.ExpiresAt, now);
            return new InvitationRow(i.Id, i.Email, i.Role, status, i.CreatedAt, i.ExpiresAt, i.InvitedBy, status == InvitationStatus.Sent);
        }).ToList();
        return new AdminInvitationsViewModel(form, RoleInviter.AllowedRoles(User), new PagedList<InvitationRow>(items, pageNumber, PageSize, total));
    }

    /// <summary>Administrators see every role-invitation send; organisers their own.</summary>
    private async Task<bool> CanSeeBatchAsync(Guid id, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var isAdmin = User.IsInRole(Roles.Administrator);
        return await db.BulkSends.AnyAsync(b => b.Id == id && b.Kind == BulkSendKind.RoleInvitations && (isAdmin || b.CreatedById == userId), ct);
    }

    private static string RejectedKey(Guid id) => $"Rejected.{id:N}";
}
