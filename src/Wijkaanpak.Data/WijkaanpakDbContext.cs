using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data;

public sealed class WijkaanpakDbContext(DbContextOptions<WijkaanpakDbContext> options) : DbContext(options)
{
    public DbSet<Programme> Programmes => Set<Programme>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WijkaanpakDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        StronglyTypedIdConventions.Apply(configurationBuilder);
}
