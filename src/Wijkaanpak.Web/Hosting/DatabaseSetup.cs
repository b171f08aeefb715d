using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Data.Seeding;
using Wijkaanpak.Web.Shared.Security;

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
        await using var scope = SystemScope(app, "Systeem (voorbeeldgegevens)");
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<WijkaanpakDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            if (await DemoData.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>()))
            {
                app.Logger.LogInformation("Voorbeeldprogramma's aangemaakt");
            }
        }

        if (await DemoAccounts.SeedAsync(scope.ServiceProvider))
        {
            app.Logger.LogInformation("Voorbeeldgebruikers aangemaakt (zie README); wachtwoord: {Password}", DemoAccounts.Password);
        }

        // After the accounts: the demo partner's account is linked to their organisation's representative.
        await using (var db = await factory.CreateDbContextAsync())
        {
            if (await DemoAlliances.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>()))
            {
                app.Logger.LogInformation("Voorbeeldallianties, -inventarisaties en -contracten aangemaakt");
            }

            if (await DemoChain.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>()))
            {
                app.Logger.LogInformation("Voorbeeldopgaven, -ambities, -interventies, -begroting en -metingen aangemaakt");
            }

            if (await DemoReports.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>()))
            {
                app.Logger.LogInformation("Voorbeeldvoortgangsrapportages aangemaakt (2025 vastgesteld, 2026 concept)");
            }
        }
    }

    public static async Task MigrateAsync(this WebApplication app)
    {
        await using var scope = SystemScope(app, "Systeem (migratie)");
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<WijkaanpakDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        app.Logger.LogInformation("Databaseschema is bijgewerkt");
    }

    /// <summary>A service scope in which the system itself acts (and is audited), not a signed-in user.</summary>
    private static AsyncServiceScope SystemScope(WebApplication app, string actorName)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitCurrentUserProvider>().Adopt(CurrentUser.Anonymous with { DisplayName = actorName });
        return scope;
    }
}
