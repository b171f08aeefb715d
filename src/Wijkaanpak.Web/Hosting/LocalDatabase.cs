using Serilog;
using Serilog.Extensions.Logging;
using Wijkaanpak.Data.LocalPostgres;

namespace Wijkaanpak.Web.Hosting;

/// <summary>
/// The embedded default: in Development without a connection string the app runs a PostgreSQL
/// cluster of its own under the repository (docs/decisions/0002-embedded-postgresql.md).
/// </summary>
internal static class LocalDatabase
{
    public const string ConnectionStringName = "Wijkaanpak";
    public const string RootDirectoryKey = "Wijkaanpak:LocalPostgres:RootDirectory";
    public const string BinaryDirectoryKey = "Wijkaanpak:LocalPostgres:BinDirectory";

    /// <summary>Starts the private cluster when needed and points the configuration at it; null when a server was configured.</summary>
    public static async Task<LocalPostgresCluster?> StartIfNeededAsync(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName)))
        {
            return null;
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new LocalPostgresUnavailableException(
                $"Geen database ingesteld. Zet de verbinding in ConnectionStrings__{ConnectionStringName} " +
                "(bijvoorbeeld Host=db;Database=wijkaanpak;Username=wijkaanpak;Password=...). Buiten Development start de app geen eigen PostgreSQL.");
        }

        var root = builder.Configuration[RootDirectoryKey] ?? DefaultRootDirectory(builder.Environment.ContentRootPath);
        using var serilog = new LoggerConfiguration().WriteTo.Console().CreateLogger();
        using var loggerFactory = new SerilogLoggerFactory(serilog);
        var cluster = await LocalPostgresCluster.StartAsync(
            new LocalPostgresOptions { RootDirectory = root, BinaryDirectory = builder.Configuration[BinaryDirectoryKey] },
            loggerFactory.CreateLogger("Wijkaanpak.LocalPostgres"));
        builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = cluster.ConnectionString;
        return cluster;
    }

    /// <summary>Stops the cluster when the app stops, so that Ctrl+C leaves no server behind.</summary>
    public static void StopWhenApplicationStops(this LocalPostgresCluster cluster, IHostApplicationLifetime lifetime) =>
        lifetime.ApplicationStopped.Register(() => cluster.StopAsync().GetAwaiter().GetResult());

    /// <summary>.pgdata/dev beside Wijkaanpak.sln (git-ignored); the content root when there is no repository.</summary>
    private static string DefaultRootDirectory(string contentRoot)
    {
        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Wijkaanpak.sln")))
            {
                return Path.Combine(folder.FullName, ".pgdata", "dev");
            }
        }

        return Path.Combine(contentRoot, ".pgdata", "dev");
    }
}
