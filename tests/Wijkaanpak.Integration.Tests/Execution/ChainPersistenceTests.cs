using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Vision;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.Integration.Tests.Execution;

/// <summary>The chain from opgave to ambition, intervention, money and indicator, as PostgreSQL stores it.</summary>
public sealed class ChainPersistenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserRef Staff = new(Guid.CreateVersion7(), "Pim");

    [Fact]
    public async Task TheChain_RoundTrips_AndAMeasurementCellIsUnique()
    {
        var database = await TestDatabase.CreateAsync();
        var programme = Programme.Create(new ProgrammeDetails("Westwijk", "Vlaardingen", ["WK062203"], UrgencyKind.Meervoudig, new DateOnly(2019, 9, 1), 20, null), Now);
        var indicator = Indicator.Define(programme.Id, new IndicatorDetails(
            "Arbeidsparticipatie", IndicatorKind.Kernindicator, "%", "CBS", null, "WK062203", ImprovementDirection.HigherIsBetter, new YearValue(2019, 58.5m), new YearValue(2030, 65m)));
        indicator.Interpret(2024, "Stijgt sinds de banenmarkt in de wijk.", Staff, Now);
        var opgave = Opgave.Name(programme.Id, OpgaveDomain.Werk, "Weinig mensen aan het werk", null, [indicator.Id]);
        opgave.AddStory(new StoryInput("bewoner, vader van twee", new DateOnly(2024, 5, 1), StoryMethod.Straatgesprek, "Werk is er wel, maar niet voor wie geen diploma heeft.", null), new DateOnly(2026, 11, 25), Staff, Now);
        var vision = VisionStatement.Write(programme.Id, "Een wijk waar iedereen meedoet.", Now);
        var ambition = vision.AddAmbition("Iedereen doet mee", null, null, [opgave.Id], Now);
        vision.AddAmbition("Werk voor jongeren", null, ambition.Id, [], Now);
        vision.AddGoal(ambition.Id, "Arbeidsparticipatie naar het stadsgemiddelde", [indicator.Id], Now);
        var period = ExecutionPeriod.Plan(programme, [], "Uitvoeringsprogramma 2024-2027", new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31));
        var intervention = Intervention.Plan(programme.Id, period, new InterventionDetails("Banenmarkt", null, InterventionKind.Additioneel, [], [ambition.Id], [indicator.Id], 80_000m, new DateOnly(2024, 3, 1), null), Staff, Now);
        intervention.ChangeStatus(InterventionStatus.Lopend, "Eerste markt gehouden.", new DateOnly(2024, 3, 15), ProgrammeCalendar.Of(programme, new DateOnly(2026, 11, 25)), Staff, Now);
        var line = BudgetLine.Add(programme.Id, new BudgetLineDetails(FundingSource.Rijk, NationalScheme.SpukKansrijkeWijk, null, "SPUK 2024", true, 2024, 60_000m, 25_000.55m, intervention.Id));
        await using (var db = database.CreateContext())
        {
            db.AddRange(programme, indicator, opgave, vision, period, intervention, line);
            db.Measurements.Add(Measurement.Record(indicator.Id, new MeasurementInput("WK062203", 2024, 61.2m, "kwb-2024.csv", "p_arbeidsparticipatie"), Now));
            await db.SaveChangesAsync();
        }

        await using (var read = database.CreateContext())
        {
            var storedVision = await read.Visions.AsNoTracking().SingleAsync();
            Assert.Equal(["Iedereen doet mee", "Werk voor jongeren"], storedVision.Ambitions.Select(candidate => candidate.Title));
            Assert.Equal([indicator.Id.Value], Assert.Single(storedVision.Find(ambition.Id)!.Goals).IndicatorIds);
            Assert.Equal([opgave.Id], storedVision.Find(ambition.Id)!.OpgaveIds);
            Assert.Equal(ambition.Id, storedVision.SubAmbitionsOf(ambition.Id).Single().ParentId);
            var storedIntervention = await read.Interventions.AsNoTracking().SingleAsync();
            Assert.Equal([null, InterventionStatus.Gepland], storedIntervention.StatusHistory.Select(change => change.From));
            Assert.Equal(InterventionStatus.Lopend, storedIntervention.Status);
            var storedIndicator = await read.Indicators.AsNoTracking().SingleAsync();
            Assert.Equal(new YearValue(2019, 58.5m), storedIndicator.Baseline);
            Assert.Equal("Stijgt sinds de banenmarkt in de wijk.", Assert.Single(storedIndicator.Interpretations).Text);
            Assert.Equal(StoryMethod.Straatgesprek, Assert.Single((await read.Opgaven.AsNoTracking().SingleAsync()).Stories).Method);
            Assert.Equal(25_000.55m, (await read.BudgetLines.AsNoTracking().SingleAsync()).Spent);
            var aimedAt = await read.Interventions.Where(candidate => candidate.IndicatorIds.Contains(indicator.Id.Value)).Select(candidate => candidate.Title).ToListAsync();
            Assert.Equal(["Banenmarkt"], aimedAt);
        }

        await using var again = database.CreateContext();
        again.Measurements.Add(Measurement.Record(indicator.Id, new MeasurementInput("WK062203", 2024, 62m, "ander.csv", null), Now));
        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }

    [Fact]
    public async Task AStaleSaveThatChangesOnlyJson_IsRefused_AndTheFirstSaveStands()
    {
        var database = await TestDatabase.CreateAsync();
        var programme = Programme.Create(new ProgrammeDetails("Westwijk", "Vlaardingen", ["WK062203"], UrgencyKind.Meervoudig, new DateOnly(2019, 9, 1), 20, null), Now);
        var indicator = Indicator.Define(programme.Id, new IndicatorDetails(
            "Arbeidsparticipatie", IndicatorKind.Kernindicator, "%", "CBS", null, "WK062203", ImprovementDirection.HigherIsBetter, null, null));
        await using (var db = database.CreateContext())
        {
            db.AddRange(programme, indicator);
            await db.SaveChangesAsync();
        }

        await using var mine = database.CreateContext();
        await using var theirs = database.CreateContext();
        var myCopy = await mine.Indicators.SingleAsync(row => row.Id == indicator.Id);
        var theirCopy = await theirs.Indicators.SingleAsync(row => row.Id == indicator.Id);
        theirCopy.Interpret(2024, "Hun duiding, eerst opgeslagen.", Staff, Now);
        await theirs.SaveChangesAsync();

        // Only the JSON column of interpretations changes: the UPDATE must still check the row version.
        myCopy.Interpret(2024, "Mijn duiding, van een verouderd scherm.", Staff, Now);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => mine.SaveChangesAsync());

        await using var check = database.CreateContext();
        var stored = await check.Indicators.AsNoTracking().SingleAsync(row => row.Id == indicator.Id);
        Assert.Equal("Hun duiding, eerst opgeslagen.", Assert.Single(stored.Interpretations).Text);
        Assert.Equal(1, await check.AuditEntries.CountAsync(entry => entry.EntityId == indicator.Id.Value.ToString() && entry.Action == "Gewijzigd"));
    }
}
