using System.Text;
using System.Text.RegularExpressions;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Infrastructure.Auth;

namespace Kaimini.Tests.Features.Privacy;

/// <summary>The portal writing its JSON log to a file of its own, at Information level.</summary>
public sealed class LoggingApp : KaiminiApp
{
    public string LogDirectory { get; } = Directory.CreateTempSubdirectory("kaimini-log-").FullName;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:File:Path"] = Path.Combine(LogDirectory, "kaimini-.json"),
        ["Serilog:MinimumLevel:Default"] = "Information",
    };

    /// <summary>Everything logged so far (the file stays open for writing).</summary>
    public string ReadLog()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(LogDirectory))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            text.Append(new StreamReader(stream).ReadToEnd());
        }

        return text.ToString();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(LogDirectory, recursive: true);
    }
}

public partial class RequestLogRedactionTests(LoggingApp app) : IClassFixture<LoggingApp>
{
    [Fact]
    public async Task Tokens_in_links_never_reach_the_log_file()
    {
        var ev = await TestEvents.CreateAsync(app, "Žurnāla forums");
        var home = await TestEvents.HomeAsync(app);
        using var client = app.CreatePageClient("lv");
        var email = TestUsers.UniqueEmail("zurnals");
        await client.SubmitAndFollowAsync(await client.GetAsync($"/events/{ev.Slug}"), "main form[action$='/sign-up']", new Dictionary<string, string>
        {
            ["form.Name"] = "Žurnāla Dalībniece",
            ["form.Email"] = email,
            ["form.ParticipantType"] = "Resident",
            ["form.TerritoryId"] = home,
        });
        var link = ManageLink().Match((await app.Smtp.WaitForMessageAsync(email)).TextBody!).Groups[1].Value;
        var manageToken = link["/events/registrations/".Length..];
        // The change is logged by the controller while the request (and its raw path) is current.
        var manage = await client.GetAsync(link);
        await client.SubmitAndFollowAsync(manage, $"main form[action$='{link}']", new Dictionary<string, string> { ["form.Name"] = "Žurnāla Dalībniece Ozola" });
        await client.GetAsync(link + "/data");
        var invitation = LinkTokens.Create().Token;
        var unsubscribe = LinkTokens.Create().Token;
        var idea = LinkTokens.Create().Token;
        await client.Http.GetAsync($"/invitations/{invitation}");
        await client.Http.GetAsync($"/unsubscribe/{unsubscribe}");
        await client.Http.GetAsync($"/ideas/confirm/{idea}");
        var user = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("parole"));
        await client.SubmitAndFollowAsync(await client.GetAsync("/account/forgot-password"), "main form", new Dictionary<string, string> { ["Email"] = user.Email! });
        var reset = ResetLink().Match((await app.Smtp.WaitForMessageAsync(user.Email!)).TextBody!);
        await client.GetAsync(reset.Groups[1].Value);

        // The request lines are written as each response completes: wait for the last of them.
        string[] redacted = ["/events/registrations/{token}", "/events/registrations/{token}/data", "/invitations/{token}",
            "/unsubscribe/{token}", "/ideas/confirm/{token}", "/account/reset-password\""];
        var log = "";
        for (var waited = 0; waited < 100 && !redacted.All(log.Contains); waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            log = app.ReadLog();
        }

        Assert.All(redacted, path => Assert.Contains($"\"RequestPath\":\"{path.TrimEnd('"')}\"", log));
        Assert.Contains("changed by its holder", log);
        Assert.DoesNotContain(manageToken, log);
        Assert.DoesNotContain(invitation, log);
        Assert.DoesNotContain(unsubscribe, log);
        Assert.DoesNotContain(idea, log);
        Assert.DoesNotContain(reset.Groups[2].Value, log);
        Assert.DoesNotContain(email, log);
        Assert.DoesNotContain(user.Email!, log);
    }

    [GeneratedRegex(@"http://kaimini\.test(/events/registrations/[A-Za-z0-9_-]+)")]
    private static partial Regex ManageLink();

    [GeneratedRegex(@"http://kaimini\.test(/account/reset-password\?email=[^&\s]+&code=([A-Za-z0-9_-]+))")]
    private static partial Regex ResetLink();
}
