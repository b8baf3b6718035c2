using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.MyCommunities;

/// <summary>"My communities": the communities a person belongs to, with their status (pending,
/// approved, or rejected with the organisers' reason) and, for those they lead, the way to their
/// page, edit form, events and co-leaders; and the way in to register another.</summary>
[Authorize]
[Route("account/communities")]
public class MyCommunitiesController(AppDbContext db, UserManager<AppUser> users, ReferenceCache reference) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var rows = await db.CommunityMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Community!.Status != CommunityStatus.Archived)
            .Select(m => new
            {
                m.Community!.Slug,
                m.Community.Name,
                m.Community.Status,
                m.Community.RejectionReason,
                m.Community.TerritoryId,
                m.IsLeader,
                m.Role,
                OpenRequests = db.CoOrganiserRequests.Count(r => r.CommunityId == m.CommunityId && r.Status == CoOrganiserRequestStatus.Pending),
            })
            .ToListAsync(ct);
        var refData = await reference.GetAsync(ct);
        return View(rows
            .OrderBy(r => r.Name, Cultures.LatvianComparer)
            .Select(r => new MyCommunityRow(r.Slug, r.Name, r.Status, r.Status == CommunityStatus.Rejected ? r.RejectionReason : null,
                refData.PlaceLine(r.TerritoryId), r.IsLeader, r.Role, r.OpenRequests))
            .ToList());
    }
}

public sealed record MyCommunityRow(string Slug, string Name, CommunityStatus Status, string? RejectionReason, string Place, bool IsLeader,
    MembershipRole Role, int OpenCoOrganiserRequests);
