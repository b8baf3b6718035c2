using System.Net;
using Kaimini.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kaimini.Tests.Web;

/// <summary>Links in e-mail come from App:PublicBaseUrl, never from the request's Host header, and
/// only the public host is served.</summary>
public class PublicAddressTests(PublicAddressTests.HostFilteredApp app) : IClassFixture<PublicAddressTests.HostFilteredApp>
{
    [Fact]
    public async Task A_request_for_another_host_is_refused_and_the_public_host_is_served()
    {
        using var client = app.CreateClient();

        using var attacker = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        attacker.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(attacker)).StatusCode);

        using var own = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        own.Headers.Host = "kaimini.test";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task A_reset_asked_for_under_a_forged_host_mails_a_link_to_the_public_address()
    {
        // Even where host filtering is off, the link does not take the Host header.
        await using var open = new OpenHostsApp();
        await open.InitializeAsync();
        var user = await TestUsers.CreateAsync(open, TestUsers.UniqueEmail("host"));
        using var client = open.CreatePageClient("lv");
        client.Http.DefaultRequestHeaders.Host = "attacker.example";

        await client.SubmitAndFollowAsync(await client.GetAsync("/account/forgot-password"), "main form",
            new Dictionary<string, string> { ["Email"] = user.Email! });

        var mail = await open.Smtp.WaitForMessageAsync(user.Email!);
        Assert.Contains("http://kaimini.test/account/reset-password", mail.TextBody);
        Assert.DoesNotContain("attacker.example", mail.TextBody);
    }

    [Theory]
    [InlineData("", "App:PublicBaseUrl")]
    [InlineData("kaimini.example.lv", "App:PublicBaseUrl")]
    public async Task Outside_Development_the_portal_does_not_start_without_a_public_address(string value, string named)
    {
        var error = await StartupFailureAsync(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = value });
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task Behind_a_proxy_the_portal_does_not_start_without_the_proxys_address()
    {
        var error = await StartupFailureAsync(new Dictionary<string, string?> { ["App:BehindProxy"] = "true" });
        Assert.Contains("App:KnownProxies", error.Message);
    }

    /// <summary>Why a portal with these settings refuses to start. WebApplicationFactory starts the
    /// host on the program's own thread (dotnet/aspnetcore#38335): when that thread fails first and
    /// disposes the services, the factory reports an ObjectDisposedException instead of the reason,
    /// so another attempt is made; the reason itself must be the validation failure.</summary>
    private static async Task<OptionsValidationException> StartupFailureAsync(IDictionary<string, string?> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var production = new ProductionApp(settings);
            await production.InitializeAsync();
            var error = Record.Exception(() => production.CreateClient());
            if (error is ObjectDisposedException && attempt < 5)
            {
                continue;
            }

            return Assert.IsType<OptionsValidationException>(error);
        }
    }

    public sealed class HostFilteredApp : KaiminiApp
    {
        // Unset: AllowedHosts then follows App:PublicBaseUrl (http://kaimini.test).
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["AllowedHosts"] = null };
    }

    public sealed class OpenHostsApp : KaiminiApp;

    private sealed class ProductionApp(IDictionary<string, string?> settings) : KaiminiApp
    {
        protected override string EnvironmentName => "Production";

        protected override IDictionary<string, string?> Settings => settings;
    }
}
