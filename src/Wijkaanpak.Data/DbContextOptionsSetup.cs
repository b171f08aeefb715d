using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data.Audit;

namespace Wijkaanpak.Data;

/// <summary>The one way the application, the tests and the design-time tools configure EF Core.</summary>
public static class DbContextOptionsSetup
{
    public static DbContextOptionsBuilder UseWijkaanpakDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(WijkaanpakDbContext).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();

    /// <summary>A context outside the web app (tests, tools); changes are audited as the given actor, else as the system.</summary>
    public static WijkaanpakDbContext CreateContext(string connectionString, IAuditActor? actor = null)
    {
        var builder = new DbContextOptionsBuilder<WijkaanpakDbContext>();
        builder.UseWijkaanpakDatabase(connectionString)
            .AddInterceptors(new AuditInterceptor(actor ?? SystemAuditActor.Instance, TimeProvider.System));
        return new WijkaanpakDbContext(builder.Options);
    }
}
