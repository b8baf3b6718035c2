using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Invitations;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Communities;

/// <summary>A community's leaders invite co-leaders by e-mail; the invitee accepts through the link.</summary>
[Authorize]
[Route("communities/{slug}/co-leaders")]
public class CoLeaderController(AppDbContext db, InvitationService invitations, UserManager<AppUser> users, ILogger<CoLeaderController> logger)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> New(string slug, CancellationToken ct)
    {
        var community = await LoadAsync(slug, ct);
        return community is null ? NotFound() : !CanInvite(community) ? Forbid() : View(new CoLeaderViewModel(community.Slug, community.Name, new CoLeaderForm()));
    }

    [HttpPost("")]
    [SendCap]
    public async Task<IActionResult> Invite(string slug, CoLeaderForm form, CancellationToken ct)
    {
        var community = await LoadAsync(slug, ct);
        if (community is null)
        {
            return NotFound();
        }

        if (!CanInvite(community))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return View("New", new CoLeaderViewModel(community.Slug, community.Name, form));
        }

        var inviter = (await users.GetUserAsync(User))!;
        var invitation = await invitations.InviteCoLeaderAsync(form.Email!, community, inviter, Cultures.Current, ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Co-leader invitation {InvitationId} for community {CommunityId}", invitation?.Id, community.Id);
        TempData["Status"] = invitation is null ? "CoLeader.Unsubscribed" : "CoLeader.Sent";
        return Redirect($"/communities/{community.Slug}");
    }

    private Task<Community?> LoadAsync(string slug, CancellationToken ct) =>
        db.Communities.Include(c => c.Memberships).SingleOrDefaultAsync(c => c.Slug == slug, ct);

    private bool CanInvite(Community community)
    {
        var userId = users.GetUserId(User);
        return community.Memberships.Any(m => m.IsLeader && m.UserId == userId)
            || User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Administrator);
    }
}

public class CoLeaderForm
{
    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(254, ErrorMessage = "Validation.MaxLength")]
    public string? Email { get; set; }
}

public sealed record CoLeaderViewModel(string Slug, string Name, CoLeaderForm Form);
