using System.Net;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Npgsql;

namespace Kaimini.Tests.Web;

public class HealthTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task Ready_and_live_answer_200_with_the_database()
    {
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Without_the_database_ready_is_503_pages_ask_to_try_again_and_all_recovers_without_a_restart()
    {
        var real = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        await using var proxy = new TcpProxy(real.Port);
        await using var down = new DatabaseBehindProxyApp(app.DatabaseName, proxy.Port);
        using var client = down.CreatePageClient("lv");

        var ready = await client.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/live")).StatusCode);
        var home = await client.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, home.StatusCode);
        var page = await PageClient.ParseAsync(home);
        Assert.Equal("Portāls īslaicīgi nav pieejams", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("lv", page.DocumentElement.GetAttribute("lang"));

        proxy.Start();

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);
        var back = await client.GetAsync("/");
        Assert.Contains("Mārupes novads", back.QuerySelector("main")!.TextContent);
    }
}
