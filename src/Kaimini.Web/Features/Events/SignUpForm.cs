using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Events;

public class SignUpForm
{
    [Display(Name = "Field.DisplayName")]
    [Required]
    [StringLength(100)]
    public string? Name { get; set; }

    [Display(Name = "Field.Email")]
    [Required]
    [EmailAddress]
    [StringLength(254)]
    public string? Email { get; set; }

    [Display(Name = "Field.ParticipantType")]
    public ParticipantType ParticipantType { get; set; } = ParticipantType.Resident;

    /// <summary>For NGO representatives with an account: the community they come from.</summary>
    [Display(Name = "Field.FromCommunity")]
    public int? CommunityId { get; set; }

    [Display(Name = "Field.CommunityName")]
    [StringLength(200)]
    public string? CommunityName { get; set; }

    [Display(Name = "Field.HomeTerritory")]
    [Required(ErrorMessage = "Validation.Choose")]
    public int? TerritoryId { get; set; }

    [Display(Name = "Field.AccessibilityNeeds")]
    [StringLength(500)]
    public string? AccessibilityNeeds { get; set; }

    [Display(Name = "Field.ListConsent")]
    public bool ListConsent { get; set; }

    /// <summary>The token from an invitation link, carried by the form (by-invitation events, kept places).</summary>
    [StringLength(100)]
    public string? Invitation { get; set; }
}
