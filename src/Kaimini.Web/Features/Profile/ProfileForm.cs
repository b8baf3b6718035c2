using System.ComponentModel.DataAnnotations;

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

    /// <summary>Unticked by default: nothing is public without this.</summary>
    [Display(Name = "Profile.Consent")]
    public bool Public { get; set; }
}
