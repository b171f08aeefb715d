using Microsoft.Extensions.Logging.Abstractions;
using Wijkaanpak.Data.LocalPostgres;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.E2E.Tests.Infrastructure;

/// <summary>
/// The app as a process of its own on a PostgreSQL cluster of its own, so that a test can stop and
/// start that database while a user works, without touching the server the other tests share. A
/// separate process also keeps the test's own connection pools apart from the app's.
/// </summary>
public sealed class AppOnPrivatePostgres : IAsyncDisposable
{
    private readonly LocalPostgresOptions _options;
    private LocalPostgresCluster? _cluster;

    private AppOnPrivatePostgres(LocalPostgresOptions options, LocalPostgresCluster cluster, AppProcess app)
    {
        _options = options;
        _cluster = cluster;
        App = app;
    }

    public AppProcess App { get; }

    public static async Task<AppOnPrivatePostgres> StartAsync()
    {
        var options = new LocalPostgresOptions
        {
            RootDirectory = Path.Combine(Path.GetTempPath(), "wijkaanpak-outage-tests", Guid.NewGuid().ToString("N")),
            DatabaseName = "wijkaanpak",
            Disposable = true,
        };
        var cluster = await LocalPostgresCluster.StartAsync(options, NullLogger.Instance);
        try
        {
            // Development: the app migrates the empty database and adds the demo programmes and accounts.
            var app = await AppProcess.StartAsync(cluster.ConnectionString, AppProcess.FreePort());
            return new AppOnPrivatePostgres(options, cluster, app);
        }
        catch
        {
            await cluster.StopAsync();
            throw;
        }
    }

    /// <summary>Stops PostgreSQL as an operator would (pg_ctl stop -m fast): every open session is ended.</summary>
    public async Task StopDatabaseAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAsync();
            _cluster = null;
        }
    }

    /// <summary>Starts the same cluster again, on the same port, with the data it had.</summary>
    public async Task StartDatabaseAsync()
    {
        _cluster ??= await LocalPostgresCluster.StartAsync(_options, NullLogger.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await StopDatabaseAsync();
        try
        {
            Directory.Delete(_options.RootDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the operating system's temp clean-up; it holds only test data.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
