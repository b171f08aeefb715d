using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
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
public sealed class KeptInput<T> : KeptInput
    where T : class
{
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

        // Only during the resumed circuit's first render does the state hold what the lost circuit left.
        _state.TryTakeFromJson(key, out _kept);

        // The components run in InteractiveServerRenderMode, the mode whose state a circuit's pause persists.
        _persisting = state.RegisterOnPersisting(PersistAsync, RenderMode.InteractiveServer);
    }

    /// <summary>
    /// The model for a form that edits one record, once <paramref name="stored"/> is loaded: the input
    /// the lost circuit left, if any, otherwise <paramref name="stored"/>. Kept input is only what
    /// differs from what the form loaded; a kept model started from an older <paramref name="version"/>
    /// than the stored one is marked, so the page can say so before saving reports the conflict.
    /// </summary>
    public T Restore(T stored, Func<T, uint> version)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(version);
        _stored = JsonSerializer.Serialize(stored);
        if (!TryTake(out var kept))
        {
            return stored;
        }

        MarkRestored(storedChangedSince: version(kept) != version(stored));
        return kept;
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
        if (_input() is { } input && JsonSerializer.Serialize(input) != _stored)
        {
            _state.PersistAsJson(_key, input);
        }

        return Task.CompletedTask;
    }
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
