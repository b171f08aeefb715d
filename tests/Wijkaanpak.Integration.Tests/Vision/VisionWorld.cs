using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Vision;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Integration.Tests.Vision;

/// <summary>A programme with two opgaven and two indicators (one with measurements), and a staff member of it.</summary>
internal sealed record VisionWorld(
    ProgrammeId Programme,
    CurrentUser Staff,
    Guid Work,
    Guid Safety,
    IndicatorId Employment,
    IndicatorId Burglaries)
{
    public const string Area = "WK062203";

    public static readonly UserRef Seeder = new(Guid.CreateVersion7(), "Testopzet");

    public static async Task<VisionWorld> ArrangeAsync(AppFixture app)
    {
        var now = DateTimeOffset.UtcNow;
        var programme = Domain.Programmes.Programme.Create(new ProgrammeDetails("Visie", "Vlaardingen", [Area], UrgencyKind.Meervoudig, new DateOnly(2019, 9, 1), 20, null), now);
        var employment = Indicator.Define(programme.Id, new IndicatorDetails(
            "Arbeidsparticipatie", IndicatorKind.Kernindicator, "%", "CBS", null, Area, ImprovementDirection.HigherIsBetter, new YearValue(2019, 55m), new YearValue(2030, 63m)));
        var burglaries = Indicator.Define(programme.Id, new IndicatorDetails(
            "Woninginbraken", IndicatorKind.Outcome, "per 1.000 woningen", "Politie", null, Area, ImprovementDirection.LowerIsBetter, new YearValue(2019, 6m), null));
        var work = Opgave.Name(programme.Id, OpgaveDomain.Werk, "Weinig werk", null, [employment.Id]);
        var safety = Opgave.Name(programme.Id, OpgaveDomain.Veiligheid, "Inbraken", null, [burglaries.Id]);
        await using (var db = app.Database.CreateContext())
        {
            db.AddRange(programme, employment, burglaries, work, safety);
            db.Measurements.AddRange(
                Measurement.Record(employment.Id, new MeasurementInput(Area, 2019, 55m, "test", null), now),
                Measurement.Record(employment.Id, new MeasurementInput(Area, 2023, 57m, "test", null), now),
                Measurement.Record(employment.Id, new MeasurementInput(Area, 2024, 58.5m, "test", null), now),
                // Another area's later figure must not count as the wijk's latest value.
                Measurement.Record(employment.Id, new MeasurementInput("WK062201", 2025, 40m, "test", null), now));
            await db.SaveChangesAsync();
        }

        var staff = await app.CreateUserAsync(Role.Programmabureau, null, programme.Id);
        return new VisionWorld(programme.Id, staff, work.Id, safety.Id, employment.Id, burglaries.Id);
    }

    /// <summary>Plans an intervention serving the given ambitions, aimed at the given indicators, with money on it.</summary>
    public async Task<Guid> PlanInterventionAsync(AppFixture app, string title, Guid[] ambitions, IndicatorId[] indicators, params (decimal Committed, decimal Spent)[] money)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = app.Database.CreateContext();
        var period = await db.ExecutionPeriods.FirstOrDefaultAsync(candidate => candidate.ProgrammeId == Programme);
        if (period is null)
        {
            var programme = await db.Programmes.SingleAsync(candidate => candidate.Id == Programme);
            period = ExecutionPeriod.Plan(programme, [], "Uitvoeringsprogramma 2024-2027", new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31));
            db.ExecutionPeriods.Add(period);
        }

        var intervention = Intervention.Plan(Programme, period, new InterventionDetails(
            title, null, InterventionKind.Additioneel, [], ambitions, indicators, 100_000m, new DateOnly(2024, 1, 1), null), Seeder, now);
        db.Interventions.Add(intervention);
        foreach (var (committed, spent) in money)
        {
            db.BudgetLines.Add(BudgetLine.Add(Programme, new BudgetLineDetails(FundingSource.Gemeente, null, null, title, false, 2025, committed, spent, intervention.Id)));
        }

        await db.SaveChangesAsync();
        return intervention.Id;
    }
}
