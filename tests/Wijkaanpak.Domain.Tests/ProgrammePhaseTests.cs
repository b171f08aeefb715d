using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Programmes;
using static Wijkaanpak.Domain.Tests.TestData;

namespace Wijkaanpak.Domain.Tests;

public sealed class ProgrammePhaseTests
{
    [Theory]
    [InlineData(Phase.Opstarten)]
    [InlineData(Phase.Ontwerpen)]
    [InlineData(Phase.UitvoerenEnHerijken)]
    public void MoveToPhase_FromOrienterenWithoutGo_BreaksNoOpstartenWithoutGoRule(Phase target)
    {
        var programme = NewProgramme();

        Assert.Equal("NoOpstartenWithoutGo", Rule(() => programme.MoveToPhase(MoveTo(target), Staff, Now)));
        Assert.Equal(Phase.Orienteren, programme.CurrentPhase);
        Assert.Empty(programme.PhaseTransitions);
    }

    [Fact]
    public void MoveToPhase_AfterGo_MovesRecordsTheTransitionAndReturnsTheLogEntry()
    {
        var programme = ProgrammeWithGo();

        var decision = programme.MoveToPhase(new PhaseMoveInput(Phase.Opstarten, " Go is genomen. ", Today, "Alliantiebestuur"), Staff, Now.AddDays(1));

        Assert.Equal(Phase.Opstarten, programme.CurrentPhase);
        var transition = Assert.Single(programme.PhaseTransitions);
        Assert.Equal(
            (Phase.Orienteren, Phase.Opstarten, 1, "Go is genomen.", Staff, Now.AddDays(1), decision.Id),
            (transition.From, transition.To, transition.Cycle, transition.Reason, transition.MovedBy, transition.MovedAt, transition.DecisionId));
        Assert.Equal(DecisionKind.PhaseChange, decision.Kind);
        Assert.Equal(programme.Id, decision.ProgrammeId);
        Assert.Equal((Phase?)Phase.Orienteren, decision.FromPhase);
        Assert.Equal((Phase?)Phase.Opstarten, decision.ToPhase);
        Assert.Equal("Van Oriënteren naar Opstarten", decision.Title);
        Assert.Equal("Go is genomen.", decision.Rationale);
        Assert.Equal("Alliantiebestuur", decision.DecidedBy);
        Assert.Equal(Now.AddDays(1), programme.UpdatedAt);
    }

    [Fact]
    public void MoveToPhase_BackToOrienterenAndForwardAgain_IsAllowedWhileTheGoStands()
    {
        var programme = ProgrammeWithGo();
        programme.MoveToPhase(MoveTo(Phase.Ontwerpen), Staff, Now);

        programme.MoveToPhase(MoveTo(Phase.Orienteren) with { Reason = "De stakeholderanalyse moet over." }, Staff, Now);
        programme.MoveToPhase(MoveTo(Phase.Opstarten), Staff, Now);

        Assert.Equal(Phase.Opstarten, programme.CurrentPhase);
        Assert.Equal([Phase.Ontwerpen, Phase.Orienteren, Phase.Opstarten], programme.PhaseTransitions.Select(transition => transition.To));
    }

    [Fact]
    public void MoveToPhase_ForwardSkippingAPhase_IsAllowedWithAReason()
    {
        var programme = ProgrammeWithGo();

        programme.MoveToPhase(MoveTo(Phase.Ontwerpen) with { Reason = "Alliantie en contract bestonden al." }, Staff, Now);

        Assert.Equal(Phase.Ontwerpen, programme.CurrentPhase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void MoveToPhase_WithoutReason_BreaksReasonRule(string reason) =>
        Assert.Equal("PhaseMoveNeedsReason", Rule(() => ProgrammeWithGo().MoveToPhase(MoveTo(Phase.Opstarten) with { Reason = reason }, Staff, Now)));

    [Fact]
    public void MoveToPhase_ToTheCurrentPhase_BreaksAlreadyThereRule() =>
        Assert.Equal("AlreadyInThatPhase", Rule(() => NewProgramme().MoveToPhase(MoveTo(Phase.Orienteren), Staff, Now)));

    [Fact]
    public void MoveToPhase_ToAnUnknownPhase_BreaksPhaseRule() =>
        Assert.Equal("PhaseMustExist", Rule(() => ProgrammeWithGo().MoveToPhase(MoveTo((Phase)9), Staff, Now)));

    [Fact]
    public void MoveToPhase_WithoutDecidingBody_BreaksBodyRuleAndLeavesThePhase()
    {
        var programme = ProgrammeWithGo();

        Assert.Equal("DecisionBodyRequired", Rule(() => programme.MoveToPhase(MoveTo(Phase.Opstarten) with { DecidedBy = "" }, Staff, Now)));
        Assert.Equal(Phase.Orienteren, programme.CurrentPhase);
        Assert.Empty(programme.PhaseTransitions);
    }

    [Fact]
    public void MoveToPhase_WithADateInTheFuture_BreaksDateRule() =>
        Assert.Equal("DecisionDateMustBePlausible", Rule(() => ProgrammeWithGo().MoveToPhase(MoveTo(Phase.Opstarten) with { DecidedOn = Today.AddDays(7) }, Staff, Now)));

    [Fact]
    public void MoveToPhase_AfterNoGo_BreaksEndedRule()
    {
        var programme = NewProgramme();
        programme.RecordGoNoGoDecision(NoGo(), CompleteOrienteren, Staff, Now);

        Assert.Equal("ProgrammeHasEnded", Rule(() => programme.MoveToPhase(MoveTo(Phase.Opstarten), Staff, Now)));
    }

    [Fact]
    public void RecordHerijking_FromUitvoeren_StartsTheNextCycleReopensBlocksAndMovesBack()
    {
        var programme = ProgrammeInUitvoeren();

        var decision = programme.RecordHerijking(Herijking("6.3", "5.2", " 5.2 "), null, Staff, Now.AddYears(4));

        Assert.Equal(2, programme.Cycle);
        Assert.Equal(Phase.Opstarten, programme.CurrentPhase);
        var herijking = Assert.Single(programme.Herijkingen);
        Assert.Equal(2, herijking.StartsCycle);
        Assert.Equal(["5.2", "6.3"], herijking.ReopenedBuildingBlockCodes);
        Assert.Equal(decision.Id, herijking.DecisionId);
        Assert.True(programme.IsReopenedInCurrentCycle("5.2"));
        Assert.False(programme.IsReopenedInCurrentCycle("5.1"));

        var transition = programme.PhaseTransitions[^1];
        Assert.Equal((Phase.UitvoerenEnHerijken, Phase.Opstarten, 2, decision.Id), (transition.From, transition.To, transition.Cycle, transition.DecisionId));

        Assert.Equal(DecisionKind.Herijking, decision.Kind);
        Assert.Equal(1, decision.Cycle);
        Assert.Equal("Herijking: start van cyclus 2", decision.Title);
        Assert.Equal(["5.2", "6.3"], decision.BuildingBlockCodes);
    }

    [Fact]
    public void RecordHerijking_ReopeningOnlyOntwerpenBlocks_MovesBackToOntwerpen()
    {
        var programme = ProgrammeInUitvoeren();

        programme.RecordHerijking(Herijking("6.4"), null, Staff, Now);

        Assert.Equal(Phase.Ontwerpen, programme.CurrentPhase);
    }

    [Fact]
    public void RecordHerijking_ASecondTime_StartsTheThirdCycleAndKeepsTheFirstHerijking()
    {
        var programme = ProgrammeInUitvoeren();
        programme.RecordHerijking(Herijking("5.2"), null, Staff, Now);
        programme.MoveToPhase(MoveTo(Phase.UitvoerenEnHerijken), Staff, Now);

        programme.RecordHerijking(Herijking("6.1"), null, Staff, Now);

        Assert.Equal(3, programme.Cycle);
        Assert.Equal([2, 3], programme.Herijkingen.Select(herijking => herijking.StartsCycle));
        Assert.False(programme.IsReopenedInCurrentCycle("5.2"));
        Assert.True(programme.IsReopenedInCurrentCycle("6.1"));
    }

    [Fact]
    public void RecordHerijking_LinksTheDecisionItRevisits()
    {
        var programme = NewProgramme();
        var go = programme.RecordGoNoGoDecision(Go(), CompleteOrienteren, Staff, Now);
        programme.MoveToPhase(MoveTo(Phase.UitvoerenEnHerijken), Staff, Now);

        var decision = programme.RecordHerijking(Herijking("5.2"), go, Staff, Now);

        Assert.Equal(go.Id, decision.RelatedDecisionId);
        Assert.Equal(go.Id, programme.Herijkingen[0].RevisitedDecisionId);
    }

    [Fact]
    public void RecordHerijking_RevisitingAnotherProgrammesDecision_BreaksSameProgrammeRule()
    {
        var other = NewProgramme();
        var othersGo = other.RecordGoNoGoDecision(Go(), CompleteOrienteren, Staff, Now);
        var programme = ProgrammeInUitvoeren();

        Assert.Equal("RelatedDecisionOfSameProgramme", Rule(() => programme.RecordHerijking(Herijking("5.2"), othersGo, Staff, Now)));
        Assert.Equal(1, programme.Cycle);
    }

    [Theory]
    [InlineData(Phase.Orienteren)]
    [InlineData(Phase.Opstarten)]
    [InlineData(Phase.Ontwerpen)]
    public void RecordHerijking_OutsideUitvoerenEnHerijken_BreaksPhaseRule(Phase phase)
    {
        var programme = ProgrammeWithGo();
        if (phase != Phase.Orienteren)
        {
            programme.MoveToPhase(MoveTo(phase), Staff, Now);
        }

        Assert.Equal("HerijkingFromUitvoerenEnHerijken", Rule(() => programme.RecordHerijking(Herijking("5.2"), null, Staff, Now)));
        Assert.Equal(1, programme.Cycle);
    }

    [Fact]
    public void RecordHerijking_WithoutBlocks_BreaksAtLeastOneBlockRule() =>
        Assert.Equal("HerijkingReopensAtLeastOneBlock", Rule(() => ProgrammeInUitvoeren().RecordHerijking(Herijking(" "), null, Staff, Now)));

    [Theory]
    [InlineData("4.1")]
    [InlineData("7.1")]
    [InlineData("8.2")]
    [InlineData("9.9")]
    public void RecordHerijking_WithABlockOutsideOpstartenAndOntwerpen_BreaksBlockRule(string code)
    {
        var programme = ProgrammeInUitvoeren();

        Assert.Equal("HerijkingReopensOpstartenOrOntwerpen", Rule(() => programme.RecordHerijking(Herijking("5.1", code), null, Staff, Now)));
        Assert.Equal((1, Phase.UitvoerenEnHerijken), (programme.Cycle, programme.CurrentPhase));
        Assert.Empty(programme.Herijkingen);
    }

    [Fact]
    public void RecordHerijking_WithoutReason_BreaksReasonRule() =>
        Assert.Equal("HerijkingNeedsReason", Rule(() => ProgrammeInUitvoeren().RecordHerijking(Herijking("5.1") with { Reason = "" }, null, Staff, Now)));

    [Fact]
    public void RegisterRunning_InALaterPhase_MovesOnWithoutAGoOfItsOwn()
    {
        var programme = Programme.RegisterRunning(
            new ProgrammeDetails("Westwijk", "Vlaardingen", ["WK062203"], UrgencyKind.Sluimerend, new DateOnly(2020, 1, 1), 15, null),
            Phase.Opstarten,
            1,
            Now);

        programme.MoveToPhase(MoveTo(Phase.Ontwerpen), Staff, Now);

        Assert.Equal(Phase.Ontwerpen, programme.CurrentPhase);
        Assert.Equal(ProgrammeStatus.Active, programme.Status);
    }
}
