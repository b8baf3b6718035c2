using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.AdminCommunities.Emails;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminCommunities;

/// <summary>The moderation queue: organisers approve (and may verify) or reject registrations with
/// a reason; the community's leaders are told by e-mail.</summary>
[Route("admin/communities")]
[Authorize(Policy = Policies.Organiser)]
public class AdminCommunitiesController(
    AppDbContext db,
    CommunityAudit audit,
    Mailer mailer,
    PublicUrls urls,
    UserManager<AppUser> users,
    TimeProvider clock) : Controller
{
    private const int PageSize = 30;

    [HttpGet("")]
    public async Task<IActionResult> Index(CommunityStatus status = CommunityStatus.Pending, int? page = null, CancellationToken ct = default)
    {
        var pageNumber = PagedList<ModerationRow>.Normalize(page);
        var query = db.Communities.AsNoTracking().Where(c => c.Status == status);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.CreatedAt).Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new
            {
                c.Id,
                c.Slug,
                c.Name,
                c.LegalForm,
                c.RegistrationNumber,
                c.CreatedAt,
                c.Verified,
                c.RejectionReason,
                c.SearchDocument,
                Leaders = c.Memberships.Where(m => m.IsLeader).Select(m => m.User!.DisplayName).ToList(),
            })
            .ToListAsync(ct);
        // Same-name communities, for the moderator's warning: one query for the whole page.
        var names = rows.Select(r => r.Name).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var namesakes = await db.Communities.AsNoTracking()
            .Where(c => names.Contains(c.Name) && !ids.Contains(c.Id) && c.Status != CommunityStatus.Rejected)
            .Select(c => c.Name).Distinct().ToListAsync(ct);
        var items = rows.Select(r => new ModerationRow(r.Id, r.Slug, r.Name, r.LegalForm, r.RegistrationNumber,
            r.RegistrationNumber is not null && !Formats.RegistrationChecksumHolds(r.RegistrationNumber),
            namesakes.Contains(r.Name), r.CreatedAt, r.Verified, r.RejectionReason, r.Leaders)).ToList();
        return View(new ModerationViewModel(status, new PagedList<ModerationRow>(items, pageNumber, PageSize, total)));
    }

    [HttpPost("{id:int}/approve")]
    public async Task<IActionResult> Approve(int id, bool verify, CancellationToken ct)
    {
        var community = await LoadAsync(id, ct);
        if (community is null)
        {
            return NotFound();
        }

        // One transaction: granting a role saves the context (UserManager), which would otherwise
        // publish the community before its leaders' mail is queued.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = CommunityAudit.Snapshot(community);
        community.Approve(verify, clock.GetUtcNow());
        audit.Record(community, users.GetUserId(User), "approved", before);
        foreach (var leader in await LeadersAsync(community, ct))
        {
            if (!await users.IsInRoleAsync(leader, Roles.Leader))
            {
                await users.AddToRoleAsync(leader, Roles.Leader);
            }

            await mailer.QueueAsync(new EmailRecipient(leader.Email!, leader.DisplayName, leader.PreferredCulture),
                new CommunityApprovedEmail(community.Name, urls.Absolute(Links.Communities.Show(community.Slug))),
                "community.approved", essential: true, ct: ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Status"] = "Moderation.Approved";
        return Redirect(Links.Admin.Communities());
    }

    [HttpPost("{id:int}/reject")]
    public async Task<IActionResult> Reject(int id, RejectForm form, CancellationToken ct)
    {
        var community = await LoadAsync(id, ct);
        if (community is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(form.Reason) || form.Reason.Length > 1000)
        {
            TempData["Status"] = "Moderation.ReasonRequired";
            return Redirect(Links.Admin.Communities(community.Status.ToString()));
        }

        var before = CommunityAudit.Snapshot(community);
        community.Reject(form.Reason, clock.GetUtcNow());
        audit.Record(community, users.GetUserId(User), "rejected", before);
        foreach (var leader in await LeadersAsync(community, ct))
        {
            await mailer.QueueAsync(new EmailRecipient(leader.Email!, leader.DisplayName, leader.PreferredCulture),
                new CommunityRejectedEmail(community.Name, community.RejectionReason, urls.Absolute(Links.Communities.Edit(community.Slug))),
                "community.rejected", essential: true, ct: ct);
        }

        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Moderation.Rejected";
        return Redirect(Links.Admin.Communities());
    }

    [HttpGet("{id:int}/leaders")]
    public async Task<IActionResult> Leaders(int id, CancellationToken ct)
    {
        var model = await db.Communities.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CommunityLeadersViewModel(c.Id, c.Slug, c.Name, c.Memberships.Where(m => m.IsLeader)
                .OrderBy(m => m.CreatedAt).Select(m => new LeaderRow(m.Id, m.User!.DisplayName, m.User.Email!, m.CreatedAt)).ToList()))
            .SingleOrDefaultAsync(ct);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>The person stops being a leader of this community (their membership goes); their
    /// account and their other communities stay. The community is told in the audit log.</summary>
    [HttpPost("{id:int}/leaders/{membershipId:int}/remove")]
    public async Task<IActionResult> RemoveLeader(int id, int membershipId, CancellationToken ct)
    {
        var membership = await db.CommunityMemberships.Include(m => m.Community)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.CommunityId == id && m.IsLeader, ct);
        if (membership is null)
        {
            return NotFound();
        }

        db.CommunityMemberships.Remove(membership);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = users.GetUserId(User),
            EntityType = nameof(Community),
            EntityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = "leader-removed",
            Changes = System.Text.Json.JsonSerializer.Serialize(new { Leader = new[] { membership.UserId, null } }),
        });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Moderation.LeaderRemoved";
        return Redirect(Links.Admin.CommunityLeaders(id));
    }

    private Task<Community?> LoadAsync(int id, CancellationToken ct) =>
        db.Communities.Include(c => c.Themes).SingleOrDefaultAsync(c => c.Id == id, ct);

    private Task<List<AppUser>> LeadersAsync(Community community, CancellationToken ct) =>
        db.CommunityMemberships.Where(m => m.CommunityId == community.Id && m.IsLeader).Select(m => m.User!).ToListAsync(ct);
}

public class RejectForm
{
    public string? Reason { get; set; }
}

public sealed record ModerationRow(int Id, string Slug, string Name, LegalForm LegalForm, string? RegistrationNumber,
    bool ChecksumFails, bool NameTaken, DateTimeOffset CreatedAt, bool Verified, string? RejectionReason, IReadOnlyList<string> Leaders);

public sealed record LeaderRow(int MembershipId, string Name, string Email, DateTimeOffset Since);

public sealed record CommunityLeadersViewModel(int Id, string Slug, string Name, IReadOnlyList<LeaderRow> Leaders);

public sealed record ModerationViewModel(CommunityStatus Status, PagedList<ModerationRow> Communities);
