using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Data.Seeding;

namespace Wijkaanpak.Web.Hosting;

internal static class DatabaseSetup
{
    /// <summary>
    /// In Development the schema follows the code on every start and demo data fills an empty
    /// database. Elsewhere nothing happens: production migrates by `--migrate`, on purpose.
    /// </summary>
    public static async Task PrepareForDevelopmentAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        await app.MigrateAsync();
        var factory = app.Services.GetRequiredService<IDbContextFactory<WijkaanpakDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        if (await DemoData.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>()))
        {
            app.Logger.LogInformation("Voorbeeldgegevens aangemaakt");
        }
    }

    public static async Task MigrateAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<WijkaanpakDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        app.Logger.LogInformation("Databaseschema is bijgewerkt");
    }
}
