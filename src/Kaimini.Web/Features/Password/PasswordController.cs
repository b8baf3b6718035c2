using Kaimini.Web.Domain;
using Kaimini.Web.Features.Account;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kaimini.Web.Features.Password;

[Route("account")]
public class PasswordController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AccountEmails emails,
    ILogger<PasswordController> logger) : Controller
{
    [HttpGet("forgot-password")]
    public IActionResult Forgot() => View(new EmailForm());

    [HttpPost("forgot-password")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Forgot(EmailForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email!);
        if (user is not null && user.EmailConfirmed)
        {
            await emails.QueuePasswordResetAsync(user, ct);
        }

        // The same answer whether or not the address has an account; a GET, so a reload sends nothing.
        return Redirect(Links.Account.PasswordResetSent);
    }

    [HttpGet("forgot-password/sent")]
    public IActionResult Sent() => View("Message", new MessageViewModel("Password.ResetSent.Title", "Password.ResetSent.Text"));

    /// <summary>A used, expired or damaged link says so at once, before anyone types a new password.</summary>
    [HttpGet("reset-password")]
    public async Task<IActionResult> Reset(string? email, string? code)
    {
        var user = email is null ? null : await users.FindByEmailAsync(email);
        var token = AccountEmails.Decode(code);
        if (user is null || token is null || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
                UserManager<AppUser>.ResetPasswordTokenPurpose, token))
        {
            return View("Message", new MessageViewModel("Password.LinkInvalid.Title", "Password.LinkInvalid.Text",
                "Password.Forgot.Title", Links.Account.ForgotPassword));
        }

        return View(new ResetPasswordForm { Email = email, Code = code });
    }

    [HttpPost("reset-password")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Reset(ResetPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email!);
        var token = AccountEmails.Decode(form.Code);
        var result = user is null || token is null
            ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await users.ResetPasswordAsync(user, token, form.Password!);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, nameof(form.Password));
            return View(form);
        }

        // A reset proves control of the mailbox: lift a lockout the failed attempts caused.
        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        logger.LogInformation("Password reset for account {UserId}", user!.Id);
        return Redirect(Links.Account.PasswordResetDone);
    }

    [HttpGet("reset-password/done")]
    public IActionResult Done() => View("Message", new MessageViewModel("Password.ResetDone.Title", "Password.ResetDone.Text",
        "Nav.Login", Links.Account.Login()));

    [Authorize]
    [HttpGet("change-password")]
    public IActionResult Change() => View(new ChangePasswordForm());

    [Authorize]
    [HttpPost("change-password")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Change(ChangePasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                // A wrong current password is a message for the whole form, not a field's: the rate
                // limit counts it as an attempt (it skips posts refused only for a field).
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "" : nameof(form.NewPassword);
                ModelState.AddModelError(field, error.Description);
            }

            return View(form);
        }

        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Password changed for account {UserId}", user.Id);
        TempData["Status"] = "Password.Changed";
        return Redirect(Links.Account.ChangePassword);
    }
}
