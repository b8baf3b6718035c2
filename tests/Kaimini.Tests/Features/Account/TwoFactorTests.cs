using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.Account;

public class TwoFactorTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task An_organiser_without_two_factor_is_sent_to_set_it_up_and_reaches_admin_after()
    {
        var organiser = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("enrol"), Roles.Organiser, twoFactor: false);
        using var client = app.CreatePageClient("lv");
        await app.LogInAsync(client, organiser);

        using (var admin = await client.Http.GetAsync("/admin/events"))
        {
            Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
            Assert.Equal("/account/two-factor/setup?returnUrl=%2Fadmin%2Fevents", admin.Headers.Location!.OriginalString);
        }

        var setup = await client.GetAsync("/account/two-factor/setup?returnUrl=%2Fadmin%2Fevents");
        Assert.NotNull(setup.QuerySelector("main .alert-info"));
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("main img")!.GetAttribute("src"));
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "").ToUpperInvariant();

        var wrong = await client.SubmitExpectingPageAsync(setup, "main form", new Dictionary<string, string> { ["form.Code"] = "000000" == TestUsers.Totp(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains("Kods nav pareizs", wrong.QuerySelector("[role=alert]")!.TextContent);
        Assert.False(await TwoFactorEnabledAsync(organiser));

        var codes = await client.SubmitAndFollowAsync(wrong, "main form", new Dictionary<string, string> { ["form.Code"] = TestUsers.Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(10, codes.QuerySelectorAll(".recovery-code").Length);
        Assert.Equal("/admin/events", codes.QuerySelector("main a.btn-primary")!.GetAttribute("href"));
        Assert.True(await TwoFactorEnabledAsync(organiser));

        // The same session goes on, now with /admin open.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/admin/events")).StatusCode);
    }

    [Fact]
    public async Task An_enrolled_account_signs_in_only_with_the_code_or_a_recovery_code_once()
    {
        var admin = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("second-step"), Roles.Administrator);
        using var client = app.CreatePageClient("en");
        var step = await client.SubmitAndFollowAsync(await client.GetAsync("/account/login"), "main form", new Dictionary<string, string>
        {
            ["Email"] = admin.Email!,
            ["Password"] = TestUsers.Password,
        });
        Assert.Equal("/account/login/two-factor", new Uri(step.Url).AbsolutePath);
        // The password alone signs nobody in.
        Assert.Contains("/account/login", (await client.Http.GetAsync("/admin")).Headers.Location!.ToString());

        var wrong = await client.SubmitExpectingPageAsync(step, "main form", new Dictionary<string, string> { ["Code"] = "12345" });
        Assert.Contains("The code is not right", wrong.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("/account/login", (await client.Http.GetAsync("/admin")).Headers.Location!.ToString());

        await client.SubmitAndFollowAsync(wrong, "main form", new Dictionary<string, string> { ["Code"] = await TestUsers.CurrentCodeAsync(app, admin) });
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/admin")).StatusCode);

        string recovery = null!;
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(admin.Id))!, 10))!.First();
        });
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var other = app.CreatePageClient("en");
            await other.SubmitAndFollowAsync(await other.GetAsync("/account/login"), "main form", new Dictionary<string, string>
            {
                ["Email"] = admin.Email!,
                ["Password"] = TestUsers.Password,
            });
            var page = await other.GetAsync("/account/login/recovery-code");
            using var answer = await other.SubmitAsync(page, "main form", new Dictionary<string, string> { ["Code"] = recovery });
            if (attempt == 0)
            {
                Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync("/admin")).StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.Contains("already used", (await Infrastructure.Browsing.PageClient.ParseAsync(answer)).QuerySelector("[role=alert]")!.TextContent);
            }
        }
    }

    [Fact]
    public async Task Residents_and_municipality_staff_are_offered_two_factor_and_can_turn_it_off()
    {
        var (staff, staffUser) = await app.LoggedInAsync(Roles.MunicipalityStaff);
        // Offered, not required: their pages work without it.
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/municipality/ideas")).StatusCode);
        var status = await staff.GetAsync("/account/two-factor");
        Assert.Equal("Divpakāpju autentifikācija nav ieslēgta.", status.QuerySelector("main p.fw-bold")!.TextContent);
        Assert.Null(status.QuerySelector("main .alert-info"));

        var setup = await staff.GetAsync("/account/two-factor/setup");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        await staff.SubmitAndFollowAsync(setup, "main form", new Dictionary<string, string> { ["form.Code"] = TestUsers.Totp(key, DateTimeOffset.UtcNow) });
        Assert.True(await TwoFactorEnabledAsync(staffUser));

        var on = await staff.GetAsync("/account/two-factor");
        Assert.Equal("Atlikuši 10 neizmantoti atkopšanas kodi.", on.QuerySelector("main p.fw-bold")!.NextElementSibling!.TextContent);
        var refused = await staff.SubmitExpectingPageAsync(on, "main form[action='/account/two-factor/disable']", new Dictionary<string, string> { ["Code"] = "000000" == TestUsers.Totp(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains("Kods nav pareizs", refused.QuerySelector("[role=alert]")!.TextContent);
        Assert.True(await TwoFactorEnabledAsync(staffUser));

        await staff.SubmitAndFollowAsync(on, "main form[action='/account/two-factor/disable']", new Dictionary<string, string> { ["Code"] = TestUsers.Totp(key, DateTimeOffset.UtcNow) });
        Assert.False(await TwoFactorEnabledAsync(staffUser));
        // Still signed in.
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/municipality/ideas")).StatusCode);
    }

    private Task<bool> TwoFactorEnabledAsync(AppUser user) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync());
}
