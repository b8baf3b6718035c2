using System.Net.Sockets;
using Npgsql;

namespace Kaimini.Web.Infrastructure.Database;

public static class DatabaseErrors
{
    /// <summary>True when the exception (or one it wraps) means PostgreSQL cannot be reached, as
    /// opposed to a bug in a query.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }:
                    return true;
            }
        }

        return false;
    }
}
