using Kaimini.Web.Data;
using Kaimini.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kaimini.Tests.Infrastructure;

/// <summary>The throwaway PostgreSQL that ./kaimini test starts (KAIMINI_TEST_DB). A template
/// database is migrated and seeded once per run through the portal's own initializer; every test
/// class then gets a fresh copy of it (CREATE DATABASE … TEMPLATE takes milliseconds).</summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _templateName;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("KAIMINI_TEST_DB")
        ?? throw new InvalidOperationException(
            "KAIMINI_TEST_DB is not set: run the tests with ./kaimini test, which starts a throwaway PostgreSQL.");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates a new database from the seeded template and returns its name.</summary>
    public static async Task<string> CreateAsync()
    {
        var template = await EnsureTemplateAsync();
        var name = $"kaimini_t_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        return name;
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                // An autovacuum worker (the superuser's, which our role may not end) is on the
                // database: it finishes within moments.
                await Task.Delay(500);
            }
        }
    }

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateName is not null)
            {
                return _templateName;
            }

            var name = $"kaimini_template_{Environment.ProcessId}";
            await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE {name}");
            // Migrate before the portal starts, so that nothing it starts (data-protection keys)
            // finds the tables missing; then seed through the portal's own initializer.
            var options = new DbContextOptionsBuilder<AppDbContext>();
            AppDbContext.Configure(options, ConnectionStringFor(name));
            await using (var db = new AppDbContext(options.Options))
            {
                await db.Database.MigrateAsync();
            }

            await using (var app = new TemplateApp(name))
            {
                await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            }

            // A template must have no open connections when it is copied.
            NpgsqlConnection.ClearAllPools();
            _templateName = name;
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private sealed class TemplateApp(string database) : KaiminiApp(database);
}
