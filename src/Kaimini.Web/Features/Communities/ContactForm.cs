using System.ComponentModel.DataAnnotations;

namespace Kaimini.Web.Features.Communities;

public class ContactForm
{
    [Display(Name = "Field.YourName")]
    [Required]
    [StringLength(100)]
    public string? Name { get; set; }

    [Display(Name = "Field.YourEmail")]
    [Required]
    [EmailAddress]
    [StringLength(254)]
    public string? Email { get; set; }

    [Display(Name = "Field.Message")]
    [Required]
    [StringLength(3000)]
    [DataType(DataType.MultilineText)]
    public string? Message { get; set; }

    /// <summary>Honeypot: hidden from people, filled in by bots.</summary>
    public string? Website { get; set; }
}
