using System.ComponentModel.DataAnnotations;

namespace Kaimini.Web.Features.AdminInvitations;

public class BulkInvitationForm
{
    public const int MaxLines = 1000;

    [Display(Name = "Field.InvitationEmails")]
    [Required]
    [StringLength(100_000)]
    [DataType(DataType.MultilineText)]
    public string? Emails { get; set; }

    [Display(Name = "Field.Role")]
    [Required]
    public string? Role { get; set; }

    [Display(Name = "Field.EmailLanguage")]
    [Required]
    public string? Culture { get; set; } = "lv";

    /// <summary>The inviter's own password, asked again before anyone is invited as an administrator.</summary>
    [Display(Name = "Field.CurrentPassword")]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string? Password { get; set; }
}
