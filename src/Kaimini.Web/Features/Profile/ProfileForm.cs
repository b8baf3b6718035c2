using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Web.Features.Profile;

public class ProfileForm
{
    [Display(Name = "Field.DisplayName")]
    [Required]
    [StringLength(100)]
    public string? DisplayName { get; set; }

    [Display(Name = "Field.Bio")]
    [StringLength(1000)]
    [DataType(DataType.MultilineText)]
    public string? Bio { get; set; }

    [Display(Name = "Field.HomeTerritory")]
    public int? TerritoryId { get; set; }

    public List<int> InterestIds { get; set; } = [];

    [Display(Name = "Field.EmailLanguage")]
    public string PreferredCulture { get; set; } = "lv";

    /// <summary>Unticked by default: the digest is mail nobody gets without asking.</summary>
    [Display(Name = "Field.WeeklyDigest")]
    public bool WeeklyDigest { get; set; }

    /// <summary>Unticked by default: nothing is public without this.</summary>
    [Display(Name = "Profile.Consent")]
    public bool Public { get; set; }

    public static ProfileForm From(AppUser user, LeaderProfile? profile) => new()
    {
        DisplayName = user.DisplayName,
        PreferredCulture = user.PreferredCulture,
        WeeklyDigest = user.WeeklyDigest,
        Bio = profile?.Bio,
        TerritoryId = profile?.TerritoryId,
        InterestIds = profile?.Interests.Select(t => t.Id).ToList() ?? [],
        Public = profile?.IsPublic ?? false,
    };

    /// <summary>The fields whose value the portal does not offer (a language it has not, a territory
    /// that is no place); the form shows them invalid without a message of their own.</summary>
    public IEnumerable<string> InvalidFields(ReferenceData reference)
    {
        if (!Cultures.IsSupported(PreferredCulture))
        {
            yield return nameof(PreferredCulture);
        }

        if (TerritoryId is { } tid && !reference.IsPlace(tid))
        {
            yield return nameof(TerritoryId);
        }
    }

    /// <summary>The ticked interests that are themes; others are left out.</summary>
    public IReadOnlyList<int> ThemeIds(ReferenceData reference) => InterestIds.Where(reference.ThemeById.ContainsKey).Distinct().ToList();

    /// <summary>Writes the form into the account and its leader profile; <paramref name="interests"/>
    /// are the themes of <see cref="ThemeIds"/>. Ticking or unticking the consent records it.</summary>
    public void ApplyTo(AppUser user, LeaderProfile profile, IEnumerable<Theme> interests, ReferenceData reference, DateTimeOffset now)
    {
        user.DisplayName = DisplayName!.Trim();
        user.PreferredCulture = PreferredCulture;
        user.WeeklyDigest = WeeklyDigest;
        profile.Bio = string.IsNullOrWhiteSpace(Bio) ? null : Bio.Trim();
        profile.TerritoryId = TerritoryId;
        profile.Interests.Clear();
        foreach (var theme in interests)
        {
            profile.Interests.Add(theme);
        }

        profile.SetConsent(Public, now);
        profile.UpdatedAt = now;
        profile.RefreshSearchDocument(user.DisplayName, TerritoryId is { } id ? reference.PlaceNames(id) : []);
    }
}
