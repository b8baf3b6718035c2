using System.Security.Cryptography;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;

namespace Kaimini.Web.Features.Digest;

/// <summary>The digest's own unsubscribe link: it turns the weekly digest off for the account and
/// leaves other mail alone. The token is the account's id protected by the portal's keys, so it
/// cannot be made for someone else.</summary>
public class DigestUnsubscribeLinks(IDataProtectionProvider protection, PublicUrls urls)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Kaimini.Unsubscribe.Digest.v1");

    public string UrlFor(string userId) => urls.Absolute(Links.DigestUnsubscribe(_protector.Protect(userId)));

    /// <summary>The account id in a token, or null for a forged or damaged one.</summary>
    public string? UserIdFrom(string token)
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
