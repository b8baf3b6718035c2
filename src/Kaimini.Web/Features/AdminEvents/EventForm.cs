using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>An event as organisers enter it: times in Riga's local time.</summary>
public class EventForm
{
    [Display(Name = "Field.EventTitle")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    public string? Title { get; set; }

    [Display(Name = "Field.EventKind")]
    public EventKind Kind { get; set; } = EventKind.Forum;

    [Display(Name = "Field.Description")]
    [StringLength(10_000, ErrorMessage = "Validation.MaxLength")]
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    [Display(Name = "Field.StartsAt")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateTime? StartsAt { get; set; }

    [Display(Name = "Field.EndsAt")]
    [Required(ErrorMessage = "Validation.Required")]
    public DateTime? EndsAt { get; set; }

    [Display(Name = "Field.Venue")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    public string? Venue { get; set; }

    [Display(Name = "Field.Address")]
    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    public string? Address { get; set; }

    [Display(Name = "Field.Territory")]
    [Required(ErrorMessage = "Validation.Required")]
    public int? TerritoryId { get; set; }

    [Display(Name = "Field.Capacity")]
    [Range(1, 100_000, ErrorMessage = "Validation.Range")]
    public int? Capacity { get; set; }

    [Display(Name = "Field.RegistrationClosesAt")]
    public DateTime? RegistrationClosesAt { get; set; }

    [Display(Name = "Field.Publish")]
    public bool Publish { get; set; }
}
