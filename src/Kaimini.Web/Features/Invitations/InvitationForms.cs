using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Domain;

namespace Kaimini.Web.Features.Invitations;

/// <summary>Registration through an invitation: the address is the invited one, already proven.</summary>
public class InvitationRegisterForm
{
    [Display(Name = "Field.DisplayName")]
    [Required]
    [StringLength(100)]
    public string? DisplayName { get; set; }

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

    /// <summary>The account to create. The link came to <paramref name="email"/>, which proves it: the
    /// account starts confirmed.</summary>
    public AppUser NewAccount(string email, string culture, DateTimeOffset now) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        DisplayName = DisplayName!.Trim(),
        PreferredCulture = culture,
        CreatedAt = now,
    };
}

public sealed record InvitationViewModel(
    string Token,
    string Email,
    string InviterName,
    string? Role,
    string? CommunityName,
    DateTimeOffset ExpiresAt,
    bool EmailHasAccount,
    string? CurrentUserEmail,
    bool CurrentUserIsInvitee,
    InvitationRegisterForm Form);
