using Microsoft.AspNetCore.Components;

namespace Wijkaanpak.Web.Shared.Faults;

/// <summary>
/// The base of every component under Features (set in Features/_Imports.razor). Blazor hands an
/// event callback (a button's OnClick, a form's field change) to the component that declared the
/// handler; when the handler throws, the renderer passes the exception to the nearest error
/// boundary, which throws the page away together with whatever the user typed. Here a failure whose
/// cause is an unreachable database is caught instead: it is logged, the circuit's
/// <see cref="DatabaseOutageNotice"/> tells the user, and the component renders again with its form
/// model intact, so saving once more works when the database is back. Every other failure still
/// goes to the error boundary.
/// </summary>
public abstract class DatabaseAwareComponent : ComponentBase, IHandleEvent
{
    [Inject]
    private DatabaseOutageNotice Outage { get; set; } = default!;

    async Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg)
    {
        // As ComponentBase does: render once while an asynchronous handler runs (a "saving…" state), once after.
        try
        {
            var task = callback.InvokeAsync(arg);
            if (!task.IsCompleted)
            {
                StateHasChanged();
            }

            await task;
        }
        catch (Exception failure) when (DatabaseOutage.IsCause(failure))
        {
            Outage.Report(failure);
        }
        catch (OperationCanceledException)
        {
            // A cancelled handler is no failure (ComponentBase ignores it too) and renders nothing new.
            return;
        }

        StateHasChanged();
    }
}
