using System.Security.Cryptography;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Infrastructure;

public static class TestUsers
{
    public const string Password = "kaimini-test-2026";

    /// <summary>A confirmed account made directly through Identity, for tests about what comes after
    /// registration. Administrators and organisers get an authenticator enrolled (two-factor is
    /// required for them before /admin) unless <paramref name="twoFactor"/> says otherwise; sign in
    /// with <see cref="KaiminiApp.LogInAsync"/>, which gives the code.</summary>
    public static async Task<AppUser> CreateAsync(KaiminiApp app, string email, string? role = null, string culture = "lv", bool? twoFactor = null,
        string? novadsSlug = null)
    {
        AppUser user = null!;
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Testa Lietotājs",
                PreferredCulture = culture,
                CreatedAt = app.Clock.GetUtcNow(),
            };
            if (novadsSlug is not null)
            {
                user.NovadsId = (await services.GetRequiredService<Kaimini.Web.Data.AppDbContext>().Territories.SingleAsync(t => t.Slug == novadsSlug)).Id;
            }

            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
            if (role is not null)
            {
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            }

            if (twoFactor ?? role is Roles.Administrator or Roles.Organiser)
            {
                Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
                Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
            }
        });
        return user;
    }

    /// <summary>The code the person's authenticator app shows now.</summary>
    public static async Task<string> CurrentCodeAsync(KaiminiApp app, AppUser user, DateTimeOffset? at = null)
    {
        string? key = null;
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            key = await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id))!);
        });
        Assert.False(string.IsNullOrEmpty(key), "The account has no authenticator key.");
        return Totp(key!, at ?? DateTimeOffset.UtcNow);
    }

    /// <summary>RFC 6238 as authenticator apps compute it (HMAC-SHA1, 30-second steps, six digits)
    /// from Identity's Base32 key; Identity's own implementation is internal.</summary>
    public static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = Base32Decode(base32Key);
        var step = at.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = input.TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@kaimini.test";

    /// <summary>A people hash for a registration written straight to the database where who the person
    /// is does not matter to the test (a plain SHA-256 of the address, not the portal's keyed hash:
    /// use <c>PersonHasher</c> where reports or anonymisation are checked).</summary>
    public static string PersonHash(string email) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
}
