using Microsoft.AspNetCore.Components.Web;

namespace Wijkaanpak.Web.Shared.Faults;

/// <summary>
/// The layout's error boundary. A page that cannot load its data because the database is
/// unreachable also reports the outage, so the notice checks for the database's return and the
/// connection pool is cleared before "Opnieuw proberen" loads the page again.
/// </summary>
public sealed class PageErrorBoundary : ErrorBoundary
{
    [Microsoft.AspNetCore.Components.Inject]
    private DatabaseOutageNotice Outage { get; set; } = default!;

    protected override async Task OnErrorAsync(Exception exception)
    {
        if (DatabaseOutage.IsCause(exception))
        {
            Outage.Report(exception);
            return;
        }

        await base.OnErrorAsync(exception);
    }
}
