using System.ComponentModel.DataAnnotations;

namespace Kaimini.Web.Features.Account;

public class RegisterForm
{
    [Display(Name = "Field.DisplayName")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    public string? DisplayName { get; set; }

    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(254, ErrorMessage = "Validation.MaxLength")]
    public string? Email { get; set; }

    [Display(Name = "Field.Password")]
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

public class LoginForm
{
    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    public string? Email { get; set; }

    [Display(Name = "Field.Password")]
    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Field.RememberMe")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public class EmailForm
{
    [Display(Name = "Field.Email")]
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    public string? Email { get; set; }
}
