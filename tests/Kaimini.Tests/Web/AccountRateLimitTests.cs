using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Web;

/// <summary>Changing the password and deleting the account ask for the password: limited like signing in.
/// Its own app, so the sign-ins here do not share a budget with <see cref="RateLimitTests"/>.</summary>
public class AccountRateLimitTests(RateLimitTests.LowLimitApp app) : IClassFixture<RateLimitTests.LowLimitApp>
{
    [Fact]
    public async Task Changing_the_password_beyond_the_limit_is_refused_without_checking_it()
    {
        var (client, user) = await app.LoggedInAsync(null);
        var form = await client.GetAsync("/account/change-password");
        var values = new Dictionary<string, string>
        {
            ["CurrentPassword"] = "nepareiza-parole-1",
            ["NewPassword"] = "jauna-parole-2026",
            ["ConfirmPassword"] = "jauna-parole-2026",
        };
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.SubmitAsync(form, "main form", values);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        values["CurrentPassword"] = TestUsers.Password;
        using var refused = await client.SubmitAsync(form, "main form", values);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Pārāk daudz mēģinājumu", (await PageClient.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent);
        var unchanged = false;
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            unchanged = await users.CheckPasswordAsync((await users.FindByIdAsync(user.Id))!, TestUsers.Password);
        });
        Assert.True(unchanged);
    }

    [Fact]
    public async Task Deleting_the_account_beyond_the_limit_is_refused_and_deletes_nothing()
    {
        var (client, user) = await app.LoggedInAsync(null);
        var form = await client.GetAsync("/account/privacy");
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.SubmitAsync(form, "main form", new Dictionary<string, string> { ["form.Password"] = "nepareiza-parole-1" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.SubmitAsync(form, "main form", new Dictionary<string, string> { ["form.Password"] = TestUsers.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.Id == user.Id)));
    }


    [Fact]
    public async Task Wrong_authenticator_codes_are_limited_and_then_even_the_right_one_is_refused()
    {
        var organiser = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("code-guesser"), Roles.Organiser);
        using var client = app.CreatePageClient("en");
        var step = await client.SubmitAndFollowAsync(await client.GetAsync("/account/login"), "main form", new Dictionary<string, string>
        {
            ["Email"] = organiser.Email!,
            ["Password"] = TestUsers.Password,
        });
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.SubmitAsync(step, "main form", new Dictionary<string, string> { ["Code"] = "000000" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var refused = await client.SubmitAsync(step, "main form", new Dictionary<string, string> { ["Code"] = await TestUsers.CurrentCodeAsync(app, organiser) });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("/account/login", (await client.Http.GetAsync("/admin")).Headers.Location!.ToString());
    }
}
