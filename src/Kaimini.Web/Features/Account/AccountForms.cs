using System.ComponentModel.DataAnnotations;

namespace Kaimini.Web.Features.Account;

public class RegisterForm
{
    [Display(Name = "Field.DisplayName")]
    [Required]
    [StringLength(100)]
    public string? DisplayName { get; set; }

    [Display(Name = "Field.Email")]
    [Required]
    [EmailAddress]
    [StringLength(254)]
    public string? Email { get; set; }

    [Display(Name = "Field.Password")]
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

public class LoginForm
{
    [Display(Name = "Field.Email")]
    [Required]
    [EmailAddress]
    public string? Email { get; set; }

    [Display(Name = "Field.Password")]
    [Required]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Field.RememberMe")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public class EmailForm
{
    [Display(Name = "Field.Email")]
    [Required]
    [EmailAddress]
    public string? Email { get; set; }
}
