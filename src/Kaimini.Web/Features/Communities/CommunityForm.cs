using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Communities;

/// <summary>Registering or editing a community. Formats (registration number, phone, postal code,
/// links) are checked and normalised by <see cref="CommunityFormValidator"/>.</summary>
public class CommunityForm
{
    [Display(Name = "Field.CommunityName")]
    [Required]
    [StringLength(200, MinimumLength = 3)]
    public string? Name { get; set; }

    [Display(Name = "Field.LegalForm")]
    [Required(ErrorMessage = "Validation.Choose")]
    public LegalForm? LegalForm { get; set; }

    [Display(Name = "Field.RegistrationNumber")]
    [StringLength(30)]
    public string? RegistrationNumber { get; set; }

    [Display(Name = "Field.ShortDescription")]
    [Required]
    [StringLength(300)]
    public string? ShortDescription { get; set; }

    [Display(Name = "Field.Description")]
    [StringLength(10_000)]
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    /// <summary>Optional; the English interface shows the Latvian texts without them.</summary>
    [Display(Name = "Field.ShortDescriptionEn")]
    [StringLength(300)]
    public string? ShortDescriptionEn { get; set; }

    [Display(Name = "Field.DescriptionEn")]
    [StringLength(10_000)]
    [DataType(DataType.MultilineText)]
    public string? DescriptionEn { get; set; }

    [Display(Name = "Field.Territory")]
    [Required(ErrorMessage = "Validation.Choose")]
    public int? TerritoryId { get; set; }

    [Display(Name = "Field.Themes")]
    public List<int> ThemeIds { get; set; } = [];

    [Display(Name = "Field.FoundedYear")]
    [Range(1800, 2100)]
    public int? FoundedYear { get; set; }

    [Display(Name = "Field.Website")]
    [StringLength(300)]
    public string? Website { get; set; }

    [Display(Name = "Field.PublicEmail")]
    [EmailAddress]
    [StringLength(254)]
    public string? PublicEmail { get; set; }

    [Display(Name = "Field.Phone")]
    [StringLength(30)]
    public string? Phone { get; set; }

    [Display(Name = "Field.Street")]
    [StringLength(200)]
    public string? Street { get; set; }

    [Display(Name = "Field.PostalCode")]
    [StringLength(10)]
    public string? PostalCode { get; set; }

    /// <summary>Where the community is on the map (optional), typed or set by clicking the map; text,
    /// so that either decimal mark is read (<see cref="GeoPoint.Read"/>).</summary>
    [Display(Name = "Field.Latitude")]
    [StringLength(20)]
    public string? Latitude { get; set; }

    [Display(Name = "Field.Longitude")]
    [StringLength(20)]
    public string? Longitude { get; set; }

    [Display(Name = "Field.SocialLinks")]
    [StringLength(1500)]
    [DataType(DataType.MultilineText)]
    public string? SocialLinks { get; set; }

    /// <summary>The registering person's place in the community (only when registering).</summary>
    [Display(Name = "Field.MyRole")]
    public MembershipRole MyRole { get; set; } = MembershipRole.Chair;

    /// <summary>Set after the "a community with this name exists" warning: it is another one.</summary>
    [Display(Name = "Field.ConfirmDuplicateName")]
    public bool ConfirmDuplicateName { get; set; }
}

/// <summary>A form's values after validation, normalised for storage.</summary>
public sealed record CommunityValues(
    string Name,
    LegalForm LegalForm,
    string? RegistrationNumber,
    string ShortDescription,
    string? Description,
    string? ShortDescriptionEn,
    string? DescriptionEn,
    Territory Territory,
    IReadOnlyList<Theme> Themes,
    int? FoundedYear,
    string? Website,
    string? PublicEmail,
    string? Phone,
    string? Street,
    string? PostalCode,
    IReadOnlyList<string> SocialLinks,
    GeoPoint? Point);
