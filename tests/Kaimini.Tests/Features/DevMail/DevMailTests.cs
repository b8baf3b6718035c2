using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Features.DevMail;

/// <summary>./kaimini run's mail set-up: no SMTP host, so messages land as .eml files in the
/// pickup folder and administrators read them at /dev/mail.</summary>
public class DevMailTests(DevMailTests.PickupApp app) : IClassFixture<DevMailTests.PickupApp>
{
    [Fact]
    public async Task A_new_users_confirmation_lands_in_the_pickup_folder_and_the_administrator_reads_it()
    {
        var email = TestUsers.UniqueEmail("pickup");
        using var visitor = app.CreatePageClient("lv");
        await visitor.SubmitAndFollowAsync(await visitor.GetAsync("/account/register"), "main form", new Dictionary<string, string>
        {
            ["DisplayName"] = "Zane Liepiņa",
            ["Email"] = email,
            ["Password"] = "ozolu-iela-2026",
            ["ConfirmPassword"] = "ozolu-iela-2026",
        });

        var file = await WaitForPickupFileAsync(email);
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("Apstipriniet savu e-pasta adresi portālā Kaimiņi", message.Subject);

        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        using var admin = app.CreatePageClient("lv");
        await admin.SubmitAndFollowAsync(await admin.GetAsync("/account/login"), "main form", new Dictionary<string, string>
        {
            ["Email"] = PickupApp.AdminEmail,
            ["Password"] = PickupApp.AdminPassword,
        });
        var list = await admin.GetAsync("/dev/mail");
        var row = Assert.Single(list.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(email));
        var show = await admin.GetAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal("Apstipriniet savu e-pasta adresi portālā Kaimiņi", show.QuerySelector("h1")!.TextContent);
        Assert.Contains(show.QuerySelectorAll("pre a"), a => a.GetAttribute("href")!.Contains("/account/confirm-email?userId="));

        // The link in the pickup copy works like the one sent by SMTP.
        var confirmPath = new Uri(show.QuerySelectorAll("pre a").First().GetAttribute("href")!).PathAndQuery;
        var confirmed = await visitor.GetAsync(confirmPath);
        Assert.Equal("E-pasta adrese apstiprināta", confirmed.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_administrator_comes_from_configuration_and_only_administrators_read_mail()
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var adminUser = await users.FindByEmailAsync(PickupApp.AdminEmail);
            Assert.NotNull(adminUser);
            Assert.True(await users.IsInRoleAsync(adminUser, Roles.Administrator));
        });
        var resident = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("resident"));
        using var anonymous = app.CreatePageClient();
        using var client = app.CreatePageClient();
        await client.SubmitAndFollowAsync(await client.GetAsync("/account/login"), "main form", new Dictionary<string, string>
        {
            ["Email"] = resident.Email!,
            ["Password"] = TestUsers.Password,
        });

        var asAnonymous = await anonymous.Http.GetAsync("/dev/mail");
        var asResident = await client.Http.GetAsync("/dev/mail");

        Assert.Equal(HttpStatusCode.Redirect, asAnonymous.StatusCode);
        Assert.Contains("/account/login", asAnonymous.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, asResident.StatusCode);
        Assert.Contains("/account/access-denied", asResident.Headers.Location!.ToString());
        var denied = await client.Http.GetAsync(asResident.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    /// <summary>The outbox writes the file in the background, moments after the request.</summary>
    private async Task<string> WaitForPickupFileAsync(string email)
    {
        for (var i = 0; i < 150; i++)
        {
            var file = Directory.GetFiles(app.PickupDirectory, "*.eml").FirstOrDefault(f => File.ReadAllText(f).Contains(email));
            if (file is not null)
            {
                return file;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No message to {email} in {app.PickupDirectory}");
    }

    public sealed class PickupApp : KaiminiApp
    {
        public const string AdminEmail = "admin@kaimini.test";
        public const string AdminPassword = "admin-parole-2026";

        public string PickupDirectory { get; } = Directory.CreateTempSubdirectory("kaimini-mail-").FullName;

        protected override string EnvironmentName => "Development";

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "",
            ["Email:PickupDirectory"] = PickupDirectory,
            ["Database:MigrateOnStartup"] = "false",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }
}
