namespace Kaimini.Web.Infrastructure.Database;

public class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply migrations and seed reference data at start (on in appsettings.Development.json).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Add the invented demo accounts and data (./kaimini run turns it on).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Password of the demo accounts; required when <see cref="SeedDemoData"/> is on.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>Connections this instance keeps to PostgreSQL at most. A burst beyond it waits for a
    /// free connection (up to the connection string's Timeout, 15 s by default) instead of being
    /// refused by the server: every instance's pool together must stay under the server's
    /// <c>max_connections</c> less its reserved ones (./kaimini run starts PostgreSQL with 100).</summary>
    public int MaxPoolSize { get; set; } = 30;
}
