using DotNet.Testcontainers.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Testcontainers.PostgreSql;
using Wijkaanpak.Data.LocalPostgres;

namespace Wijkaanpak.TestSupport;

/// <summary>
/// One PostgreSQL server for a whole test run: a Testcontainers container where a Docker engine
/// answers, else the application's own private-cluster helper in a throw-away folder.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartAsync);

    private readonly Func<Task> _stop;

    private PostgresServer(string adminConnectionString, string kind, Func<Task> stop)
    {
        AdminConnectionString = adminConnectionString;
        Kind = kind;
        _stop = stop;
    }

    public string AdminConnectionString { get; }

    /// <summary>"testcontainers" or "local cluster": which kind of server this run uses.</summary>
    public string Kind { get; }

    public static Task<PostgresServer> SharedAsync() => SharedServer.Value;

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await TryContainerAsync() ?? await StartLocalClusterAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server._stop().GetAwaiter().GetResult();
        return server;
    }

    private static async Task<PostgresServer?> TryContainerAsync()
    {
        try
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            return new PostgresServer(container.GetConnectionString(), "testcontainers", () => container.DisposeAsync().AsTask());
        }
        catch (DockerUnavailableException)
        {
            // No Docker engine on this machine: fall back to the private cluster below.
            return null;
        }
    }

    private static async Task<PostgresServer> StartLocalClusterAsync()
    {
        var parent = Path.Combine(Path.GetTempPath(), "wijkaanpak-tests");
        RemoveStoppedClusters(parent);
        var root = Path.Combine(parent, Guid.NewGuid().ToString("N"));
        var cluster = await LocalPostgresCluster.StartAsync(
            new LocalPostgresOptions { RootDirectory = root, DatabaseName = "postgres", Disposable = true },
            NullLogger.Instance);
        return new PostgresServer(cluster.ConnectionString, "local cluster", async () =>
        {
            await cluster.StopAsync();
            TryDelete(root);
        });
    }

    /// <summary>
    /// The test host may exit before an earlier run's folder was deleted; stopped clusters have no pid
    /// file. Neither has a cluster that another test process (test assemblies run in parallel) is still
    /// creating with initdb, so only folders untouched for a while count as left over.
    /// </summary>
    private static void RemoveStoppedClusters(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        var leftOverBefore = DateTime.UtcNow.AddMinutes(-30);
        foreach (var folder in Directory.GetDirectories(parent).Where(folder =>
                     !File.Exists(Path.Combine(folder, "data", "postmaster.pid")) && Directory.GetLastWriteTimeUtc(folder) < leftOverBefore))
        {
            TryDelete(folder);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
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
