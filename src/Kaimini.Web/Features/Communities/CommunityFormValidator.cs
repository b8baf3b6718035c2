using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Communities;

/// <summary>The checks that need formats or the database: registration number (11 digits, first
/// 4/5/9, unique; a failing checksum is only a warning), phone, postal code, links, territory,
/// themes, and a name that another community already has (a warning the user confirms).</summary>
public class CommunityFormValidator(AppDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock)
{
    public const int MaxSocialLinks = 5;

    /// <summary>After validation: the name is another community's, and the form should offer to confirm.</summary>
    public bool DuplicateNameFound { get; private set; }

    /// <summary>Adds errors to <paramref name="state"/> under "form.X" and returns the normalised
    /// values, or null when anything is wrong.</summary>
    public async Task<CommunityValues?> ValidateAsync(CommunityForm form, ModelStateDictionary state, int? communityId, CancellationToken ct)
    {
        void Error(string field, string key, params object[] args) => state.AddModelError($"form.{field}", t[key, args]);

        string? registration = null;
        if (form.LegalForm?.IsRegistered() == true)
        {
            if (string.IsNullOrWhiteSpace(form.RegistrationNumber))
            {
                Error(nameof(form.RegistrationNumber), "Community.Error.RegistrationRequired");
            }
            else if ((registration = Formats.NormalizeRegistrationNumber(form.RegistrationNumber)) is null)
            {
                Error(nameof(form.RegistrationNumber), "Community.Error.RegistrationFormat");
            }
            else if (await db.Communities.AnyAsync(c => c.RegistrationNumber == registration && c.Id != communityId, ct))
            {
                Error(nameof(form.RegistrationNumber), "Community.Error.RegistrationTaken");
            }
        }

        var phone = Formats.NormalizePhone(form.Phone);
        if (!string.IsNullOrWhiteSpace(form.Phone) && phone is null)
        {
            Error(nameof(form.Phone), "Community.Error.Phone");
        }

        if (!string.IsNullOrWhiteSpace(form.PublicEmail) && !EmailListParser.IsAddress(form.PublicEmail.Trim()))
        {
            Error(nameof(form.PublicEmail), "Validation.Email", "");
        }

        var postal = Formats.NormalizePostalCode(form.PostalCode);
        if (!string.IsNullOrWhiteSpace(form.PostalCode) && postal is null)
        {
            Error(nameof(form.PostalCode), "Community.Error.PostalCode");
        }

        if (GeoPoint.Read(form.Latitude, form.Longitude, out var point) is { } pointProblem)
        {
            Error(nameof(form.Latitude), $"Validation.GeoPoint.{pointProblem}");
        }

        var website = Formats.NormalizeUrl(form.Website);
        if (!string.IsNullOrWhiteSpace(form.Website) && website is null)
        {
            Error(nameof(form.Website), "Community.Error.Url");
        }

        var links = new List<string>();
        foreach (var line in (form.SocialLinks ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Formats.NormalizeUrl(line) is { } url)
            {
                links.Add(url);
            }
            else
            {
                Error(nameof(form.SocialLinks), "Community.Error.SocialLink", line.Length > 60 ? line[..60] + "…" : line);
            }
        }

        if (links.Count > MaxSocialLinks)
        {
            Error(nameof(form.SocialLinks), "Community.Error.SocialLinkCount", MaxSocialLinks);
        }

        if (form.FoundedYear > clock.GetUtcNow().Year)
        {
            Error(nameof(form.FoundedYear), "Community.Error.FoundedInFuture");
        }

        var territory = form.TerritoryId is { } tid
            ? await db.Territories.SingleOrDefaultAsync(x => x.Id == tid && x.Kind != TerritoryKind.FormerNovads, ct)
            : null;
        if (form.TerritoryId is not null && territory is null)
        {
            Error(nameof(form.TerritoryId), "Community.Error.Territory");
        }

        var themeIds = form.ThemeIds.Distinct().ToList();
        var themes = await db.Themes.Where(x => themeIds.Contains(x.Id)).ToListAsync(ct);
        if (themes.Count == 0)
        {
            Error(nameof(form.ThemeIds), "Community.Error.ThemeRequired");
        }
        else if (themes.Count != themeIds.Count)
        {
            Error(nameof(form.ThemeIds), "Validation.InvalidValue");
        }

        var name = form.Name?.Trim() ?? "";
        if (name.Length > 0 && !form.ConfirmDuplicateName)
        {
            // The search document starts with the folded name: "Ķekavas Kaimiņi" and "kekavas kaimini" are one name.
            var folded = SearchText.Fold(name);
            var candidates = await db.Communities
                .Where(c => c.Id != communityId && c.Status != CommunityStatus.Rejected
                    && (c.SearchDocument == folded || c.SearchDocument.StartsWith(folded + " ")))
                .Select(c => c.Name).Take(50).ToListAsync(ct);
            if (candidates.Any(n => SearchText.Fold(n) == folded))
            {
                Error(nameof(form.Name), "Community.Warning.DuplicateName");
                DuplicateNameFound = true;
            }
        }

        if (!state.IsValid || territory is null || form.LegalForm is null)
        {
            return null;
        }

        return new CommunityValues(name, form.LegalForm.Value, registration, form.ShortDescription!.Trim(),
            string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim(),
            string.IsNullOrWhiteSpace(form.ShortDescriptionEn) ? null : form.ShortDescriptionEn.Trim(),
            string.IsNullOrWhiteSpace(form.DescriptionEn) ? null : form.DescriptionEn.Trim(),
            territory, themes, form.FoundedYear, website,
            string.IsNullOrWhiteSpace(form.PublicEmail) ? null : form.PublicEmail.Trim().ToLowerInvariant(),
            phone, string.IsNullOrWhiteSpace(form.Street) ? null : form.Street.Trim(), postal, links, point);
    }
}
