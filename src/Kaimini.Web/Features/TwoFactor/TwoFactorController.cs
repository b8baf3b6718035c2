using System.Text;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Kaimini.Web.Features.TwoFactor;

/// <summary>Two-factor authentication with an authenticator app (Identity's TOTP) and recovery codes:
/// set up, new recovery codes, turn off; and the second step of signing in. Offered to everyone,
/// required for administrators and organisers before /admin (<see cref="StaffTwoFactorMiddleware"/>).</summary>
[Route("account")]
public class TwoFactorController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IStringLocalizer<SharedResource> t,
    ILogger<TwoFactorController> logger) : Controller
{
    private const string RecoveryCodesKey = "RecoveryCodes";
    private const int RecoveryCodeCount = 10;

    [Authorize]
    [HttpGet("two-factor")]
    public async Task<IActionResult> Index()
    {
        var user = (await users.GetUserAsync(User))!;
        return View(new TwoFactorStatusViewModel(user.TwoFactorEnabled,
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0, IsRequired(), new AuthenticatorCodeForm()));
    }

    [Authorize]
    [HttpGet("two-factor/setup")]
    public async Task<IActionResult> Setup(string? returnUrl)
    {
        var user = (await users.GetUserAsync(User))!;
        if (user.TwoFactorEnabled)
        {
            return Redirect(Links.Account.TwoFactor);
        }

        return View(await SetupModelAsync(user, new AuthenticatorCodeForm { ReturnUrl = returnUrl }));
    }

    [Authorize]
    [HttpPost("two-factor/setup")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Setup(AuthenticatorCodeForm form)
    {
        var user = (await users.GetUserAsync(User))!;
        if (user.TwoFactorEnabled)
        {
            return Redirect(Links.Account.TwoFactor);
        }

        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.Normalized))
        {
            // For the whole form, not the field: the rate limit counts a wrong code as an attempt.
            ModelState.AddModelError("", t["TwoFactor.InvalidCode"]);
        }

        if (!ModelState.IsValid)
        {
            form.Code = null;
            return View(await SetupModelAsync(user, form));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        // Enabling changed the security stamp: sign in again so this session goes on (with the claim).
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Two-factor authentication enabled for account {UserId}", user.Id);
        TempData[RecoveryCodesKey] = string.Join(' ', codes!);
        TempData["Status"] = "TwoFactor.Enabled";
        return Redirect(Links.Account.RecoveryCodesThen(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null));
    }

    /// <summary>Shows new recovery codes once, right after they were made (carried over the redirect in TempData).</summary>
    [Authorize]
    [HttpGet("two-factor/recovery-codes")]
    public IActionResult RecoveryCodes(string? returnUrl)
    {
        if (TempData[RecoveryCodesKey] is not string codes)
        {
            return Redirect(Links.Account.TwoFactor);
        }

        ViewData["ReturnUrl"] = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        return View(codes.Split(' '));
    }

    [Authorize]
    [HttpPost("two-factor/recovery-codes")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> RecoveryCodes(AuthenticatorCodeForm form)
    {
        var user = (await users.GetUserAsync(User))!;
        if (!user.TwoFactorEnabled)
        {
            return Redirect(Links.Account.TwoFactor);
        }

        if (!await CheckCodeAsync(user, form))
        {
            return View(nameof(Index), new TwoFactorStatusViewModel(true, await users.CountRecoveryCodesAsync(user), IsRequired(), form));
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        logger.LogInformation("New recovery codes for account {UserId}", user.Id);
        TempData[RecoveryCodesKey] = string.Join(' ', codes!);
        return Redirect(Links.Account.RecoveryCodes);
    }

    [Authorize]
    [HttpPost("two-factor/disable")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Disable(AuthenticatorCodeForm form)
    {
        var user = (await users.GetUserAsync(User))!;
        if (!user.TwoFactorEnabled)
        {
            return Redirect(Links.Account.TwoFactor);
        }

        if (!await CheckCodeAsync(user, form))
        {
            return View(nameof(Index), new TwoFactorStatusViewModel(true, await users.CountRecoveryCodesAsync(user), IsRequired(), form));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key next time: the old one may be on a lost phone.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Two-factor authentication disabled for account {UserId}", user.Id);
        TempData["Status"] = "TwoFactor.Disabled";
        return Redirect(Links.Account.TwoFactor);
    }

    [HttpGet("login/two-factor")]
    public async Task<IActionResult> Login(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect(Links.Account.Login(returnUrl));
        }

        return View(new TwoFactorLoginForm { ReturnUrl = returnUrl, RememberMe = rememberMe });
    }

    [HttpPost("login/two-factor")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Login(TwoFactorLoginForm form)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect(Links.Account.Login(form.ReturnUrl));
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(form.Normalized, form.RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : Links.Home);
        }

        // A locked account is answered like a wrong code; a form-level message, so the rate limit counts it.
        ModelState.AddModelError("", t["TwoFactor.InvalidCode"]);
        form.Code = null;
        return View(form);
    }

    [HttpGet("login/recovery-code")]
    public async Task<IActionResult> Recovery(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect(Links.Account.Login(returnUrl));
        }

        return View(new RecoveryCodeForm { ReturnUrl = returnUrl });
    }

    [HttpPost("login/recovery-code")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Recovery(RecoveryCodeForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect(Links.Account.Login(form.ReturnUrl));
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code!.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            logger.LogInformation("Account {UserId} signed in with a recovery code", user.Id);
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : Links.Home);
        }

        ModelState.AddModelError("", t["TwoFactor.InvalidRecoveryCode"]);
        form.Code = null;
        return View(form);
    }

    private bool IsRequired() => StaffTwoFactorMiddleware.RequiredFor.Any(User.IsInRole);

    /// <summary>The status page has two forms with a code each: any problem is one message above them.</summary>
    private async Task<bool> CheckCodeAsync(AppUser user, AuthenticatorCodeForm form)
    {
        var ok = ModelState.IsValid && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.Normalized);
        if (!ok)
        {
            // Keeps the rate limit's message, if that is what refused it.
            var refused = ModelState.TryGetValue("", out var entry) && entry.Errors.Count > 0;
            ModelState.Clear();
            ModelState.AddModelError("", refused ? entry!.Errors[0].ErrorMessage : t["TwoFactor.InvalidCode"]);
        }

        form.Code = null;
        return ok;
    }

    private async Task<TwoFactorSetupViewModel> SetupModelAsync(AppUser user, AuthenticatorCodeForm form)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            // Resetting the key changed the security stamp; keep this session.
            await signIn.RefreshSignInAsync(user);
        }

        var issuer = Uri.EscapeDataString(t["Site.Name"]);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new TwoFactorSetupViewModel(FormatKey(key), "data:image/png;base64," + Convert.ToBase64String(png), IsRequired(), form);
    }

    /// <summary>Groups of four, lowercase, as authenticator apps show it and people type it.</summary>
    private static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
