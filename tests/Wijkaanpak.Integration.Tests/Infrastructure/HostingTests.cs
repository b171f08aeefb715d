using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.Integration.Tests.Infrastructure;

public sealed class HostingTests
{
    [Fact]
    public async Task Health_WithTheDatabaseUp_IsHealthy()
    {
        var database = await TestDatabase.CreateAsync();
        await using var app = new WijkaanpakAppFactory(database.ConnectionString);

        var response = await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_WhenTheDatabaseIsGone_IsUnhealthy()
    {
        var database = await TestDatabase.CreateAsync();
        await using var app = new WijkaanpakAppFactory(database.ConnectionString);
        var client = app.CreateClient();
        await DropAsync(database);

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Unhealthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartInDevelopment_SeedsDemoProgrammesInDifferentPhasesOnce()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var first = new WijkaanpakAppFactory(database.ConnectionString))
        {
            first.CreateClient();
        }

        await using (var second = new WijkaanpakAppFactory(database.ConnectionString))
        {
            second.CreateClient();
        }

        await using var db = database.CreateContext();
        var programmes = await db.Programmes.AsNoTracking().ToListAsync();
        Assert.InRange(programmes.Count, 3, 10);
        Assert.True(programmes.Select(programme => programme.CurrentPhase).Distinct().Count() >= 3);
        Assert.Equal(programmes.Count, programmes.Select(programme => programme.Name).Distinct().Count());
    }

    [Fact]
    public async Task HomePage_IsServedInDutch()
    {
        var database = await TestDatabase.CreateAsync();
        await using var app = new WijkaanpakAppFactory(database.ConnectionString);

        var html = await app.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
    }

    private static async Task DropAsync(TestDatabase database)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var admin = new Npgsql.NpgsqlConnection(database.Server.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE \"{database.Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
