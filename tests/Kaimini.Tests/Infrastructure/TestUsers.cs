using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Infrastructure;

public static class TestUsers
{
    public const string Password = "kaimini-test-2026";

    /// <summary>A confirmed account made directly through Identity, for tests about what comes after registration.</summary>
    public static async Task<AppUser> CreateAsync(KaiminiApp app, string email, string? role = null, string culture = "lv")
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
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
            if (role is not null)
            {
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            }
        });
        return user;
    }

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@kaimini.test";
}
