using System.Security.Cryptography;
using System.Text;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Infrastructure.Privacy;

/// <summary>A keyed hash (HMAC-SHA256) of a normalised e-mail address: the same person gives the same
/// value, so reports count unique people after names and addresses are gone, and without the key
/// nobody can test an address against it. The key is <c>Privacy:HashKey</c>, or else a random key the
/// first instance generates and stores encrypted with the data-protection keys.</summary>
public class PersonHasher(IOptions<PrivacyOptions> options, IDataProtectionProvider protection, IServiceScopeFactory scopes)
{
    private const string SecretName = "person-hash-key";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public static string Normalise(string email) => email.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();

    public async Task<string> HashAsync(string email, CancellationToken ct)
    {
        var key = _key ?? await LoadKeyAsync(ct);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Normalise(email))));
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_key is not null)
            {
                return _key;
            }

            var configured = options.Value.HashKey;
            if (!string.IsNullOrEmpty(configured))
            {
                return _key = Encoding.UTF8.GetBytes(configured);
            }

            var protector = protection.CreateProtector("Kaimini.Privacy.PersonHashKey");
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Several instances may start at once: the first insert wins and everyone reads it.
            var candidate = protector.Protect(RandomNumberGenerator.GetBytes(32));
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO app_secrets (name, protected_value, created_at) VALUES ({SecretName}, {Convert.ToBase64String(candidate)}, now()) ON CONFLICT (name) DO NOTHING",
                ct);
            var stored = await db.AppSecrets.AsNoTracking().Where(s => s.Name == SecretName).Select(s => s.ProtectedValue).SingleAsync(ct);
            return _key = protector.Unprotect(Convert.FromBase64String(stored));
        }
        finally
        {
            _gate.Release();
        }
    }
}
