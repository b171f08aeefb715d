using Microsoft.EntityFrameworkCore;

namespace Wijkaanpak.Data;

/// <summary>The one way the application, the tests and the design-time tools configure EF Core.</summary>
public static class DbContextOptionsSetup
{
    public static DbContextOptionsBuilder UseWijkaanpakDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(WijkaanpakDbContext).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();

    public static WijkaanpakDbContext CreateContext(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<WijkaanpakDbContext>();
        builder.UseWijkaanpakDatabase(connectionString);
        return new WijkaanpakDbContext(builder.Options);
    }
}
