using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Wijkaanpak.Data.LocalPostgres;
using Wijkaanpak.Web.Hosting;

namespace Wijkaanpak.Integration.Tests.Infrastructure;

public sealed class LocalDatabaseTests
{
    [Fact]
    public async Task StartIfNeeded_InProductionWithoutConnectionString_RefusesToStartAClusterAndSaysWhatToSet()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });

        var refused = await Assert.ThrowsAsync<LocalPostgresUnavailableException>(() => LocalDatabase.StartIfNeededAsync(builder));

        Assert.Contains("ConnectionStrings__Wijkaanpak", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartIfNeeded_WithAConnectionString_StartsNothing()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["ConnectionStrings:Wijkaanpak"] = "Host=db.example;Database=wijkaanpak";

        Assert.Null(await LocalDatabase.StartIfNeededAsync(builder));
        Assert.Equal("Host=db.example;Database=wijkaanpak", builder.Configuration.GetConnectionString("Wijkaanpak"));
    }
}
