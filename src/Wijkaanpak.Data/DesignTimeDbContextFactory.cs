using Microsoft.EntityFrameworkCore.Design;

namespace Wijkaanpak.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WijkaanpakDbContext>
{
    public WijkaanpakDbContext CreateDbContext(string[] args) =>
        DbContextOptionsSetup.CreateContext(
            Environment.GetEnvironmentVariable("ConnectionStrings__Wijkaanpak")
            ?? "Host=127.0.0.1;Database=wijkaanpak_design;Username=postgres");
}
