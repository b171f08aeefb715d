using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Shared.Faults;

namespace Wijkaanpak.Integration.Tests.Operations;

/// <summary>
/// Which failures the app treats as "the database cannot be reached right now" (the user keeps their
/// input and is told to save again shortly) and which stay errors. The failures are real ones from
/// PostgreSQL and Npgsql, not hand-made exceptions, so a change in how they arrive shows up here.
/// </summary>
public sealed class DatabaseOutageClassifierTests
{
    [Fact]
    public async Task IsCause_WhenNoServerListens_IsTrue()
    {
        var nobody = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = AppProcess.FreePort(), Username = "postgres", Timeout = 3 };
        await using var connection = new NpgsqlConnection(nobody.ConnectionString);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => connection.OpenAsync());

        Assert.True(DatabaseOutage.IsCause(failure), failure.ToString());
    }

    [Fact]
    public async Task IsCause_WhenEfCoreQueriesADatabaseThatIsGone_IsTrue()
    {
        var nobody = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = AppProcess.FreePort(), Database = "wijkaanpak", Username = "postgres", Timeout = 3 };
        await using var db = DbContextOptionsSetup.CreateContext(nobody.ConnectionString);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => db.Programmes.AsNoTracking().ToListAsync());

        Assert.True(DatabaseOutage.IsCause(failure), failure.ToString());
    }

    [Fact]
    public async Task IsCause_WhenTheServerEndsTheSession_IsTrue()
    {
        // What every open connection gets when PostgreSQL is stopped (57P01 admin_shutdown), done to one connection only.
        var database = await TestDatabase.CreateAsync();
        await using var victim = new NpgsqlConnection(database.ConnectionString + ";Pooling=false");
        await victim.OpenAsync();
        await using (var admin = new NpgsqlConnection(database.Server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", admin);
            terminate.Parameters.AddWithValue("pid", victim.ProcessID);
            await terminate.ExecuteScalarAsync();
        }

        await using var command = new NpgsqlCommand("SELECT 1", victim);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => command.ExecuteScalarAsync());

        Assert.True(DatabaseOutage.IsCause(failure), failure.ToString());
    }

    [Fact]
    public async Task IsCause_WhenTheServerRefusesTheStatement_IsFalse()
    {
        var database = await TestDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT * FROM no_such_table", connection);

        var failure = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync());

        Assert.False(DatabaseOutage.IsCause(failure));
    }

    [Fact]
    public void IsCause_ForShutdownAndConnectionStates_IsTrue()
    {
        foreach (var state in new[] { "57P01", "57P02", "57P03", "08006", "08001" })
        {
            Assert.True(DatabaseOutage.IsCause(new DbUpdateException("opslaan mislukte", ServerSays(state))), state);
        }
    }

    [Fact]
    public void IsCause_ForOtherFailures_IsFalse()
    {
        Assert.False(DatabaseOutage.IsCause(new DbUpdateException("uniek", ServerSays("23505"))));
        Assert.False(DatabaseOutage.IsCause(new DbUpdateConcurrencyException("tegelijk gewijzigd")));
        Assert.False(DatabaseOutage.IsCause(new DomainRuleException("Regel", "Een regel werd gebroken.")));
        Assert.False(DatabaseOutage.IsCause(new InvalidOperationException("fout in de code")));
        Assert.False(DatabaseOutage.IsCause(new NpgsqlException("geen verbindingsfout")));
    }

    [Fact]
    public void IsCause_LooksInsideAggregates()
    {
        var outage = new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111));

        Assert.True(DatabaseOutage.IsCause(new AggregateException(new InvalidOperationException("eerst"), outage)));
    }

    private static PostgresException ServerSays(string sqlState) =>
        new("melding", "ERROR", "ERROR", sqlState);
}
