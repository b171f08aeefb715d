using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// Counts the SQL commands EF Core sends and the rows it reads back, through EF Core's diagnostic
/// events, so the app's own registration stays untouched. The benchmark measures one page at a
/// time, so one process-wide tally is enough.
/// </summary>
internal sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private long _commands;
    private long _rows;
    private (TimeSpan Duration, string Text) _slowest = (TimeSpan.Zero, "");

    private QueryCounter()
    {
    }

    public static QueryCounter Start()
    {
        var counter = new QueryCounter();
        counter._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(counter));
        return counter;
    }

    public (long Commands, long Rows) Read() => (Interlocked.Read(ref _commands), Interlocked.Read(ref _rows));

    /// <summary>The slowest command since the last call, and forgets it: where a slow page spends its time.</summary>
    public (TimeSpan Duration, string Text) TakeSlowest()
    {
        lock (_subscriptions)
        {
            var slowest = _slowest;
            _slowest = (TimeSpan.Zero, "");
            return slowest;
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed)
        {
            Interlocked.Increment(ref _commands);
            lock (_subscriptions)
            {
                if (executed.Duration > _slowest.Duration)
                {
                    _slowest = (executed.Duration, executed.Command.CommandText);
                }
            }
        }
        else if (value.Key == RelationalEventId.DataReaderDisposing.Name && value.Value is DataReaderDisposingEventData reader)
        {
            Interlocked.Add(ref _rows, reader.ReadCount);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
