using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.CoOrganiserRequests;

/// <summary>A community's leaders answer requests to co-organise events: accepted, the community
/// joins the event's organisers (and its leaders may manage it); declined, nothing changes.</summary>
[Authorize]
[AuthorizeCommunity(leadersOnly: true)]
[Route("communities/{slug}/co-organising")]
public class CoOrganiserRequestsController(AppDbContext db, UserManager<AppUser> users, TimeProvider clock,
    ILogger<CoOrganiserRequestsController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string slug, CancellationToken ct)
    {
        var community = Community;
        var name = await db.Communities.Where(c => c.Id == community.Id).Select(c => c.Name).SingleAsync(ct);
        var requests = await db.CoOrganiserRequests.AsNoTracking()
            .Where(r => r.CommunityId == community.Id && r.Status == CoOrganiserRequestStatus.Pending)
            .OrderBy(r => r.Event!.StartsAt)
            .Select(r => new CoOrganiserRequestRow(r.Id, r.Event!.Title, r.Event.Slug, r.Event.StartsAt, r.Event.Status,
                r.RequestedBy == null ? null : r.RequestedBy.DisplayName, r.RequestedAt))
            .ToListAsync(ct);
        return View(new CoOrganiserRequestsViewModel(community.Slug, name, requests));
    }

    [HttpPost("{id:guid}/accept")]
    public Task<IActionResult> Accept(string slug, Guid id, CancellationToken ct) => AnswerAsync(id, CoOrganiserRequestStatus.Accepted, ct);

    [HttpPost("{id:guid}/decline")]
    public Task<IActionResult> Decline(string slug, Guid id, CancellationToken ct) => AnswerAsync(id, CoOrganiserRequestStatus.Declined, ct);

    /// <summary>The request is answered once, in one statement, even when two leaders press at the same moment.</summary>
    private async Task<IActionResult> AnswerAsync(Guid id, CoOrganiserRequestStatus answer, CancellationToken ct)
    {
        var community = Community;
        var userId = users.GetUserId(User);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var answered = await db.CoOrganiserRequests
            .Where(r => r.Id == id && r.CommunityId == community.Id && r.Status == CoOrganiserRequestStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, answer)
                .SetProperty(r => r.AnsweredById, userId)
                .SetProperty(r => r.AnsweredAt, now), ct);
        if (answered == 0)
        {
            return NotFound();
        }

        if (answer == CoOrganiserRequestStatus.Accepted)
        {
            var eventId = await db.CoOrganiserRequests.Where(r => r.Id == id).Select(r => r.EventId).SingleAsync(ct);
            var ev = await db.Events.Include(e => e.Communities).SingleAsync(e => e.Id == eventId, ct);
            if (ev.Communities.All(c => c.Id != community.Id))
            {
                ev.Communities.Add(await db.Communities.SingleAsync(c => c.Id == community.Id, ct));
                ev.UpdatedAt = now;
            }

            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Co-organiser request {RequestId} for community {CommunityId}: {Answer}", id, community.Id, answer);
        TempData["Status"] = answer == CoOrganiserRequestStatus.Accepted ? "CoOrganisers.Accepted" : "CoOrganisers.Declined";
        return Redirect(Links.Communities.CoOrganising(community.Slug));
    }

    /// <summary>The community [AuthorizeCommunity] found, whose leader this person is.</summary>
    private CommunityResource Community => (CommunityResource)HttpContext.Items[typeof(CommunityResource)]!;
}

public sealed record CoOrganiserRequestRow(Guid Id, string EventTitle, string EventSlug, DateTimeOffset StartsAt, EventStatus EventStatus,
    string? RequestedBy, DateTimeOffset RequestedAt);

public sealed record CoOrganiserRequestsViewModel(string Slug, string Name, IReadOnlyList<CoOrganiserRequestRow> Requests);
