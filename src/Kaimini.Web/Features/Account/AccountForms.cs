using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Domain;

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

    /// <summary>The account to create; it is confirmed through the mail to <see cref="Email"/>.</summary>
    public AppUser NewAccount(string culture, DateTimeOffset now) => new()
    {
        UserName = Email,
        Email = Email,
        DisplayName = DisplayName!.Trim(),
        PreferredCulture = culture,
        CreatedAt = now,
    };
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
