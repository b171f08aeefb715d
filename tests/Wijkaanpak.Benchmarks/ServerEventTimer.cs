using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// The server's own share of an interaction: ASP.NET Core's Blazor metric for handling a browser
/// event (the handler's work including its service call and database round trips, without the
/// browser and the network), read in this process where the app runs. The browsers that click share
/// the machine's cores with the server, so the time the browser sees cannot tell the two apart.
/// </summary>
internal sealed class ServerEventTimer : IDisposable
{
    private const string MeterName = "Microsoft.AspNetCore.Components";
    // The DOM event ("onclick"): MudBlazor's buttons hand the click to the page through a receiver of
    // their own, so the metric's component and method name MudBlazor, never the page's handler.
    private const string EventTag = "aspnetcore.components.attribute.name";
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _milliseconds = new(StringComparer.Ordinal);

    public ServerEventTimer()
    {
        // .NET 10 names it aspnetcore.components.handle_event.duration; earlier previews called it event_handler.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name.Contains("event", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == EventTag && tag.Value is string domEvent)
                {
                    _milliseconds.GetOrAdd(domEvent, _ => new ConcurrentQueue<double>()).Enqueue(seconds * 1000);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The durations recorded for this DOM event ("onclick") since the last call, and forgets them.</summary>
    public IReadOnlyList<double> Take(string domEvent)
    {
        var taken = new List<double>();
        if (_milliseconds.TryGetValue(domEvent, out var queue))
        {
            while (queue.TryDequeue(out var milliseconds))
            {
                taken.Add(milliseconds);
            }
        }

        return taken;
    }

    public void Dispose() => _listener.Dispose();
}
