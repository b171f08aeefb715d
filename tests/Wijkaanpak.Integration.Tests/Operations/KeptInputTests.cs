using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Infrastructure;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Wijkaanpak.Web.Shared.UnsavedInput;

namespace Wijkaanpak.Integration.Tests.Operations;

/// <summary>
/// What a form keeps when its circuit is paused, and what it gets back in the resumed one, through
/// Blazor's own ComponentStatePersistenceManager, as a circuit eviction uses it (ADR 0013).
/// </summary>
public sealed class KeptInputTests
{
    private const string Key = "form";

    [Fact]
    public async Task Restore_WhenTheInputChangedBeforeThePause_GivesTheTypedInput()
    {
        var typed = await PauseAsync(new Draft("opgeslagen", 7), draft => draft.Text = "getypt");

        var (restored, kept) = await ResumeAsync(typed, new Draft("opgeslagen", 7));

        Assert.Equal("getypt", restored.Text);
        Assert.True(kept.IsRestored);
        Assert.False(kept.StoredChangedSince);
    }

    [Fact]
    public async Task Restore_WhenNothingWasTyped_GivesWhatIsStored()
    {
        var untouched = await PauseAsync(new Draft("opgeslagen", 7), _ => { });

        var (restored, kept) = await ResumeAsync(untouched, new Draft("door een ander opgeslagen", 8));

        Assert.Empty(untouched);
        Assert.Equal("door een ander opgeslagen", restored.Text);
        Assert.False(kept.IsRestored);
    }

    [Fact]
    public async Task Restore_WhenOnlyTheVersionMovedOn_GivesWhatIsStored()
    {
        // A page that reloads moves its open forms onto the newest version; that is no input of the user.
        var rebased = await PauseAsync(new Draft("opgeslagen", 7), draft => draft.Version = 8);

        var (restored, kept) = await ResumeAsync(rebased, new Draft("door een ander opgeslagen", 9));

        Assert.Empty(rebased);
        Assert.Equal("door een ander opgeslagen", restored.Text);
        Assert.False(kept.IsRestored);
    }

    [Fact]
    public async Task Restore_WhenSomeoneSavedAfterTheInputWasTyped_GivesTheInputWithItsOldVersion_AndSaysSo()
    {
        var typed = await PauseAsync(new Draft("opgeslagen", 7), draft => draft.Text = "getypt");

        var (restored, kept) = await ResumeAsync(typed, new Draft("door een ander opgeslagen", 8));

        Assert.Equal("getypt", restored.Text);
        Assert.Equal(7u, restored.Version);
        Assert.True(kept.IsRestored);
        Assert.True(kept.StoredChangedSince);
    }

    [Fact]
    public async Task Restore_WhenWhatIsStoredNowIsWhatWasTyped_GivesWhatIsStored()
    {
        var typed = await PauseAsync(new Draft("opgeslagen", 7), draft => draft.Text = "hetzelfde");

        var (restored, kept) = await ResumeAsync(typed, new Draft("hetzelfde", 8));

        Assert.Equal(8u, restored.Version);
        Assert.False(kept.IsRestored);
    }

    [Fact]
    public async Task Saved_InputIsNoLongerKept()
    {
        var saved = await PauseAsync(new Draft("opgeslagen", 7), (draft, kept) =>
        {
            draft.Text = "getypt en opgeslagen";
            draft.Version = 8;
            kept.Saved(new Draft("getypt en opgeslagen", 8));
        });

        Assert.Empty(saved);
    }

    [Fact]
    public async Task Dispose_OfAFormThatWasLeft_KeepsNothing()
    {
        var left = await PauseAsync(new Draft("opgeslagen", 7), (draft, kept) =>
        {
            draft.Text = "getypt, toen weggeklikt";
            kept.Dispose();
        });

        Assert.Empty(left);
    }

    private static Task<IDictionary<string, byte[]>> PauseAsync(Draft stored, Action<Draft> type) =>
        PauseAsync(stored, (draft, _) => type(draft));

    /// <summary>A form loads <paramref name="stored"/>, the user works on it, and the circuit is paused: what Blazor keeps.</summary>
    private static async Task<IDictionary<string, byte[]>> PauseAsync(Draft stored, Action<Draft, KeptInput<Draft>> work)
    {
        var circuit = new ComponentStatePersistenceManager(NullLogger<ComponentStatePersistenceManager>.Instance);
        Draft? model = null;
        var kept = circuit.State.KeepUnsavedInput(Key, () => model);
        model = kept.Restore(stored);
        work(model, kept);

        var store = new Store(new Dictionary<string, byte[]>());
        using var renderer = new NoRenderer();
        await circuit.PersistStateAsync(store, renderer);
        return store.State;
    }

    /// <summary>A new circuit with what the paused one left, whose form loads <paramref name="storedNow"/>.</summary>
    private static async Task<(Draft Restored, KeptInput<Draft> Kept)> ResumeAsync(IDictionary<string, byte[]> left, Draft storedNow)
    {
        var circuit = new ComponentStatePersistenceManager(NullLogger<ComponentStatePersistenceManager>.Instance);
        await circuit.RestoreStateAsync(new Store(left));
        Draft? model = null;
        var kept = circuit.State.KeepUnsavedInput(Key, () => model);
        model = kept.Restore(storedNow);
        return (model, kept);
    }

    public sealed class Draft(string text, uint version)
    {
        public string Text { get; set; } = text;

        public uint Version { get; set; } = version;
    }

    private sealed class Store(IDictionary<string, byte[]> state) : IPersistentComponentStateStore
    {
        public IDictionary<string, byte[]> State { get; } = state;

        public Task<IDictionary<string, byte[]>> GetPersistedStateAsync() => Task.FromResult(State);

        public Task PersistStateAsync(IReadOnlyDictionary<string, byte[]> state)
        {
            foreach (var (key, value) in state)
            {
                State[key] = value;
            }

            return Task.CompletedTask;
        }
    }

#pragma warning disable BL0006 // PersistStateAsync takes a renderer; Blazor has no public one without a DOM or HTML to render to.

    /// <summary>The persistence manager asks for a renderer; these forms are never rendered.</summary>
    private sealed class NoRenderer() : Renderer(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance)
    {
        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

        protected override void HandleException(Exception exception) => throw exception;

        protected override Task UpdateDisplayAsync(in RenderBatch renderBatch) => Task.CompletedTask;
    }
#pragma warning restore BL0006
}
