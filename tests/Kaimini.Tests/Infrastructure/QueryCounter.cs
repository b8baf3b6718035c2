using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kaimini.Tests.Infrastructure;

/// <summary>Counts the SQL commands EF sends, to hold pages to a fixed number of queries. The
/// background workers' claims (<c>FOR UPDATE SKIP LOCKED</c>: the outbox, bulk sends, reminders; a
/// page never claims) are not counted: they poll on their own clock, whatever the page does.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _commands = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The commands since the last reset, for a failing assertion's message.</summary>
    public string Commands => string.Join("\n---\n", _commands);

    private void Note(DbCommand command)
    {
        if (command.CommandText.Contains("SKIP LOCKED", StringComparison.Ordinal))
        {
            return;
        }

        Interlocked.Increment(ref _count);
        _commands.Enqueue(command.CommandText);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _commands.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }
}
