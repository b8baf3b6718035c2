using System.Text.Json;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.BulkSends;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.AdminInvitations;

/// <summary>Inviting people to the portal by e-mail, one address or a pasted list. Administrators
/// invite with any role; organisers invite community leaders.</summary>
[Route("admin/invitations")]
[Authorize(Policy = Policies.Organiser)]
public class AdminInvitationsController(
    AppDbContext db,
    BulkSendQueue sends,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t,
    ILogger<AdminInvitationsController> logger) : Controller
{
    private const int PageSize = 50;
    private const int MaxReportedRejections = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, CancellationToken ct) =>
        View(await ViewModelAsync(new BulkInvitationForm { Culture = Cultures.Current }, page, ct));

    [HttpPost("")]
    public async Task<IActionResult> Create(BulkInvitationForm form, CancellationToken ct)
    {
        var roles = AllowedRoles();
        if (form.Role is not null && !roles.Contains(form.Role))
        {
            ModelState.AddModelError(FormKey(nameof(form.Role)), t["Invite.RoleNotAllowed"]);
        }

        if (form.Culture is not null && !Cultures.IsSupported(form.Culture))
        {
            ModelState.AddModelError(FormKey(nameof(form.Culture)), t["Validation.InvalidValue"]);
        }

        // A stolen session alone must not be enough to make someone an administrator.
        if (form.Role == Roles.Administrator && roles.Contains(form.Role) && !await PasswordConfirmedAsync(form.Password))
        {
            ModelState.AddModelError(FormKey(nameof(form.Password)), t[string.IsNullOrEmpty(form.Password) ? "Invite.PasswordRequired" : "Invite.WrongPassword"]);
        }

        var (valid, rejected) = EmailListParser.Parse(form.Emails ?? "");
        if (ModelState.IsValid && valid.Count + rejected.Count > BulkInvitationForm.MaxLines)
        {
            ModelState.AddModelError(FormKey(nameof(form.Emails)), t["Invite.TooMany", BulkInvitationForm.MaxLines]);
        }
        else if (ModelState.IsValid && valid.Count == 0)
        {
            ModelState.AddModelError(FormKey(nameof(form.Emails)), t["Invite.NoneValid"]);
            foreach (var line in rejected.Take(MaxReportedRejections))
            {
                ModelState.AddModelError(FormKey(nameof(form.Emails)), t["Invite.RejectedLine", line.Line, line.Text, t[line.ReasonKey]]);
            }
        }

        if (!ModelState.IsValid)
        {
            return View("Index", await ViewModelAsync(form, null, ct));
        }

        // Already invited with this role and still open, or already holding it: reported, not sent again.
        var now = clock.GetUtcNow();
        var alreadyInvited = await db.Invitations
            .Where(Invitation.OpenAt(now))
            .Where(i => valid.Contains(i.Email) && i.Role == form.Role)
            .Select(i => i.Email).Distinct().ToListAsync(ct);
        var roleId = await db.Roles.Where(r => r.Name == form.Role).Select(r => r.Id).SingleAsync(ct);
        var holders = await db.Users
            .Where(u => valid.Contains(u.NormalizedEmail!.ToLower()) && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .Select(u => u.NormalizedEmail!.ToLower()).ToListAsync(ct);
        foreach (var email in valid.Where(e => alreadyInvited.Contains(e) || holders.Contains(e)).ToList())
        {
            rejected.Add(new RejectedLine(LineOf(form.Emails!, email), email,
                holders.Contains(email) ? "Invite.Reject.HasRole" : "Invite.Reject.AlreadyInvited"));
            valid.Remove(email);
        }

        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        // The list is stored; the worker writes the invitations and their mail a chunk at a time.
        var send = sends.Add(BulkSendKind.RoleInvitations, users.GetUserId(User), valid.Select(e => (e, "", form.Culture!)),
            s => s.Role = form.Role);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Bulk send {BulkSendId}: {Total} role invitations stored", send.Id, send.Total);
        TempData[RejectedKey(send.Id)] = JsonSerializer.Serialize(rejected.Take(MaxReportedRejections).ToList());
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

    /// <summary>Checks the inviter's password again; a wrong one counts towards the lockout, like at sign-in.</summary>
    private async Task<bool> PasswordConfirmedAsync(string? password)
    {
        var inviter = await users.GetUserAsync(User);
        if (inviter is null || string.IsNullOrEmpty(password))
        {
            return false;
        }

        var result = await signIn.CheckPasswordSignInAsync(inviter, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            logger.LogWarning("Administrator invitation by {UserId} refused: password not confirmed", inviter.Id);
        }

        return result.Succeeded;
    }

    private IReadOnlyList<string> AllowedRoles() => User.IsInRole(Roles.Administrator)
        ? [Roles.Organiser, Roles.MunicipalityStaff, Roles.Leader, Roles.Administrator]
        : [Roles.Leader];

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
        return new AdminInvitationsViewModel(form, AllowedRoles(), new PagedList<InvitationRow>(items, pageNumber, PageSize, total));
    }

    /// <summary>Administrators see every role-invitation send; organisers their own.</summary>
    private async Task<bool> CanSeeBatchAsync(Guid id, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var isAdmin = User.IsInRole(Roles.Administrator);
        return await db.BulkSends.AnyAsync(b => b.Id == id && b.Kind == BulkSendKind.RoleInvitations && (isAdmin || b.CreatedById == userId), ct);
    }

    private static int LineOf(string text, string email) =>
        text.Replace("\r\n", "\n").Split('\n').Select((line, i) => (line, i)).FirstOrDefault(l => l.line.Contains(email, StringComparison.OrdinalIgnoreCase)).i + 1;

    /// <summary>The form's fields are named form.X (the action's parameter), and so are their errors.</summary>
    private static string FormKey(string field) => $"form.{field}";

    private static string RejectedKey(Guid id) => $"Rejected.{id:N}";
}
