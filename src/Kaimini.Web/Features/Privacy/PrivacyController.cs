using System.Text.Json;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Privacy;

/// <summary>A person's data: download all of it as JSON, or delete the account. Deletion removes the
/// account, its leader profile and memberships, and the mail addressed to it; the communities stay,
/// and what the person did (audit entries, invitations sent) stays without their name.</summary>
[Authorize]
[Route("account/privacy")]
public class PrivacyController(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    IStringLocalizer<SharedResource> t, IOutputCacheStore cache, TimeProvider clock, ILogger<PrivacyController> logger) : Controller
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file for the person to read: Latvian letters as themselves.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [HttpGet("")]
    public IActionResult Index() => View(new DeleteAccountForm());

    [HttpGet("download")]
    public async Task<IActionResult> Download(CancellationToken ct)
    {
        var user = (await users.GetUserAsync(User))!;
        var email = user.Email!.ToLowerInvariant();
        var data = new
        {
            account = new { user.Id, user.DisplayName, user.Email, user.EmailConfirmed, user.PreferredCulture, user.CreatedAt, user.LockoutEnd },
            roles = await users.GetRolesAsync(user),
            leaderProfile = await db.LeaderProfiles.AsNoTracking().Where(p => p.UserId == user.Id)
                .Select(p => new
                {
                    p.Bio,
                    Territory = p.Territory!.Name,
                    Interests = p.Interests.Select(i => i.Slug).ToList(),
                    p.IsPublic,
                    p.ConsentGivenAt,
                    p.ConsentGivenVersion,
                    p.ConsentWithdrawnAt,
                    p.UpdatedAt,
                })
                .SingleOrDefaultAsync(ct),
            memberships = await db.CommunityMemberships.AsNoTracking().Where(m => m.UserId == user.Id)
                .Select(m => new { Community = m.Community!.Name, m.Community.Slug, Role = m.Role.ToString(), m.IsLeader, m.CreatedAt })
                .ToListAsync(ct),
            invitationsReceived = await db.Invitations.AsNoTracking().Where(i => i.Email == email || i.AcceptedById == user.Id)
                .Select(i => new { Purpose = i.Purpose.ToString(), i.Role, Status = i.Status.ToString(), i.CreatedAt, i.ExpiresAt, i.AcceptedAt })
                .ToListAsync(ct),
            invitationsSent = await db.Invitations.AsNoTracking().Where(i => i.InvitedById == user.Id)
                .Select(i => new { i.Email, i.Role, Status = i.Status.ToString(), i.CreatedAt })
                .ToListAsync(ct),
            changesMade = await db.AuditEntries.AsNoTracking().Where(a => a.UserId == user.Id)
                .OrderBy(a => a.At).Select(a => new { a.At, a.EntityType, a.EntityId, a.Action })
                .ToListAsync(ct),
            eventRegistrations = await db.EventRegistrations.AsNoTracking().Where(r => r.Email == email || r.UserId == user.Id)
                .Select(r => new
                {
                    Event = r.Event!.Title,
                    r.Name,
                    r.Email,
                    ParticipantType = r.ParticipantType.ToString(),
                    r.AccessibilityNeeds,
                    r.ListConsent,
                    Status = r.Status.ToString(),
                    r.CreatedAt,
                    r.CancelledAt
                })
                .ToListAsync(ct),
            ideas = await db.Ideas.AsNoTracking().Where(i => i.AuthorId == user.Id || i.AuthorEmail == email)
                .OrderBy(i => i.CreatedAt)
                .Select(i => new
                {
                    i.Id,
                    Kind = i.Kind.ToString(),
                    i.Title,
                    i.Body,
                    i.AuthorName,
                    i.AuthorEmail,
                    AddressedTo = i.AddressedTo.ToString(),
                    Status = i.Status.ToString(),
                    Response = i.Response.ToString(),
                    i.CreatedAt,
                    i.PublishedAt,
                })
                .ToListAsync(ct),
            ideaSupports = await db.IdeaSupports.AsNoTracking().Where(s => s.UserId == user.Id)
                .OrderBy(s => s.CreatedAt)
                .Join(db.Ideas, s => s.IdeaId, i => i.Id, (s, i) => new { IdeaId = i.Id, Idea = i.Title, s.CreatedAt })
                .ToListAsync(ct),
            mailSent = await db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == email)
                .OrderBy(m => m.CreatedAt).Select(m => new { m.Subject, m.CreatedAt, Status = m.Status.ToString(), m.SentAt })
                .ToListAsync(ct),
            unsubscribed = await db.EmailSuppressions.AsNoTracking().AnyAsync(s => s.Email == email, ct),
        };
        logger.LogInformation("Account {UserId} downloaded its data", user.Id);
        return File(JsonSerializer.SerializeToUtf8Bytes(data, JsonOptions), "application/json", "kaimini-mani-dati.json");
    }

    [HttpPost("delete")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Delete(DeleteAccountForm form, CancellationToken ct)
    {
        // A post refused by the rate limit checks no password (guessing it is what the limit stops).
        if (!ModelState.IsValid)
        {
            return View("Index", form);
        }

        var user = (await users.GetUserAsync(User))!;
        if (string.IsNullOrEmpty(form.Password) || !await users.CheckPasswordAsync(user, form.Password))
        {
            // For the whole form, not the field: the rate limit counts it as an attempt.
            ModelState.AddModelError("", t["Privacy.WrongPassword"]);
            return View("Index", form);
        }

        var email = user.Email!.ToLowerInvariant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Invitations.Where(i => i.InvitedById == user.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.InvitedById, (string?)null), ct);
        await db.OutboxMessages.Where(m => m.Recipient == email).ExecuteDeleteAsync(ct);
        await db.Invitations.Where(i => i.Email == email).ExecuteDeleteAsync(ct);
        // Sign-ups keep their place in the counts but lose everything that names the person (the
        // people hash stays for reports). A place on a waiting list can no longer be offered to
        // anyone, so it is given up.
        var now = clock.GetUtcNow();
        foreach (var registration in await db.EventRegistrations.Where(r => (r.Email == email || r.UserId == user.Id) && r.AnonymisedAt == null).ToListAsync(ct))
        {
            if (registration.Status == RegistrationStatus.Waitlisted)
            {
                registration.Status = RegistrationStatus.Cancelled;
                registration.CancelledAt = now;
            }

            registration.Anonymise(now);
        }

        await db.SaveChangesAsync(ct);
        // Ideas keep their text and place in the counts; the author becomes "deleted user". Supports
        // lose their person through the foreign key (set null) and still count.
        await db.Ideas.Where(i => i.AuthorId == user.Id || i.AuthorEmail == email).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.AuthorName, IdeaText.DeletedAuthor)
            .SetProperty(i => i.AuthorEmail, i => "deleted-" + i.Id + DeletedPerson.AddressSuffix)
            .SetProperty(i => i.AuthorId, (string?)null)
            .SetProperty(i => i.ConfirmTokenHash, (string?)null), ct);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Deleting account {user.Id} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }

        await transaction.CommitAsync(ct);
        // The ideas were renamed in one statement, past the interceptor (the account's own rows evict on save).
        await cache.EvictForAsync(typeof(Idea));
        await signIn.SignOutAsync();
        logger.LogInformation("Account {UserId} deleted by its owner", user.Id);
        TempData["Status"] = "Privacy.Deleted";
        return LocalRedirect(Links.Home);
    }
}

public class DeleteAccountForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Field.CurrentPassword")]
    [System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.Password)]
    public string? Password { get; set; }
}
