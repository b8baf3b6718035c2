using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Account;

/// <summary>The sign-in cookie's check on every request (<c>SignInCheck</c>): one query, the cookie
/// left as it is while nothing changed, rebuilt when a role, the name or two-factor did, and the
/// session ended when the security stamp did.</summary>
public class SignInCheckTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private static bool ReissuesSignIn(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("kaimini.auth", StringComparison.Ordinal));

    [Fact]
    public async Task An_unchanged_session_is_checked_in_one_query_and_keeps_its_cookie()
    {
        var (resident, _) = await app.LoggedInAsync(null);
        // A page that reads no account itself.
        await resident.Http.GetAsync("/communities");

        app.Queries.Reset();
        using var response = await resident.Http.GetAsync("/communities");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(ReissuesSignIn(response));
        var accountReads = app.Queries.Commands.Split("\n---\n").Count(c => c.Contains("\"AspNetUsers\"") && c.Contains("security_stamp"));
        Assert.True(accountReads == 1, $"{accountReads} reads of the account:\n{app.Queries.Commands}");
        Assert.DoesNotContain("AspNetRoleClaims", app.Queries.Commands);
        Assert.DoesNotContain("AspNetUserClaims", app.Queries.Commands);
    }

    [Fact]
    public async Task A_changed_name_or_role_rebuilds_the_session_at_the_next_request()
    {
        var (resident, user) = await app.LoggedInAsync(null);
        var renamed = "Pārdēvētā " + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, renamed)));

        using (var response = await resident.Http.GetAsync("/account/profile"))
        {
            Assert.True(ReissuesSignIn(response));
            Assert.Contains(renamed, await response.Content.ReadAsStringAsync());
        }

        // Reissued once: the next request finds the cookie up to date.
        using (var again = await resident.Http.GetAsync("/account/profile"))
        {
            Assert.False(ReissuesSignIn(again));
        }

        // A role given behind the session's back (as an approval gives the leader's) counts at once.
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var account = await users.FindByIdAsync(user.Id);
            var added = await users.AddToRoleAsync(account!, Roles.MunicipalityStaff);
            Assert.True(added.Succeeded);
        });
        using var staffPage = await resident.Http.GetAsync("/municipality/ideas");
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
    }

    [Fact]
    public async Task Another_security_stamp_ends_the_session()
    {
        var (resident, user) = await app.LoggedInAsync(null);
        Assert.Equal(HttpStatusCode.OK, (await resident.Http.GetAsync("/account/profile")).StatusCode);

        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))));

        using var response = await resident.Http.GetAsync("/account/profile");
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }
}
