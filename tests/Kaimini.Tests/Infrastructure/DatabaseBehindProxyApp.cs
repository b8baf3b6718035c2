using Npgsql;

namespace Kaimini.Tests.Infrastructure;

/// <summary>The portal on an existing test database reached through a <see cref="TcpProxy"/> on
/// <paramref name="port"/>, so a test can take the database away and give it back.</summary>
public sealed class DatabaseBehindProxyApp(string database, int port) : KaiminiApp(database)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            Port = port,
            Timeout = 3,
        }.ConnectionString,
    };
}
