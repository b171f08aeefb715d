using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using static Wijkaanpak.Domain.Tests.TestData;

namespace Wijkaanpak.Domain.Tests;

public sealed class ExecutionAndMonitoringTests
{
    private static readonly Guid Ambition = Guid.Parse("0190a000-0000-7000-8000-0000000000b1");
    private static readonly Guid OtherAmbition = Guid.Parse("0190a000-0000-7000-8000-0000000000b2");

    private static (Programme Programme, ExecutionPeriod Period) Period()
    {
        var programme = NewProgramme();
        return (programme, ExecutionPeriod.Plan(programme, [], "Uitvoeringsprogramma 2025-2028", new DateOnly(2025, 1, 1), new DateOnly(2028, 12, 31)));
    }

    private static InterventionDetails Details(params Guid[] ambitions) => new(
        "Huiswerkklas in de brede school",
        null,
        InterventionKind.Additioneel,
        [new OrganisationId(Corporation)],
        ambitions,
        [],
        120_000m,
        new DateOnly(2025, 9, 1),
        null);

    [Fact]
    public void Plan_WithoutAnAmbition_IsRefused()
    {
        var (programme, period) = Period();

        Assert.Equal("InterventionServesAnAmbition", Rule(() => Intervention.Plan(programme.Id, period, Details(), Staff, Now)));
    }

    [Fact]
    public void Plan_StartsPlannedWithItsFirstStatusInTheHistory()
    {
        var (programme, period) = Period();

        var intervention = Intervention.Plan(programme.Id, period, Details(Ambition, OtherAmbition, Ambition), Staff, Now);

        Assert.Equal(InterventionStatus.Gepland, intervention.Status);
        Assert.Equal([Ambition, OtherAmbition], intervention.AmbitionIds);
        Assert.Equal(InterventionStatus.Gepland, Assert.Single(intervention.StatusHistory).To);
    }

    [Fact]
    public void Change_RemovingEveryAmbition_IsRefusedAndKeepsTheOldOnes()
    {
        var (programme, period) = Period();
        var intervention = Intervention.Plan(programme.Id, period, Details(Ambition), Staff, Now);

        Assert.Equal("InterventionServesAnAmbition", Rule(() => intervention.Change(Details())));
        Assert.Equal([Ambition], intervention.AmbitionIds);
    }

    [Fact]
    public void ChangeStatus_WithoutAReason_IsRefused()
    {
        var (programme, period) = Period();
        var intervention = Intervention.Plan(programme.Id, period, Details(Ambition), Staff, Now);

        Assert.Equal("StatusChangeNeedsReason", Rule(() => intervention.ChangeStatus(InterventionStatus.Lopend, " ", Today, Calendar, Staff, Now)));
        Assert.Equal(InterventionStatus.Gepland, intervention.Status);
    }

    [Fact]
    public void ChangeStatus_KeepsEveryChangeWithReasonAndDate_AndAStoppedOneStaysStopped()
    {
        var (programme, period) = Period();
        var intervention = Intervention.Plan(programme.Id, period, Details(Ambition), Staff, Now);

        intervention.ChangeStatus(InterventionStatus.Lopend, "Gestart na de zomer.", new DateOnly(2025, 9, 1), Calendar, Staff, Now);
        intervention.ChangeStatus(InterventionStatus.Gestopt, "Te weinig deelnemers.", new DateOnly(2026, 3, 1), Calendar, Staff, Now);

        Assert.Equal(
            [(null, InterventionStatus.Gepland), (InterventionStatus.Gepland, InterventionStatus.Lopend), (InterventionStatus.Lopend, InterventionStatus.Gestopt)],
            intervention.StatusHistory.Select(change => (change.From, change.To)));
        Assert.Equal("Te weinig deelnemers.", intervention.StatusHistory[^1].Reason);
        Assert.Equal(new DateOnly(2026, 3, 1), intervention.LastStatusChangeOn);
        Assert.Equal("EndedInterventionStaysEnded", Rule(() => intervention.ChangeStatus(InterventionStatus.Lopend, "Toch weer.", Today, Calendar, Staff, Now)));
    }

    [Fact]
    public void PlanPeriod_LongerThanFourYearsOrOverlapping_IsRefused()
    {
        var (programme, period) = Period();

        Assert.Equal("PeriodThreeToFourYears", Rule(() => ExecutionPeriod.Plan(programme, [], "Te lang", new DateOnly(2025, 1, 1), new DateOnly(2030, 1, 1))));
        Assert.Equal("PeriodsDoNotOverlap", Rule(() => ExecutionPeriod.Plan(programme, [period], "Overlap", new DateOnly(2028, 1, 1), new DateOnly(2031, 12, 31))));
        Assert.Equal("PeriodWithinHorizon", Rule(() => ExecutionPeriod.Plan(programme, [], "Te vroeg", new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31))));
    }

    [Fact]
    public void BudgetTotals_PerSourceYearAndAmbition_AddUpAndShowWhatIsUncovered()
    {
        var programme = NewProgramme().Id;
        var homework = Guid.CreateVersion7();
        var safety = Guid.CreateVersion7();
        BudgetLine[] lines =
        [
            BudgetLine.Add(programme, new BudgetLineDetails(FundingSource.Rijk, NationalScheme.SpukKansrijkeWijk, null, null, true, 2025, 100_000m, 40_000m, homework)),
            BudgetLine.Add(programme, new BudgetLineDetails(FundingSource.Gemeente, null, null, null, false, 2025, 50_000m, 50_000m, safety)),
            BudgetLine.Add(programme, new BudgetLineDetails(FundingSource.Rijk, NationalScheme.SpukKansrijkeWijk, null, null, true, 2026, 30_000m, 0m, null)),
        ];

        var perSource = BudgetTotals.PerSource(lines);
        Assert.Equal(new MoneyTotal(130_000m, 40_000m), perSource[FundingSource.Rijk]);
        Assert.Equal(new MoneyTotal(150_000m, 90_000m), BudgetTotals.PerYear(lines)[2025]);
        var perAmbition = BudgetTotals.PerAmbition(lines, new Dictionary<Guid, IReadOnlyList<Guid>> { [homework] = [Ambition, OtherAmbition], [safety] = [Ambition] });
        Assert.Equal(new MoneyTotal(100_000m, 70_000m), perAmbition[Ambition]);
        Assert.Equal(new MoneyTotal(50_000m, 20_000m), perAmbition[OtherAmbition]);
        Assert.Equal(new Dictionary<Guid, decimal> { [homework] = 20_000m }, BudgetTotals.Uncovered(lines, new Dictionary<Guid, decimal> { [homework] = 120_000m, [safety] = 50_000m }));
    }

    [Fact]
    public void BudgetLine_FromTheRijkWithoutAScheme_IsRefused()
    {
        Assert.Equal("RijkNamesItsScheme", Rule(() => BudgetLine.Add(NewProgramme().Id, new BudgetLineDetails(FundingSource.Rijk, null, null, null, true, 2025, 1m, 0m, null))));
        Assert.Equal("BudgetAmountPlausible", Rule(() => BudgetLine.Add(NewProgramme().Id, new BudgetLineDetails(FundingSource.Gemeente, null, null, null, false, 2025, -1m, 0m, null))));
    }

    [Theory]
    [InlineData(ImprovementDirection.HigherIsBetter, 72, IndicatorTrend.TargetReached)]
    [InlineData(ImprovementDirection.HigherIsBetter, 66, IndicatorTrend.Improving)]
    [InlineData(ImprovementDirection.HigherIsBetter, 60, IndicatorTrend.Unchanged)]
    [InlineData(ImprovementDirection.HigherIsBetter, 58, IndicatorTrend.Worsening)]
    [InlineData(ImprovementDirection.LowerIsBetter, 58, IndicatorTrend.Improving)]
    [InlineData(ImprovementDirection.LowerIsBetter, 66, IndicatorTrend.Worsening)]
    [InlineData(ImprovementDirection.LowerIsBetter, 50, IndicatorTrend.TargetReached)]
    public void TrendOf_ALaterMeasurement_FollowsTheDirectionOfImprovement(ImprovementDirection direction, int latest, IndicatorTrend expected)
    {
        var target = direction == ImprovementDirection.HigherIsBetter ? 70m : 50m;
        var indicator = Indicator.Define(NewProgramme().Id, new IndicatorDetails(
            "Arbeidsparticipatie", IndicatorKind.Kernindicator, "%", "CBS", null, "WK051841", direction, new YearValue(2020, 60m), new YearValue(2030, target)));

        Assert.Equal(expected, indicator.TrendOf(new YearValue(2025, latest)));
        Assert.Equal(IndicatorTrend.Unknown, indicator.TrendOf(new YearValue(2020, latest)));
    }

    [Theory]
    [InlineData(2026, false)]
    [InlineData(2025, false)]
    [InlineData(2024, true)]
    public void AnIndicator_IsBehind_OnlyWhenNeitherThisYearNorLastYearHasAFigure(int measuredIn, bool behind)
    {
        Assert.Equal(behind, Indicator.IsBehind(new YearValue(measuredIn, 1m), currentYear: 2026));
        Assert.True(Indicator.IsBehind(null, currentYear: 2026));
    }

    [Fact]
    public void Indicator_WithATargetBeforeItsBaseline_IsRefused()
    {
        Assert.Equal("TargetAfterBaseline", Rule(() => Indicator.Define(NewProgramme().Id, new IndicatorDetails(
            "Woninginbraken", IndicatorKind.Outcome, "per 1.000 woningen", null, null, "WK051841", ImprovementDirection.LowerIsBetter, new YearValue(2024, 5m), new YearValue(2022, 3m)))));
    }

    [Fact]
    public void Measurement_CorrectedWithTheSameValue_ChangesNothing()
    {
        var indicator = IndicatorId.New();
        var measurement = Measurement.Record(indicator, new MeasurementInput("bu05184101", 2024, 12.5m, "kwb-2024.csv", "A_inw"), Now);

        Assert.Equal("BU05184101", measurement.AreaCode);
        Assert.False(measurement.Correct(new MeasurementInput("BU05184101", 2024, 12.5m, "kwb-2024-opnieuw.csv", "A_inw"), Now.AddDays(1)));
        Assert.Equal("kwb-2024.csv", measurement.SourceName);
        Assert.True(measurement.Correct(new MeasurementInput("BU05184101", 2024, 13m, "kwb-2024-v2.csv", "A_inw"), Now.AddDays(1)));
        Assert.Equal(("kwb-2024-v2.csv", 13m), (measurement.SourceName, measurement.Value));
    }
}
