using System.Net;
using Kaimini.Web.Data;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaimini.Tests.Infrastructure;

/// <summary>The portal in-process against its own fresh PostgreSQL database and a real SMTP
/// server. One per test class (IClassFixture); <see cref="Settings"/> overrides configuration.</summary>
public class KaiminiApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string? _existingDatabase;
    private string? _ownDatabase;

    public KaiminiApp()
    {
        Smtp = new TestSmtpServer(StartSmtp);
    }

    /// <summary>Runs against a database the caller owns (the template builder).</summary>
    protected KaiminiApp(string existingDatabase)
        : this()
    {
        _existingDatabase = existingDatabase;
    }

    public TestSmtpServer Smtp { get; }

    /// <summary>False: the mail server is down until the test starts it.</summary>
    protected virtual bool StartSmtp => true;

    public string DatabaseName => _existingDatabase ?? _ownDatabase
        ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public string ConnectionString => TestDatabase.ConnectionStringFor(DatabaseName);

    protected virtual string EnvironmentName => "Testing";

    /// <summary>Configuration on top of the defaults below, e.g. a low rate limit.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async ValueTask InitializeAsync()
    {
        if (_existingDatabase is null)
        {
            _ownDatabase = await TestDatabase.CreateAsync();
        }
    }

    /// <summary>The portal's clock: real time, shifted where a test needs another moment.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Every SQL command the portal sends (see <see cref="QueryCounter"/>).</summary>
    public QueryCounter Queries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // wwwroot as a published portal serves it (compressed copies, fingerprinted addresses): outside
        // Development, a build's output finds its static assets only when told to.
        builder.UseStaticWebAssets();
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(Queries));
            services.AddSingleton<IStartupFilter, TestClientAddress>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = ConnectionString,
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = Smtp.Port.ToString(),
                ["Email:Smtp:Security"] = "None",
                ["Email:FromAddress"] = "kaimini@kaimini.test",
                ["App:PublicBaseUrl"] = "http://kaimini.test",
                // Maps on, with a tile server that refuses at once: no test reaches the internet.
                ["Map:TileUrl"] = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png",
                ["AllowedHosts"] = "*",
                ["RateLimiting:FormPerAddress"] = "10000",
                ["RateLimiting:FormPerPerson"] = "10000",
                ["RateLimiting:ContactPerAddress"] = "10000",
                ["RateLimiting:ContactPerPerson"] = "10000",
                ["RateLimiting:DailySendsPerAccount"] = "100000",
                ["Outbox:PollSeconds"] = "0.5",
                ["Outbox:RetryBaseSeconds"] = "0.5",
                ["Outbox:RetryMaxSeconds"] = "2",
                ["Outbox:BulkMessagesPerMinute"] = "60000",
                // Bulk sends are picked up soon after the request that stores them.
                ["BulkSends:PollSeconds"] = "0.2",
                // Reminders are driven by tests with a fake clock, not by the background job.
                ["Events:RemindersEnabled"] = "false",
                // So is the daily retention job.
                ["Privacy:RetentionEnabled"] = "false",
                // And the daily digest of new ideas for municipality staff.
                ["IdeaDigest:Enabled"] = "false",
                // And the weekly digest of what people follow.
                ["WeeklyDigest:Enabled"] = "false",
                // Reports refresh their summary tables themselves; tests that count what is stale
                // must not race a timer.
                ["Reports:RefreshEnabled"] = "false",
                ["Serilog:MinimumLevel:Default"] = "Warning",
                // Static files with the headers a published portal sends (a build's own output says no-cache).
                ["EnableStaticAssetsDevelopmentCaching"] = "true",
            };
            foreach (var (key, value) in Settings)
            {
                settings[key] = value;
            }

            config.AddInMemoryCollection(settings);
        });
    }

    /// <summary>A scope for arranging and checking data directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Empties the output cache, so the next anonymous visit renders its page afresh (cached
    /// pages vary only by the query keys they read: an unknown key no longer makes a miss).</summary>
    public async Task ForgetCachedPagesAsync()
    {
        var store = Services.GetRequiredService<IOutputCacheStore>();
        await store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None);
        await store.EvictByTagAsync(PublicPageCache.IdeasTag, CancellationToken.None);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>A client logged in as a new confirmed account with the role (administrators and
    /// organisers with an authenticator enrolled, giving its code as the second step).</summary>
    public async Task<(Browsing.PageClient Client, Kaimini.Web.Domain.AppUser User)> LoggedInAsync(string? role, string culture = "lv")
    {
        var user = await TestUsers.CreateAsync(this, TestUsers.UniqueEmail(role?.ToLowerInvariant() ?? "resident"), role);
        var client = CreatePageClient(culture);
        await LogInAsync(client, user);
        return (client, user);
    }

    /// <summary>A client logged in as a new municipality staff account working for the novads
    /// (<c>AppUser.NovadsId</c>, as an administrator sets it): such staff answer that novads's ideas.</summary>
    public async Task<(Browsing.PageClient Client, Kaimini.Web.Domain.AppUser User)> LoggedInStaffAsync(string novadsSlug = "olaines-novads", string culture = "lv")
    {
        var user = await TestUsers.CreateAsync(this, TestUsers.UniqueEmail("staff"), Kaimini.Web.Domain.Roles.MunicipalityStaff, culture, novadsSlug: novadsSlug);
        var client = CreatePageClient(culture);
        await LogInAsync(client, user);
        return (client, user);
    }

    /// <summary>Signs the client in with the test password and, when the account asks for it, the
    /// authenticator's current code. Returns the page it lands on.</summary>
    public async Task<AngleSharp.Dom.IDocument> LogInAsync(Browsing.PageClient client, Kaimini.Web.Domain.AppUser user)
    {
        var page = await client.SubmitAndFollowAsync(await client.GetAsync("/account/login"), "main form", new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = TestUsers.Password,
        });
        if (new Uri(page.Url).AbsolutePath == "/account/login/two-factor")
        {
            page = await client.SubmitAndFollowAsync(page, "main form", new Dictionary<string, string>
            {
                ["Code"] = await TestUsers.CurrentCodeAsync(this, user),
            });
        }

        return page;
    }

    public Browsing.PageClient CreatePageClient(string? culture = null) =>
        new(CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("http://localhost"),
        }), culture);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        if (_ownDatabase is not null)
        {
            await TestDatabase.DropAsync(_ownDatabase);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The portal on a real Kestrel port, for the browser.</summary>
public class KaiminiServer : KaiminiApp
{
    private readonly int _port = FreePort();

    public KaiminiServer()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, _port));
    }

    public string BaseUrl => $"http://127.0.0.1:{_port}";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
    }

    // Links in e-mails lead to the address the browser uses.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["App:PublicBaseUrl"] = BaseUrl,
    };

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
