using System.Diagnostics.Metrics;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// The app's own count of Blazor circuits (ASP.NET Core's built-in metrics), read in this process:
/// proof that the tabs being measured hold live, connected circuits, not pages that lost theirs.
/// </summary>
internal sealed class CircuitCounter : IDisposable
{
    private const string MeterName = "Microsoft.AspNetCore.Components.Server.Circuits";
    private readonly MeterListener _listener = new();
    private long _active;
    private long _connected;

    public CircuitCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name is "aspnetcore.components.circuit.active" or "aspnetcore.components.circuit.connected")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "aspnetcore.components.circuit.active")
            {
                Interlocked.Add(ref _active, value);
            }
            else
            {
                Interlocked.Add(ref _connected, value);
            }
        });
        _listener.Start();
    }

    /// <summary>Circuits that exist on the server.</summary>
    public long Active => Interlocked.Read(ref _active);

    /// <summary>Circuits with a client connected to them right now.</summary>
    public long Connected => Interlocked.Read(ref _connected);

    public void Dispose() => _listener.Dispose();
}
