using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Communities;

/// <summary>Registering a community (it waits for an organiser's approval) and keeping its profile.
/// Only the community's leaders and organisers may edit it; nobody changes its status here.</summary>
[Authorize]
[Route("communities")]
public class CommunityProfileController(
    AppDbContext db,
    CommunityFormValidator validator,
    CommunityAudit audit,
    ReferenceCache reference,
    UserManager<AppUser> users,
    CommunityProfiles profiles,
    ILogger<CommunityProfileController> logger) : Controller
{
    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View("ProfileForm", new CommunityFormViewModel(new CommunityForm(), await reference.GetAsync(ct), null, false));

    [HttpPost("new")]
    [SendCap]
    public async Task<IActionResult> Create(CommunityForm form, CancellationToken ct)
    {
        // The database checks run even when a field is already wrong, so every error shows at once.
        var values = await validator.ValidateAsync(form, ModelState, null, ct);
        if (values is null || !ModelState.IsValid)
        {
            return await FormAsync(form, null, ct);
        }

        var community = await profiles.RegisterAsync(values, form.MyRole, users.GetUserId(User)!, ct);
        TempData["Status"] = "Community.Registered";
        return Redirect(Links.Communities.Show(community.Slug));
    }

    [AuthorizeCommunity]
    [HttpGet("{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, CancellationToken ct)
    {
        var community = (await LoadAsync(slug, ct))!;
        var form = new CommunityForm
        {
            Name = community.Name,
            LegalForm = community.LegalForm,
            RegistrationNumber = community.RegistrationNumber,
            ShortDescription = community.ShortDescription,
            Description = community.Description,
            ShortDescriptionEn = community.ShortDescriptionEn,
            DescriptionEn = community.DescriptionEn,
            TerritoryId = community.TerritoryId,
            ThemeIds = community.Themes.Select(t => t.Id).ToList(),
            FoundedYear = community.FoundedYear,
            Website = community.Website,
            PublicEmail = community.PublicEmail,
            Phone = community.Phone,
            Street = community.Street,
            PostalCode = community.PostalCode,
            Latitude = GeoPoint.Of(community.Latitude, community.Longitude)?.LatitudeText,
            Longitude = GeoPoint.Of(community.Latitude, community.Longitude)?.LongitudeText,
            SocialLinks = string.Join("\n", community.SocialLinks),
            ConfirmDuplicateName = true,
        };
        return View("ProfileForm", new CommunityFormViewModel(form, await reference.GetAsync(ct), slug, false));
    }

    [AuthorizeCommunity]
    [HttpPost("{slug}/edit")]
    public async Task<IActionResult> Update(string slug, CommunityForm form, CancellationToken ct)
    {
        var community = (await LoadAsync(slug, ct))!;
        var values = await validator.ValidateAsync(form, ModelState, community.Id, ct);
        if (values is null || !ModelState.IsValid)
        {
            return await FormAsync(form, slug, ct);
        }

        var before = CommunityAudit.Snapshot(community);
        var identityChanged = values.Name != community.Name || values.RegistrationNumber != community.RegistrationNumber;
        await profiles.ApplyAsync(community, values, ct);
        if (identityChanged && !User.IsInRole(Roles.Organiser) && !User.IsInRole(Roles.Administrator))
        {
            // A new name or number is not what an organiser verified.
            community.Verified = false;
        }

        if (community.Status == CommunityStatus.Rejected)
        {
            // Corrected after a rejection: back in the moderation queue.
            community.Status = CommunityStatus.Pending;
        }
        audit.Record(community, users.GetUserId(User), "updated", before);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Community {CommunityId} updated by {UserId}", community.Id, users.GetUserId(User));
        TempData["Status"] = "Community.Saved";
        return Redirect(Links.Communities.Show(community.Slug));
    }

    private async Task<Community?> LoadAsync(string slug, CancellationToken ct) =>
        await db.Communities.Include(c => c.Themes).Include(c => c.Memberships).SingleOrDefaultAsync(c => c.Slug == slug, ct);

    private async Task<ViewResult> FormAsync(CommunityForm form, string? slug, CancellationToken ct)
    {
        form.ConfirmDuplicateName = false;
        return View("ProfileForm", new CommunityFormViewModel(form, await reference.GetAsync(ct), slug, validator.DuplicateNameFound));
    }
}
