using System.ComponentModel.DataAnnotations;

namespace Kaimini.Web.Features.Password;

public class ResetPasswordForm
{
    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    public string? Code { get; set; }

    [Display(Name = "Field.NewPassword")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Field.ConfirmPassword")]
    [Required(ErrorMessage = "Validation.Required")]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}

public class ChangePasswordForm
{
    [Display(Name = "Field.CurrentPassword")]
    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "Field.NewPassword")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [Display(Name = "Field.ConfirmPassword")]
    [Required(ErrorMessage = "Validation.Required")]
    [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}
