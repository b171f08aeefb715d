using Npgsql;

namespace Wijkaanpak.Web.Shared.Faults;

/// <summary>
/// Tells a failure whose cause is a database that cannot be reached right now (stopped, restarting,
/// the connection cut) from every other failure. Only the first kind is shown to the user as a
/// passing outage with their input kept; anything else stays a fault for the error boundary.
/// </summary>
public static class DatabaseOutage
{
    // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting or stopping).
    private static readonly HashSet<string> ShutdownStates = ["57P01", "57P02", "57P03"];

    /// <summary>
    /// True when the exception or one it wraps (EF Core wraps Npgsql's) says the database did not
    /// answer: a server shutting down or starting, a connection exception (class 08), or Npgsql's own
    /// transient failure to reach the server (refused, reset, timed out).
    /// </summary>
    public static bool IsCause(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var failure in Chain(exception))
        {
            switch (failure)
            {
                case PostgresException server:
                    // The server answered: only its "I am going away / not ready / connection broken" answers count.
                    return ShutdownStates.Contains(server.SqlState) || server.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
