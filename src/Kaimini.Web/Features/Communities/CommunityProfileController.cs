using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities.Emails;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Email;
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
    TimeProvider clock,
    Mailer mailer,
    PublicUrls urls,
    ILogger<CommunityProfileController> logger) : Controller
{
    private static readonly HashSet<string> ReservedSlugs = ["new", "edit"];

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

        var userId = users.GetUserId(User)!;
        var community = new Community
        {
            Slug = await UniqueSlugAsync(values.Name, ct),
            Name = values.Name,
            ShortDescription = values.ShortDescription,
            Status = CommunityStatus.Pending,
        };
        await ApplyAsync(community, values, ct);
        community.CreatedAt = community.UpdatedAt;
        community.Memberships.Add(new CommunityMembership { UserId = userId, Role = form.MyRole, IsLeader = true, CreatedAt = community.CreatedAt });
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Communities.Add(community);
        await db.SaveChangesAsync(ct);
        audit.Record(community, userId, "created", null);
        // The organisers hear of it at once, in the same commit as the registration.
        var organisers = await users.GetUsersInRoleAsync(Roles.Organiser);
        await mailer.PreloadSuppressionsAsync(organisers.Where(o => o.Email is not null).Select(o => o.Email!), ct);
        foreach (var organiser in organisers)
        {
            await mailer.QueueAsync(new EmailRecipient(organiser.Email!, organiser.DisplayName, organiser.PreferredCulture),
                new NewCommunityEmail(community.Name, urls.Absolute(Links.Admin.Communities())),
                "community.submitted", essential: false, ct: ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Community {CommunityId} registered by {UserId}", community.Id, userId);
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
        await ApplyAsync(community, values, ct);
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

    private async Task ApplyAsync(Community community, CommunityValues v, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        community.Name = v.Name;
        community.LegalForm = v.LegalForm;
        community.RegistrationNumber = v.LegalForm.IsRegistered() ? v.RegistrationNumber : null;
        community.ShortDescription = v.ShortDescription;
        community.Description = v.Description;
        community.ShortDescriptionEn = v.ShortDescriptionEn;
        community.DescriptionEn = v.DescriptionEn;
        community.PlaceIn(v.Territory);
        community.Themes.Clear();
        foreach (var theme in v.Themes)
        {
            community.Themes.Add(theme);
        }

        community.FoundedYear = v.FoundedYear;
        community.Website = v.Website;
        community.PublicEmail = v.PublicEmail;
        community.Phone = v.Phone;
        community.Street = v.Street;
        community.PostalCode = v.PostalCode;
        community.SocialLinks = v.SocialLinks.ToList();
        community.UpdatedAt = clock.GetUtcNow();
        community.RefreshSearchDocument(refData.PlaceNames(v.Territory.Id));
    }

    private async Task<string> UniqueSlugAsync(string name, CancellationToken ct)
    {
        var stem = Slug.From(name);
        if (stem.Length == 0 || ReservedSlugs.Contains(stem))
        {
            stem = $"kopiena-{stem}".TrimEnd('-');
        }

        stem = stem.Length > 100 ? stem[..100].TrimEnd('-') : stem;
        var taken = await db.Communities.Where(c => c.Slug == stem || c.Slug.StartsWith(stem + "-")).Select(c => c.Slug).ToListAsync(ct);
        if (!taken.Contains(stem))
        {
            return stem;
        }

        for (var i = 2; ; i++)
        {
            if (!taken.Contains($"{stem}-{i}"))
            {
                return $"{stem}-{i}";
            }
        }
    }

    private async Task<ViewResult> FormAsync(CommunityForm form, string? slug, CancellationToken ct)
    {
        form.ConfirmDuplicateName = false;
        return View("ProfileForm", new CommunityFormViewModel(form, await reference.GetAsync(ct), slug, validator.DuplicateNameFound));
    }
}
