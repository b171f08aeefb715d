using Microsoft.EntityFrameworkCore;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.Integration.Tests.Infrastructure;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_ApplyToAnEmptyDatabase_AndMatchTheModel()
    {
        var database = await TestDatabase.CreateEmptyAsync();
        await using var db = database.CreateContext();

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Programmes.CountAsync());
        // A model change without a migration would fail here rather than in production.
        Assert.False(db.Database.HasPendingModelChanges(), "Het model wijkt af van de migraties: voeg een migratie toe.");
    }
}
