using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Kaimini.Web.Features.Account;

/// <summary>What a refused sign-in is told: the message's key, and whether to offer a new confirmation mail.</summary>
public sealed record LoginRefusal(string MessageKey, bool OfferResend);

/// <summary>Explains a refused sign-in without revealing accounts: a locked-out account is answered
/// like a wrong password, and "not confirmed" only to someone who knows the password.</summary>
public class LoginRefusals(UserManager<AppUser> users, ILogger<LoginRefusals> logger)
{
    public async Task<LoginRefusal> ExplainAsync(SignInResult result, LoginForm form)
    {
        if (result.IsLockedOut)
        {
            // Telling them apart would confirm the account and that someone has been guessing its password.
            logger.LogWarning("Login refused: account locked out");
            return new LoginRefusal("Account.InvalidLogin", OfferResend: false);
        }

        if (result.IsNotAllowed && await IsRightPasswordAsync(form))
        {
            return new LoginRefusal("Account.NotConfirmed", OfferResend: true);
        }

        return new LoginRefusal("Account.InvalidLogin", OfferResend: false);
    }

    /// <summary>Checks the password of an account whose sign-in was refused as "not allowed"
    /// (e-mail not confirmed), counting a wrong one towards lockout like any failed login.</summary>
    private async Task<bool> IsRightPasswordAsync(LoginForm form)
    {
        var user = await users.FindByEmailAsync(form.Email!);
        if (user is null)
        {
            return false;
        }

        if (await users.CheckPasswordAsync(user, form.Password!))
        {
            return true;
        }

        await users.AccessFailedAsync(user);
        return false;
    }
}
