using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kaimini.Web.Data.Seed;

/// <summary>Creates the roles, the configured administrator and, when asked, the demo accounts.</summary>
public class AccountSeeder(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> admin,
    IOptions<DatabaseOptions> database,
    TimeProvider clock,
    ILogger<AccountSeeder> logger)
{
    public static readonly IReadOnlyList<(string Email, string Name, string? Role)> DemoAccounts =
    [
        ("organisators@kaimini.test", "Ilze Organizatore", Roles.Organiser),
        ("lideris@kaimini.test", "Jānis Kopienietis", Roles.Leader),
        ("pasvaldiba@kaimini.test", "Anna Pašvaldniece", Roles.MunicipalityStaff),
        ("iedzivotajs@kaimini.test", "Pēteris Iedzīvotājs", null),
    ];

    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        var a = admin.Value;
        if (!string.IsNullOrWhiteSpace(a.Email) && !string.IsNullOrWhiteSpace(a.Password))
        {
            await EnsureUserAsync(a.Email, a.DisplayName, a.Password, Roles.Administrator);
        }

        var db = database.Value;
        if (db.SeedDemoData)
        {
            if (string.IsNullOrWhiteSpace(db.DemoPassword))
            {
                throw new InvalidOperationException("Database:DemoPassword is required with Database:SeedDemoData.");
            }

            foreach (var (email, name, role) in DemoAccounts)
            {
                await EnsureUserAsync(email, name, db.DemoPassword, role);
            }
        }
    }

    private async Task EnsureUserAsync(string email, string name, string password, string? role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, password), $"the {role ?? "resident"} account");
            logger.LogInformation("Created account {UserId} with role {Role}", user.Id, role ?? "-");
        }

        if (role is not null && !await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), $"role {role}");
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}
