using System.ComponentModel.DataAnnotations;

namespace Kaimini.Web.Features.TwoFactor;

/// <summary>A six-digit code from the authenticator app (set-up, new recovery codes, turning off).</summary>
public class AuthenticatorCodeForm
{
    [Display(Name = "Field.AuthenticatorCode")]
    [Required]
    [StringLength(20)]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>Spaces and dashes that people type or paste are not part of the code.</summary>
    public string Normalized => (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}

/// <summary>The second step of signing in: the authenticator's code.</summary>
public class TwoFactorLoginForm : AuthenticatorCodeForm
{
    public bool RememberMe { get; set; }
}

/// <summary>The second step of signing in without the phone: one of the recovery codes.</summary>
public class RecoveryCodeForm
{
    [Display(Name = "Field.RecoveryCode")]
    [Required]
    [StringLength(40)]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed record TwoFactorStatusViewModel(bool Enabled, int RecoveryCodesLeft, bool Required, AuthenticatorCodeForm Form);

public sealed record TwoFactorSetupViewModel(string SharedKey, string QrCodeDataUri, bool Required, AuthenticatorCodeForm Form);
