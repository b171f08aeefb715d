using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;

namespace Wijkaanpak.TestSupport;

/// <summary>
/// A database of its own for one test: a copy of a template that was migrated once per run, so
/// every test starts from the same freshly migrated schema and tests can run in parallel.
/// </summary>
public sealed class TestDatabase
{
    private const string TemplateName = "wijkaanpak_template";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool _templateReady;

    private TestDatabase(PostgresServer server, string name)
    {
        Server = server;
        Name = name;
        ConnectionString = server.ConnectionStringFor(name);
    }

    public PostgresServer Server { get; }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A new database with the current schema applied: no rows but the migrations' seed (roles, checklist templates).</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var server = await PostgresServer.SharedAsync();
        await EnsureTemplateAsync(server);
        var database = new TestDatabase(server, "test_" + Guid.NewGuid().ToString("N"));
        await ExecuteAsync(server, $"CREATE DATABASE \"{database.Name}\" TEMPLATE \"{TemplateName}\"");
        return database;
    }

    /// <summary>A new database without any schema, for testing the migrations themselves.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync()
    {
        var server = await PostgresServer.SharedAsync();
        var database = new TestDatabase(server, "empty_" + Guid.NewGuid().ToString("N"));
        await ExecuteAsync(server, $"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    public WijkaanpakDbContext CreateContext() => DbContextOptionsSetup.CreateContext(ConnectionString);

    public IDbContextFactory<WijkaanpakDbContext> CreateFactory() => new Factory(ConnectionString);

    private static async Task EnsureTemplateAsync(PostgresServer server)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }

            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{TemplateName}\"");
            await ExecuteAsync(server, $"CREATE DATABASE \"{TemplateName}\"");
            var connectionString = server.ConnectionStringFor(TemplateName);
            await using (var db = DbContextOptionsSetup.CreateContext(connectionString))
            {
                await db.Database.MigrateAsync();
            }

            // A template may not have open connections while it is copied.
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            _templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(PostgresServer server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Factory(string connectionString) : IDbContextFactory<WijkaanpakDbContext>
    {
        public WijkaanpakDbContext CreateDbContext() => DbContextOptionsSetup.CreateContext(connectionString);
    }
}
