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
}
