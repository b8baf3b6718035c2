using System.Text;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Kaimini.Web.Features.Account;

/// <summary>The account mails: confirmation, password reset, and "you already have an account"
/// (sent instead of an error, so registration does not reveal who is registered).</summary>
public class AccountEmails(UserManager<AppUser> users, EmailComposer composer, IEmailSender sender, PublicUrls urls)
{
    public async Task SendConfirmationAsync(AppUser user, CancellationToken ct)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = urls.Absolute($"/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={code}");
        await SendAsync(user, "Email.Confirm.Subject", ["Email.Confirm.Body"], new EmailLink("Email.Confirm.Link", link), ct);
    }

    public async Task SendPasswordResetAsync(AppUser user, CancellationToken ct)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = urls.Absolute($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={code}");
        await SendAsync(user, "Email.Reset.Subject", ["Email.Reset.Body", "Email.Reset.Ignore"], new EmailLink("Email.Reset.Link", link), ct);
    }

    public Task SendAccountExistsAsync(AppUser user, CancellationToken ct) =>
        SendAsync(user, "Email.Exists.Subject", ["Email.Exists.Body"],
            new EmailLink("Email.Exists.Link", urls.Absolute("/account/forgot-password")), ct);

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private Task SendAsync(AppUser user, string subject, string[] paragraphs, EmailLink link, CancellationToken ct) =>
        sender.SendAsync(composer.Compose(new EmailRecipient(user.Email!, user.DisplayName, user.PreferredCulture), subject, paragraphs, link), ct);
}
