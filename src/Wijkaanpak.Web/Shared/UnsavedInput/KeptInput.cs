using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Wijkaanpak.Web.Shared.UnsavedInput;

/// <summary>
/// What a page tells its user about input that outlived the loss of its circuit (ADR 0013): whether
/// the form shows such input, and whether the record was saved by someone else after it was typed.
/// </summary>
public abstract class KeptInput : IDisposable
{
    /// <summary>The form shows input typed before the connection was lost, not saved yet.</summary>
    public bool IsRestored { get; private set; }

    /// <summary>The record was saved after that input was typed: saving the input reports the conflict.</summary>
    public bool StoredChangedSince { get; private set; }

    public void MarkRestored(bool storedChangedSince = false)
    {
        IsRestored = true;
        StoredChangedSince |= storedChangedSince;
    }

    /// <summary>The restored input was saved, or the user closed the notice about it.</summary>
    public void Forget()
    {
        IsRestored = false;
        StoredChangedSince = false;
    }

    public abstract void Dispose();
}

/// <summary>
/// A form's unsaved input, handed to .NET's circuit state persistence: when Blazor evicts the circuit
/// of a browser that stayed away too long, it asks for this input and keeps it; when that browser
/// comes back, Blazor resumes the page in a new circuit and the form takes the input back from
/// <see cref="PersistentComponentState"/> instead of showing only what is stored. The form disposes
/// this when it goes, so that a page left behind keeps nothing.
/// </summary>
/// <remarks>
/// As in <see cref="EditConflicts"/>, an edit model's input is its public properties except
/// <c>Version</c>, the row version the edit started from (ADR 0004).
/// </remarks>
public sealed class KeptInput<T> : KeptInput
    where T : class
{
    private const string VersionProperty = "Version";

    private readonly PersistentComponentState _state;
    private readonly string _key;
    private readonly Func<T?> _input;
    private readonly PersistingComponentStateSubscription _persisting;
    private T? _kept;
    private string? _stored;

    internal KeptInput(PersistentComponentState state, string key, Func<T?> input)
    {
        _state = state;
        _key = key;
        _input = input;

        // The state holds what the lost circuit left only while the resumed circuit renders for the first time.
        _state.TryTakeFromJson(key, out _kept);

        // The components run in InteractiveServerRenderMode, the mode whose state a circuit's pause persists.
        _persisting = state.RegisterOnPersisting(PersistAsync, RenderMode.InteractiveServer);
    }

    /// <summary>
    /// The model for a form that edits one record, once <paramref name="stored"/> is loaded: the input
    /// the lost circuit left, if it differs from <paramref name="stored"/>, otherwise <paramref name="stored"/>.
    /// Kept input started from an older version than the stored one is marked, so that the page says so
    /// before saving it reports the conflict.
    /// </summary>
    public T Restore(T stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        _stored = InputOf(stored);
        if (!TryTake(out var kept) || InputOf(kept) == _stored)
        {
            return stored;
        }

        MarkRestored(storedChangedSince: !Equals(VersionOf(kept), VersionOf(stored)));
        return kept;
    }

    /// <summary>A form that stays on the page after saving: what it shows now is stored, and nothing is restored any more.</summary>
    public void Saved(T stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        _stored = InputOf(stored);
        Forget();
    }

    /// <summary>
    /// For a page that merges kept input into what it loaded itself (several drafts at once): the input
    /// the lost circuit left, once. Such a page returns only its unsaved input from the function it keeps.
    /// </summary>
    public bool TryTake([NotNullWhen(true)] out T? kept)
    {
        kept = _kept;
        _kept = null;
        return kept is not null;
    }

    public override void Dispose() => _persisting.Dispose();

    private Task PersistAsync()
    {
        if (_input() is { } input && InputOf(input) != _stored)
        {
            _state.PersistAsJson(_key, input);
        }

        return Task.CompletedTask;
    }

    private static string InputOf(T model)
    {
        var json = JsonSerializer.SerializeToNode(model);
        if (json is JsonObject properties)
        {
            properties.Remove(VersionProperty);
        }

        return json?.ToJsonString() ?? string.Empty;
    }

    private static object? VersionOf(T model) => typeof(T).GetProperty(VersionProperty)?.GetValue(model);
}

public static class KeptInputExtensions
{
    /// <summary>
    /// Keeps what <paramref name="input"/> returns through the loss of the circuit. The
    /// <paramref name="key"/> names the form among the forms of its page; the record needs no name, as
    /// the resumed circuit renders the address the browser shows, and that address names it. Call this
    /// in <c>OnInitialized</c>, before the form loads, and dispose the result with the component.
    /// </summary>
    public static KeptInput<T> KeepUnsavedInput<T>(this PersistentComponentState state, string key, Func<T?> input)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(input);
        return new KeptInput<T>(state, key, input);
    }
}
