using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Wijkaanpak.Data.LocalPostgres;

namespace Wijkaanpak.Integration.Tests.Infrastructure;

/// <summary>The embedded default that `dotnet run` relies on: create, reuse, recover.</summary>
public sealed class LocalPostgresClusterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "wijkaanpak-cluster-tests", Guid.NewGuid().ToString("N"));

    private LocalPostgresOptions Options => new() { RootDirectory = _root, DatabaseName = "wijkaanpak", Disposable = true };

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_OnAnEmptyFolder_CreatesAClusterWithTheDatabase()
    {
        await using var cluster = await LocalPostgresCluster.StartAsync(Options, NullLogger.Instance);

        Assert.True(cluster.WasCreated);
        Assert.Equal(1, await ScalarAsync(cluster.ConnectionString, "SELECT 1"));
        Assert.Equal("wijkaanpak", await ScalarAsync(cluster.ConnectionString, "SELECT current_database()"));
    }

    [Fact]
    public async Task StartAsync_AfterACleanStop_ReusesTheClusterAndItsData()
    {
        var first = await LocalPostgresCluster.StartAsync(Options, NullLogger.Instance);
        await ScalarAsync(first.ConnectionString, "CREATE TABLE kept (value int); INSERT INTO kept VALUES (42); SELECT 1");
        await first.StopAsync();

        await using var second = await LocalPostgresCluster.StartAsync(Options, NullLogger.Instance);

        Assert.False(second.WasCreated);
        Assert.Equal(first.Port, second.Port);
        Assert.Equal(42, await ScalarAsync(second.ConnectionString, "SELECT value FROM kept"));
    }

    [Fact]
    public async Task StartAsync_WhenAKilledProcessLeftItsServerRunning_RecoversIt()
    {
        // The first owner "dies": its server keeps running and is never stopped by it.
        var abandoned = await LocalPostgresCluster.StartAsync(Options, NullLogger.Instance);
        await ScalarAsync(abandoned.ConnectionString, "CREATE TABLE kept (value int); INSERT INTO kept VALUES (7); SELECT 1");
        NpgsqlConnection.ClearAllPools();

        await using var recovered = await LocalPostgresCluster.StartAsync(Options, NullLogger.Instance);

        Assert.False(recovered.WasCreated);
        Assert.Equal(7, await ScalarAsync(recovered.ConnectionString, "SELECT value FROM kept"));
    }

    [Fact]
    public async Task StartAsync_WithoutPostgresPrograms_SaysWhatToInstallOrSet()
    {
        var emptyFolder = Directory.CreateDirectory(Path.Combine(_root, "no-binaries")).FullName;

        var unavailable = await Assert.ThrowsAsync<LocalPostgresUnavailableException>(
            () => LocalPostgresCluster.StartAsync(Options with { BinaryDirectory = emptyFolder }, NullLogger.Instance));

        Assert.Contains("apt-get install postgresql", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Wijkaanpak", unavailable.Message, StringComparison.Ordinal);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
