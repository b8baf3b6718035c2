using System.Text.Json;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminPeople;

/// <summary>/admin/people: administrators find accounts, see their roles, lockout and two-factor
/// status, remove roles, lock and unlock. Every change is in the audit log and takes effect at the
/// person's next request (sessions are checked against the database on every request).</summary>
[Route("admin/people")]
[Authorize(Policy = Policies.Administrator)]
public class AdminPeopleController(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<AdminPeopleController> logger) : Controller
{
    private const int MaxResults = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        var term = q?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(u => EF.Functions.ILike(u.Email!, pattern) || EF.Functions.ILike(u.DisplayName, pattern));
        }

        var now = clock.GetUtcNow();
        var rows = await query.OrderBy(u => u.Email).Take(MaxResults + 1)
            .Select(u => new PersonRow(u.Id, u.DisplayName, u.Email!, u.EmailConfirmed,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToList(),
                u.LockoutEnd != null && u.LockoutEnd > now, u.TwoFactorEnabled))
            .ToListAsync(ct);
        return View(new PeopleViewModel(term, rows.Take(MaxResults).ToList(), rows.Count > MaxResults));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Show(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = users.GetUserId(User);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new PersonViewModel(u.Id, u.DisplayName, u.Email!, u.EmailConfirmed, u.CreatedAt,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToList(),
                u.LockoutEnd != null && u.LockoutEnd > now ? u.LockoutEnd : null, u.TwoFactorEnabled,
                db.CommunityMemberships.Where(m => m.UserId == u.Id && m.IsLeader).Select(m => m.Community!.Name).ToList(),
                u.Id == me))
            .SingleOrDefaultAsync(ct);
        return person is null ? NotFound() : View(person);
    }

    [HttpPost("{id}/roles/remove")]
    public async Task<IActionResult> RemoveRole(string id, string role, CancellationToken ct)
    {
        var person = await users.FindByIdAsync(id);
        if (person is null)
        {
            return NotFound();
        }

        // An administrator does not take away their own administration (there may be no other).
        if (person.Id == users.GetUserId(User) && role == Roles.Administrator)
        {
            return BadRequest();
        }

        if (await users.IsInRoleAsync(person, role))
        {
            // No new security stamp: the person stays signed in, and the principal rebuilt at their
            // next request no longer carries the role.
            Check(await users.RemoveFromRoleAsync(person, role));
            await AuditAsync(person, "role-removed", new { Role = new[] { role, null } }, ct);
            logger.LogInformation("Role {Role} removed from account {UserId} by {AdminId}", role, person.Id, users.GetUserId(User));
            TempData["Status"] = "AdminPeople.RoleRemoved";
        }

        return Redirect(Links.Admin.Person(id));
    }

    [HttpPost("{id}/lock")]
    public async Task<IActionResult> Lock(string id, CancellationToken ct)
    {
        var person = await users.FindByIdAsync(id);
        if (person is null)
        {
            return NotFound();
        }

        if (person.Id == users.GetUserId(User))
        {
            return BadRequest();
        }

        Check(await users.SetLockoutEnabledAsync(person, true));
        Check(await users.SetLockoutEndDateAsync(person, DateTimeOffset.MaxValue));
        // Identity's session check compares security stamps only: a new stamp ends the person's sessions now.
        Check(await users.UpdateSecurityStampAsync(person));
        await AuditAsync(person, "locked", null, ct);
        logger.LogInformation("Account {UserId} locked by {AdminId}", person.Id, users.GetUserId(User));
        TempData["Status"] = "AdminPeople.Locked";
        return Redirect(Links.Admin.Person(id));
    }

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id, CancellationToken ct)
    {
        var person = await users.FindByIdAsync(id);
        if (person is null)
        {
            return NotFound();
        }

        Check(await users.SetLockoutEndDateAsync(person, null));
        Check(await users.ResetAccessFailedCountAsync(person));
        await AuditAsync(person, "unlocked", null, ct);
        logger.LogInformation("Account {UserId} unlocked by {AdminId}", person.Id, users.GetUserId(User));
        TempData["Status"] = "AdminPeople.Unlocked";
        return Redirect(Links.Admin.Person(id));
    }

    private async Task AuditAsync(AppUser person, string action, object? changes, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = users.GetUserId(User),
            EntityType = nameof(AppUser),
            EntityId = person.Id,
            Action = action,
            Changes = changes is null ? null : JsonSerializer.Serialize(changes),
        });
        await db.SaveChangesAsync(ct);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Changing an account failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}

public sealed record PersonRow(string Id, string Name, string Email, bool EmailConfirmed, IReadOnlyList<string> Roles, bool LockedOut, bool TwoFactor);

public sealed record PeopleViewModel(string? Query, IReadOnlyList<PersonRow> People, bool More);

public sealed record PersonViewModel(string Id, string Name, string Email, bool EmailConfirmed, DateTimeOffset CreatedAt,
    IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, bool TwoFactor, IReadOnlyList<string> Leads, bool IsSelf);
