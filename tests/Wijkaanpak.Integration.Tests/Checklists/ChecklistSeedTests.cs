using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Wijkaanpak.Data.Migrations;
using Wijkaanpak.Data.Seeding;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Process;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.Integration.Tests.Checklists;

/// <summary>The nineteen checklists arrive by migration, exactly as the seed file and the domain describe them.</summary>
public sealed class ChecklistSeedTests
{
    [Fact]
    public async Task Migrations_SeedVersionOneOfEveryChecklist_AsEfCoreReadsItBack()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        var stored = await db.ChecklistTemplates.AsNoTracking().ToListAsync();

        var expected = ChecklistSeed.FirstVersions();
        Assert.Equal(19, stored.Count);
        Assert.Equal(
            ProcessModel.BuildingBlocks.Where(block => block.HasChecklist).Select(block => block.Code).Order(StringComparer.Ordinal),
            stored.Select(template => template.BuildingBlockCode).Order(StringComparer.Ordinal));
        foreach (var (id, seed) in expected)
        {
            var template = Assert.Single(stored, template => template.Id == id);
            Assert.Equal((seed.BuildingBlockCode, 1, seed.Title, seed.Purpose, seed.SourceSection), (template.BuildingBlockCode, template.VersionNumber, template.Title, template.Purpose, template.SourceSection));
            Assert.Equal(ChecklistTemplate.FirstVersionNote, template.ChangeNote);
            Assert.Equal(ChecklistSeed.SeededAt, template.CreatedAt);
            Assert.Null(template.CreatedBy);
            Assert.Equal(seed.LastQuestionNumber, template.LastQuestionNumber);
            Assert.Equal(
                seed.Questions.Select(question => (question.Key, question.Text, question.Help, question.Position)),
                template.Questions.Select(question => (question.Key, question.Text, question.Help, question.Position)));
        }
    }

    [Fact]
    public void SeedFile_IsTheOneTheMigrationWasWrittenFor()
    {
        // A changed seed file would give new databases other checklists than existing ones:
        // change a checklist by making a new template version instead (Beheer > Checklists).
        Assert.Equal(SeedChecklistTemplates.SeedFileSha256, ChecklistSeed.ContentHash());
    }

    [Fact]
    public void FirstVersionIds_AreFixedAndDifferPerBlock()
    {
        var ids = ChecklistSeed.FirstVersions().Select(seeded => seeded.Id).ToList();

        Assert.Equal(19, ids.Distinct().Count());
        Assert.Equal(Guid.Parse("00000000-0000-0000-0001-000000000401"), ChecklistSeed.FirstVersionIdOf("4.1").Value);
        Assert.Equal(Guid.Parse("00000000-0000-0000-0001-000005040505"), ChecklistSeed.FirstVersionIdOf("5.4-5.5").Value);
        Assert.Equal(ids, ChecklistSeed.FirstVersions().Select(seeded => seeded.Id));
    }

    [Fact]
    public async Task RevertingTheSeedMigration_RemovesTheTemplates_AndApplyingItAgainRestoresThem()
    {
        var database = await TestDatabase.CreateEmptyAsync();
        await using var db = database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var seedMigration = migrations.Single(migration => migration.EndsWith("_SeedChecklistTemplates", StringComparison.Ordinal));
        var before = migrations[migrations.IndexOf(seedMigration) - 1];

        await migrator.MigrateAsync(seedMigration);
        Assert.Equal(19, await db.ChecklistTemplates.CountAsync());

        await migrator.MigrateAsync(before);
        Assert.Equal(0, await db.ChecklistTemplates.CountAsync());

        await db.Database.MigrateAsync();
        Assert.Equal(19, await db.ChecklistTemplates.CountAsync());
    }
}
