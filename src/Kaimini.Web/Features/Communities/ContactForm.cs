using System.ComponentModel.DataAnnotations;

namespace Kaimini.Web.Features.Communities;

public class ContactForm
{
    [Display(Name = "Field.YourName")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    public string? Name { get; set; }

    [Display(Name = "Field.YourEmail")]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(254, ErrorMessage = "Validation.MaxLength")]
    public string? Email { get; set; }

    [Display(Name = "Field.Message")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(3000, ErrorMessage = "Validation.MaxLength")]
    [DataType(DataType.MultilineText)]
    public string? Message { get; set; }

    /// <summary>Honeypot: hidden from people, filled in by bots.</summary>
    public string? Website { get; set; }
}
