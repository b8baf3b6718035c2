using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Invitations;
using Kaimini.Web.Infrastructure.Auth;
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
    [AuthorizeCommunity]
    [HttpGet("")]
    public async Task<IActionResult> New(string slug, CancellationToken ct)
    {
        var community = (await LoadAsync(slug, ct))!;
        return View("CoLeaderInvite", new CoLeaderViewModel(community.Slug, community.Name, new CoLeaderForm()));
    }

    [AuthorizeCommunity]
    [HttpPost("")]
    [SendCap]
    public async Task<IActionResult> Invite(string slug, CoLeaderForm form, CancellationToken ct)
    {
        var community = (await LoadAsync(slug, ct))!;
        if (!ModelState.IsValid)
        {
            return View("CoLeaderInvite", new CoLeaderViewModel(community.Slug, community.Name, form));
        }

        var inviter = (await users.GetUserAsync(User))!;
        var invitation = await invitations.InviteCoLeaderAsync(form.Email!, community, inviter, Cultures.Current, ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Co-leader invitation {InvitationId} for community {CommunityId}", invitation?.Id, community.Id);
        TempData["Status"] = invitation is null ? "CoLeader.Unsubscribed" : "CoLeader.Sent";
        return Redirect(Links.Communities.Show(community.Slug));
    }

    private Task<Community?> LoadAsync(string slug, CancellationToken ct) =>
        db.Communities.SingleOrDefaultAsync(c => c.Slug == slug, ct);
}

public class CoLeaderForm
{
    [Display(Name = "Field.Email")]
    [Required]
    [EmailAddress]
    [StringLength(254)]
    public string? Email { get; set; }
}

public sealed record CoLeaderViewModel(string Slug, string Name, CoLeaderForm Form);
