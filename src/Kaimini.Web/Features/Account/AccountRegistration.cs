using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Kaimini.Web.Features.Account;

/// <summary>Registering an account: the account and its confirmation mail commit together, or
/// neither does.</summary>
public class AccountRegistration(AppDbContext db, UserManager<AppUser> users, AccountEmails emails, ILogger<AccountRegistration> logger)
{
    /// <summary>Creates <paramref name="user"/> with the password and mails the confirmation. When the
    /// address has an account already, its owner learns of it by e-mail and the answer is the same as
    /// for a new address, so it reveals no accounts. A refused password comes back as errors.</summary>
    public async Task<IdentityResult> RegisterAsync(AppUser user, string password, CancellationToken ct)
    {
        var existing = await users.FindByEmailAsync(user.Email!);
        if (existing is not null)
        {
            await emails.QueueAccountExistsAsync(existing, ct);
            return IdentityResult.Success;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return result;
        }

        await emails.QueueConfirmationAsync(user, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Registered account {UserId}", user.Id);
        return result;
    }
}
