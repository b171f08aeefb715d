using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;

namespace Wijkaanpak.Web.Shared.Faults;

/// <summary>What the user is told about the database: nothing, that it cannot be reached, or that it is back.</summary>
public enum DatabaseState
{
    Reachable,
    Unreachable,
    Restored,
}

/// <summary>
/// One per circuit: remembers that a call found the database unreachable, tells the layout, and
/// checks every few seconds until the database answers again; then it says the connection is back.
/// </summary>
public sealed class DatabaseOutageNotice(
    IDbContextFactory<WijkaanpakDbContext> contexts,
    TimeProvider time,
    ILogger<DatabaseOutageNotice> logger) : IDisposable
{
    /// <summary>Light enough for every open circuit during an outage: one refused connection per interval.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _disposed = new();
    private int _checking;

    public DatabaseState State { get; private set; } = DatabaseState.Reachable;

    /// <summary>Raised after <see cref="State"/> changed, possibly off the circuit's thread: handlers use InvokeAsync.</summary>
    public event Action? Changed;

    /// <summary>A call failed because the database is unreachable: show the notice and start checking.</summary>
    public void Report(Exception failure)
    {
        logger.LogWarning(failure, "De database is niet bereikbaar; de gebruiker houdt zijn invoer en krijgt een melding");

        // Pooled connections to a server that went away are dead; without this the first calls after
        // its return would pick them up and fail once more.
        NpgsqlConnection.ClearAllPools();
        SetState(DatabaseState.Unreachable);
        if (Interlocked.Exchange(ref _checking, 1) == 0)
        {
            _ = CheckUntilReachableAsync(_disposed.Token);
        }
    }

    /// <summary>The user closed the "connection is back" message.</summary>
    public void Dismiss()
    {
        if (State == DatabaseState.Restored)
        {
            SetState(DatabaseState.Reachable);
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task CheckUntilReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(CheckInterval, time);

            // At once first: when the failure was only a dead pooled connection left by an outage that
            // is already over (the pool is empty now), the user hears within a moment that they can save again.
            do
            {
                if (await AnswersAsync(cancellationToken))
                {
                    Interlocked.Exchange(ref _checking, 0);
                    logger.LogInformation("De database is weer bereikbaar");
                    SetState(DatabaseState.Restored);
                    return;
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The circuit ended during the outage: nobody is left to tell.
        }
        catch (Exception unexpected)
        {
            // Not an outage (say, a refused login): the next failed call reports and starts checking again.
            logger.LogError(unexpected, "Controleren of de database weer bereikbaar is, mislukte");
            Interlocked.Exchange(ref _checking, 0);
        }
    }

    /// <summary>A real round trip: opening a pooled connection alone proves nothing.</summary>
    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return true;
        }
        catch (Exception failure) when (DatabaseOutage.IsCause(failure))
        {
            return false;
        }
    }

    private void SetState(DatabaseState state)
    {
        State = state;
        Changed?.Invoke();
    }
}
