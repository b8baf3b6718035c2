using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities.Emails;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Communities;

/// <summary>A community's profile as its leaders keep it: registering a new one (it waits for an
/// organiser's approval, and the organisers hear of it) and applying checked values.</summary>
public class CommunityProfiles(
    AppDbContext db,
    CommunityAudit audit,
    ReferenceCache reference,
    UserManager<AppUser> users,
    TimeProvider clock,
    Mailer mailer,
    PublicUrls urls,
    ILogger<CommunityProfiles> logger)
{
    private static readonly HashSet<string> ReservedSlugs = ["new", "edit"];

    /// <summary>Registers the community, pending, with <paramref name="userId"/> as its leader in
    /// <paramref name="role"/>, and mails the organisers in the same commit.</summary>
    public async Task<Community> RegisterAsync(CommunityValues values, MembershipRole role, string userId, CancellationToken ct)
    {
        var community = new Community
        {
            Slug = await UniqueSlugAsync(values.Name, ct),
            Name = values.Name,
            ShortDescription = values.ShortDescription,
            Status = CommunityStatus.Pending,
        };
        await ApplyAsync(community, values, ct);
        community.CreatedAt = community.UpdatedAt;
        community.Memberships.Add(new CommunityMembership { UserId = userId, Role = role, IsLeader = true, CreatedAt = community.CreatedAt });
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
        return community;
    }

    /// <summary>Sets the community's profile from checked values and refreshes its search document.</summary>
    public async Task ApplyAsync(Community community, CommunityValues v, CancellationToken ct)
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
        (community.Latitude, community.Longitude) = (v.Point?.Latitude, v.Point?.Longitude);
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
}
