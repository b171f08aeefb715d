using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Programmes;
using static Wijkaanpak.Domain.Tests.TestData;

namespace Wijkaanpak.Domain.Tests;

/// <summary>
/// Dates that agree with each other (issue 17): a plausible start, decisions not before it nor in the
/// future, phase moves that follow each other. <see cref="TestData.NewProgramme"/>
/// starts on 1-1-2025 and runs fifteen years; today is <see cref="TestData.Today"/> (25-11-2026).
/// </summary>
public sealed class DateRulesTests
{
    private static readonly DateOnly ProgrammeStart = new(2025, 1, 1);
    private static ProgrammeDetails Details(DateOnly startDate) =>
        new("Samen Sterk Zuidwest", "Den Haag", ["WK051841"], UrgencyKind.Meervoudig, startDate, 15, null);

    [Fact]
    public void Create_StartingBefore2000_BreaksStartWindowRule() =>
        Assert.Equal(DateRules.ProgrammeStartWithinWindow, Rule(() => Programme.Create(Details(new DateOnly(1999, 12, 31)), Now)));

    [Fact]
    public void Create_StartingIn2099_BreaksStartWindowRule()
    {
        var broken = Assert.Throws<DomainRuleException>(() => Programme.Create(Details(new DateOnly(2099, 1, 1)), Now));

        Assert.Equal(DateRules.ProgrammeStartWithinWindow, broken.Rule);
        Assert.Equal("De startdatum ligt tussen 2000 en 2031.", broken.Message);
    }

    [Fact]
    public void Create_StartingAtTheEndOfTheFifthYearAhead_IsAllowed() =>
        Assert.Equal(new DateOnly(2031, 12, 31), Programme.Create(Details(new DateOnly(2031, 12, 31)), Now).StartDate);

    [Fact]
    public void UpdateDetails_MovingTheStartPastARecordedPhaseMove_BreaksStartNotAfterPhaseMovesRule()
    {
        var programme = ProgrammeWithGo();
        programme.MoveToPhase(MoveTo(Phase.Opstarten) with { DecidedOn = new DateOnly(2025, 6, 1) }, Staff, Now);

        Assert.Equal(DateRules.ProgrammeStartNotAfterPhaseMoves, Rule(() => programme.UpdateDetails(Details(new DateOnly(2025, 7, 1)), Now)));
        Assert.Equal(ProgrammeStart, programme.StartDate);
    }

    [Fact]
    public void MoveToPhase_DatedBeforeThePreviousMove_BreaksPhaseMoveOrderRule()
    {
        var programme = ProgrammeWithGo();
        programme.MoveToPhase(MoveTo(Phase.Opstarten) with { DecidedOn = new DateOnly(2026, 3, 1) }, Staff, Now);

        Assert.Equal(
            DateRules.PhaseMoveNotBeforePreviousMove,
            Rule(() => programme.MoveToPhase(MoveTo(Phase.Ontwerpen) with { DecidedOn = new DateOnly(2026, 2, 28) }, Staff, Now)));
        Assert.Equal(Phase.Opstarten, programme.CurrentPhase);
        Assert.Single(programme.PhaseTransitions);
    }

    [Fact]
    public void MoveToPhase_OnTheDayOfThePreviousMove_IsAllowedAndKeepsTheDecisionDate()
    {
        var programme = ProgrammeWithGo();
        programme.MoveToPhase(MoveTo(Phase.Opstarten) with { DecidedOn = new DateOnly(2026, 3, 1) }, Staff, Now);

        programme.MoveToPhase(MoveTo(Phase.Ontwerpen) with { DecidedOn = new DateOnly(2026, 3, 1) }, Staff, Now);

        Assert.Equal(Phase.Ontwerpen, programme.CurrentPhase);
        Assert.Equal(new DateOnly(2026, 3, 1), programme.LastPhaseMoveOn);
    }

    [Fact]
    public void MoveToPhase_DatedBeforeTheProgrammeStarted_BreaksNotBeforeStartRule() =>
        Assert.Equal(
            DateRules.DecisionNotBeforeProgrammeStart,
            Rule(() => ProgrammeWithGo().MoveToPhase(MoveTo(Phase.Opstarten) with { DecidedOn = ProgrammeStart.AddDays(-1) }, Staff, Now)));

    [Fact]
    public void MoveToPhase_DatedToday_IsAllowed()
    {
        var programme = ProgrammeWithGo();

        var decision = programme.MoveToPhase(MoveTo(Phase.Opstarten) with { DecidedOn = Today }, Staff, Now);

        Assert.Equal(Today, decision.DecidedOn);
        Assert.Equal(Today, Assert.Single(programme.PhaseTransitions).DecidedOn);
    }

    [Fact]
    public void RecordHerijking_DatedBeforeThePreviousMove_BreaksPhaseMoveOrderRule()
    {
        var programme = ProgrammeWithGo();
        programme.MoveToPhase(MoveTo(Phase.UitvoerenEnHerijken) with { DecidedOn = new DateOnly(2026, 6, 1) }, Staff, Now);

        Assert.Equal(
            DateRules.PhaseMoveNotBeforePreviousMove,
            Rule(() => programme.RecordHerijking(Herijking("6.3") with { DecidedOn = new DateOnly(2026, 5, 31) }, null, Staff, Now)));
        Assert.Equal(1, programme.Cycle);
    }

    [Fact]
    public void RecordDecision_DatedBeforeTheProgrammeStarted_BreaksNotBeforeStartRule() =>
        Assert.Equal(
            DateRules.DecisionNotBeforeProgrammeStart,
            Rule(() => Decision.Record(
                NewProgramme(),
                new DecisionDetails(new DateOnly(2024, 12, 31), "Alliantiebestuur", "Interventie bijgesteld", "Te weinig bereik."),
                null,
                null,
                Staff,
                Now)));

    [Fact]
    public void RecordDecision_DatedInTheFuture_BreaksNotInFutureRule() =>
        Assert.Equal(
            DateRules.DecisionNotInFuture,
            Rule(() => Decision.Record(
                NewProgramme(),
                new DecisionDetails(Today.AddDays(7), "Alliantiebestuur", "Interventie bijgesteld", "Te weinig bereik."),
                null,
                null,
                Staff,
                Now)));
}
