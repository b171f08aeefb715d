using Wijkaanpak.Data;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// Where the data set lives: a fresh test database on the run's own PostgreSQL (the documented
/// command), or a database of one's own given with <c>--database</c>, which keeps the grown data
/// set for the next run so that a change can be measured again without building it anew.
/// </summary>
internal sealed record BenchmarkDatabase(string ConnectionString, string Kind)
{
    public static async Task<BenchmarkDatabase> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        return new BenchmarkDatabase(database.ConnectionString, database.Server.Kind);
    }

    public WijkaanpakDbContext CreateContext() => DbContextOptionsSetup.CreateContext(ConnectionString);
}
