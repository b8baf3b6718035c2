using System.Text;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Account.Emails;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Kaimini.Web.Features.Account;

/// <summary>The account mails, queued in the outbox and saved: confirmation, password reset, and
/// "you already have an account" (sent instead of an error, so registration does not reveal who is
/// registered). All are essential: they go out even to addresses that unsubscribed.</summary>
public class AccountEmails(UserManager<AppUser> users, Mailer mailer, AppDbContext db, PublicUrls urls)
{
    public async Task QueueConfirmationAsync(AppUser user, CancellationToken ct)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = urls.Absolute(Links.Account.ConfirmEmail(user.Id, code));
        await QueueAsync(user, "account.confirm", new ConfirmAddressEmail(link), ct);
    }

    public async Task QueuePasswordResetAsync(AppUser user, CancellationToken ct)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = urls.Absolute(Links.Account.ResetPassword(user.Email!, code));
        await QueueAsync(user, "account.reset", new PasswordResetEmail(link), ct);
    }

    public Task QueueAccountExistsAsync(AppUser user, CancellationToken ct) =>
        QueueAsync(user, "account.exists", new AccountExistsEmail(urls.Absolute(Links.Account.ForgotPassword)), ct);

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

    private async Task QueueAsync(AppUser user, string category, EmailModel content, CancellationToken ct)
    {
        await mailer.QueueAsync(new EmailRecipient(user.Email!, user.DisplayName, user.PreferredCulture), content, category, essential: true, ct: ct);
        await db.SaveChangesAsync(ct);
    }
}
