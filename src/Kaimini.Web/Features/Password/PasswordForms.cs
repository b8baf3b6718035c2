using System.ComponentModel.DataAnnotations;

namespace Kaimini.Web.Features.Password;

public class ResetPasswordForm
{
    [Display(Name = "Field.Email")]
    [Required]
    [EmailAddress]
    public string? Email { get; set; }

    [Required]
    public string? Code { get; set; }

    [Display(Name = "Field.NewPassword")]
    [Required]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Field.ConfirmPassword")]
    [Required]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}

public class ChangePasswordForm
{
    [Display(Name = "Field.CurrentPassword")]
    [Required]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "Field.NewPassword")]
    [Required]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [Display(Name = "Field.ConfirmPassword")]
    [Required]
    [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}
