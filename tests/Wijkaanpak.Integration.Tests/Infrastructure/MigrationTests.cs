using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Programmes;
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

    [Fact]
    public async Task PhaseTransitionDecidedOn_GivesEarlierMovesTheDateOfTheirDecision()
    {
        var database = await TestDatabase.CreateEmptyAsync();
        var now = DateTimeOffset.UtcNow;
        var staff = new UserRef(Guid.CreateVersion7(), "Pim");
        var decidedOn = new DateOnly(2025, 6, 2);
        var programme = Programme.Create(new ProgrammeDetails("Westwijk", "Vlaardingen", ["WK062203"], UrgencyKind.Meervoudig, new DateOnly(2025, 1, 1), 15, null), now);
        var go = programme.RecordGoNoGoDecision(
            new GoNoGoDecisionInput(GoNoGoOutcome.Go, decidedOn, "Alliantiebestuur", "Samen verder.", NextSteps: "Alliantie vormen."),
            new Domain.Checklists.Completion(1, 1),
            staff,
            now);
        var move = programme.MoveToPhase(new PhaseMoveInput(Phase.Opstarten, "Go-besluit.", decidedOn, "Alliantiebestuur"), staff, now);
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            db.Programmes.Add(programme);
            db.Decisions.AddRange(go, move);
            await db.SaveChangesAsync();

            // Back to before the migration (its Down takes the dates out of the stored moves), and forward again.
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261203003521_CoveringIndexesForTotals");
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM programmes WHERE phase_transitions::text LIKE '%DecidedOn%'").SingleAsync());
            await migrator.MigrateAsync();
        }

        await using (var db = database.CreateContext())
        {
            var stored = await db.Programmes.AsNoTracking().SingleAsync(candidate => candidate.Id == programme.Id);
            Assert.Equal(decidedOn, Assert.Single(stored.PhaseTransitions).DecidedOn);
        }
    }
}
