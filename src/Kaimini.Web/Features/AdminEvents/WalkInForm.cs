using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>Someone who came without signing up, as the organiser at the door enters them.</summary>
public class WalkInForm
{
    [Display(Name = "Registrations.Type")]
    [Required(ErrorMessage = "Validation.Choose")]
    public ParticipantType? ParticipantType { get; set; }

    [Display(Name = "Registrations.Home")]
    [Required(ErrorMessage = "Validation.Choose")]
    public int? TerritoryId { get; set; }

    [Display(Name = "Checkin.WalkIn.Name")]
    [StringLength(100)]
    public string? Name { get; set; }
}
