using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Kaimini.Web.Infrastructure.Auth;

/// <summary>The secret in a link sent by e-mail (an invitation, a registration's manage link, an
/// idea's confirmation): 32 random bytes for the link, only their SHA-256 in the database, so a
/// leaked database cannot be turned into working links.</summary>
public static class LinkTokens
{
    public static (string Token, string Hash) Create()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
