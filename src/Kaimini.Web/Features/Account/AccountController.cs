using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.Account;

[Route("account")]
public class AccountController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AccountEmails emails,
    AccountRegistration registration,
    LoginRefusals refusals,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet("register")]
    [RedirectAuthenticated]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("register")]
    [RedirectAuthenticated]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Register(RegisterForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await registration.RegisterAsync(form.NewAccount(Cultures.Current, clock.GetUtcNow()), form.Password!, ct);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, nameof(form.Password));
            return View(form);
        }

        return RegistrationSent();
    }

    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code)
    {
        var token = AccountEmails.Decode(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            return View("Message", new MessageViewModel("Account.ConfirmFailed.Title", "Account.ConfirmFailed.Text",
                "Account.ResendConfirmation.Title", Links.Account.ResendConfirmation));
        }

        logger.LogInformation("Confirmed e-mail of account {UserId}", user.Id);
        return View("Message", new MessageViewModel("Account.Confirmed.Title", "Account.Confirmed.Text",
            "Nav.Login", Links.Account.Login()));
    }

    [HttpGet("resend-confirmation")]
    public IActionResult ResendConfirmation() => View(new EmailForm());

    [HttpPost("resend-confirmation")]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> ResendConfirmation(EmailForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email!);
        if (user is not null && !user.EmailConfirmed)
        {
            await emails.QueueConfirmationAsync(user, ct);
        }

        return RegistrationSent();
    }

    [HttpGet("login")]
    [RedirectAuthenticated]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [RedirectAuthenticated]
    [FormRateLimit(WebExtensions.AuthRateLimit)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var returnUrl = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null;
        var result = await signIn.PasswordSignInAsync(form.Email!, form.Password!, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(returnUrl ?? Links.Home);
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect(Links.Account.TwoFactorLoginThen(returnUrl, form.RememberMe));
        }

        var refusal = await refusals.ExplainAsync(result, form);
        ModelState.AddModelError("", t[refusal.MessageKey]);
        if (refusal.OfferResend)
        {
            ViewData["ShowResend"] = true;
        }

        form.Password = null;
        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        TempData["Status"] = "Account.LoggedOut";
        return LocalRedirect(Links.Home);
    }

    [HttpGet("access-denied")]
    [Authorize]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Message", new MessageViewModel("Error.403.Title", "Error.403.Text", "Error.BackHome", "/"));
    }

    /// <summary>Post/Redirect/Get: reloading the answer does not send the form (and a mail) again.</summary>
    private RedirectResult RegistrationSent() => Redirect(Links.Account.CheckEmail);

    [HttpGet("check-email")]
    public IActionResult CheckEmail() =>
        View("Message", new MessageViewModel("Account.CheckEmail.Title", "Account.CheckEmail.Text"));
}
