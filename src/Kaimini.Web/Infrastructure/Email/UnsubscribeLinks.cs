using System.Security.Cryptography;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;

namespace Kaimini.Web.Infrastructure.Email;

/// <summary>Unsubscribe links that work without logging in: the token is the address, protected
/// by the portal's data-protection keys, so it cannot be forged for someone else's address.</summary>
public class UnsubscribeLinks(IDataProtectionProvider protection, PublicUrls urls)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Kaimini.Unsubscribe.v1");

    public string UrlFor(string email) => urls.Absolute(Links.Unsubscribe(_protector.Protect(email.Trim().ToLowerInvariant())));

    /// <summary>The address in a token, or null for a forged or damaged one.</summary>
    public string? EmailFrom(string token)
    {
        try
        {
            return _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
