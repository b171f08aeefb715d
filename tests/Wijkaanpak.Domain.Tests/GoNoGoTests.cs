using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Programmes;
using static Wijkaanpak.Domain.Tests.TestData;

namespace Wijkaanpak.Domain.Tests;

public sealed class GoNoGoTests
{
    private static readonly Completion IncompleteOrienteren = new(20, 25);

    [Fact]
    public void RecordGoNoGoWeighing_ForAnOrganisation_KeepsItsAnswerToEachOfTheFiveQuestions()
    {
        var programme = NewProgramme();
        var answers = AllYes().Select(input => input.Question == GoNoGoQuestion.EnoughCapacity
            ? input with { Answer = AnswerStatus.Deels, Explanation = " Alleen voor twee jaar. " }
            : input).ToList();

        var weighing = programme.RecordGoNoGoWeighing(Corporation, "Woonstad", answers, Partner, Now);

        Assert.Same(weighing, Assert.Single(programme.GoNoGoWeighings));
        Assert.Equal((Corporation, "Woonstad", Partner, Now), (weighing.OrganisationId, weighing.OrganisationName, weighing.RecordedBy, weighing.RecordedAt));
        Assert.Equal(Enum.GetValues<GoNoGoQuestion>(), weighing.Considerations.Select(consideration => consideration.Question));
        Assert.Equal(AnswerStatus.Deels, weighing.Consideration(GoNoGoQuestion.EnoughCapacity).Answer);
        Assert.Equal("Alleen voor twee jaar.", weighing.Consideration(GoNoGoQuestion.EnoughCapacity).Explanation);
        Assert.Equal(Now, programme.UpdatedAt);
    }

    [Fact]
    public void RecordGoNoGoWeighing_ForTheSameOrganisationAgain_UpdatesItsOneWeighing()
    {
        var programme = NewProgramme();
        programme.RecordGoNoGoWeighing(Corporation, "Woonstad", AllYes(), Partner, Now);
        programme.RecordGoNoGoWeighing(Municipality, "Gemeente Den Haag", AllYes(), Staff, Now);
        var answers = AllYes().Select(input => input with { Answer = AnswerStatus.Nee }).ToList();

        programme.RecordGoNoGoWeighing(Corporation, "Woonstad Rotterdam", answers, Staff, Now.AddDays(1));

        Assert.Equal(2, programme.GoNoGoWeighings.Count);
        var weighing = Assert.Single(programme.GoNoGoWeighings, candidate => candidate.OrganisationId == Corporation);
        Assert.Equal(("Woonstad Rotterdam", Staff, Now.AddDays(1)), (weighing.OrganisationName, weighing.RecordedBy, weighing.RecordedAt));
        Assert.All(weighing.Considerations, consideration => Assert.Equal(AnswerStatus.Nee, consideration.Answer));
    }

    [Fact]
    public void RecordGoNoGoWeighing_WithAQuestionMissing_BreaksAllFiveRule() =>
        Assert.Equal("WeighingAnswersAllFiveQuestions", Rule(() => NewProgramme().RecordGoNoGoWeighing(Corporation, "Woonstad", AllYes().Skip(1).ToList(), Partner, Now)));

    [Fact]
    public void RecordGoNoGoWeighing_WithAQuestionTwice_BreaksAllFiveRule()
    {
        var answers = AllYes().Select(input => input with { Question = GoNoGoQuestion.FitsCoreCompetences }).ToList();

        Assert.Equal("WeighingAnswersAllFiveQuestions", Rule(() => NewProgramme().RecordGoNoGoWeighing(Corporation, "Woonstad", answers, Partner, Now)));
    }

    [Fact]
    public void RecordGoNoGoWeighing_WithoutOrganisation_BreaksOrganisationRule() =>
        Assert.Equal("WeighingNeedsOrganisation", Rule(() => NewProgramme().RecordGoNoGoWeighing(Guid.Empty, "Woonstad", AllYes(), Partner, Now)));

    [Fact]
    public void RecordGoNoGoWeighing_WhenAnUpdateBreaksARule_LeavesTheWeighingAsItWas()
    {
        var programme = NewProgramme();
        programme.RecordGoNoGoWeighing(Corporation, "Woonstad", AllYes(), Partner, Now);
        var answers = AllYes().Select(input => input.Question == GoNoGoQuestion.LawAndRegulationAllow
            ? input with { Explanation = new string('x', GoNoGoConsideration.ExplanationMaxLength + 1) }
            : input with { Answer = AnswerStatus.Nee }).ToList();

        Assert.Equal("ConsiderationExplanationTooLong", Rule(() => programme.RecordGoNoGoWeighing(Corporation, "Woonstad", answers, Partner, Now)));
        Assert.All(programme.GoNoGoWeighings[0].Considerations, consideration => Assert.Equal(AnswerStatus.Ja, consideration.Answer));
    }

    [Theory]
    [InlineData(GoNoGoOutcome.Go)]
    [InlineData(GoNoGoOutcome.NoGo)]
    public void RecordGoNoGoWeighing_AfterTheDecision_BreaksClosedRule(GoNoGoOutcome outcome)
    {
        var programme = NewProgramme();
        programme.RecordGoNoGoWeighing(Corporation, "Woonstad", AllYes(), Partner, Now);
        programme.RecordGoNoGoDecision(outcome == GoNoGoOutcome.Go ? Go() : NoGo(), CompleteOrienteren, Staff, Now);

        Assert.Equal("WeighingClosedAfterDecision", Rule(() => programme.RecordGoNoGoWeighing(Corporation, "Woonstad", AllYes(), Partner, Now)));
        Assert.Equal("WeighingClosedAfterDecision", Rule(() => programme.RecordGoNoGoWeighing(Municipality, "Gemeente", AllYes(), Staff, Now)));
    }

    [Fact]
    public void RecordGoNoGoDecision_Go_StandsAndOpensTheWayToOpstarten()
    {
        var programme = NewProgramme();

        var decision = programme.RecordGoNoGoDecision(Go(), CompleteOrienteren, Staff, Now);

        Assert.Equal(GoNoGoOutcome.Go, programme.GoNoGo);
        Assert.Equal(decision.Id, programme.GoNoGoDecisionId);
        Assert.Equal(ProgrammeStatus.Active, programme.Status);
        Assert.Equal(Phase.Orienteren, programme.CurrentPhase);
        Assert.Equal(DecisionKind.GoNoGo, decision.Kind);
        Assert.Equal(["4.6"], decision.BuildingBlockCodes);
        Assert.Equal((Today, "Alliantiebestuur", Staff, Now), (decision.DecidedOn, decision.DecidedBy, decision.RecordedBy, decision.RecordedAt));
        Assert.Equal("Alliantie vormen, visie opstellen, middelen zoeken.", decision.GoNoGo!.NextSteps);
        Assert.Equal(CompleteOrienteren, decision.GoNoGo.OrienterenCompletion);
        Assert.Equal(string.Empty, decision.GoNoGo.IncompleteChecklistsReason);

        programme.MoveToPhase(MoveTo(Phase.Opstarten), Staff, Now);
        Assert.Equal(Phase.Opstarten, programme.CurrentPhase);
    }

    [Fact]
    public void RecordGoNoGoDecision_GoWithoutNextSteps_BreaksNextStepsRule() =>
        Assert.Equal("GoNeedsNextSteps", Rule(() => NewProgramme().RecordGoNoGoDecision(Go() with { NextSteps = " " }, CompleteOrienteren, Staff, Now)));

    [Fact]
    public void RecordGoNoGoDecision_GoWithIncompleteChecklistsAndNoReason_BreaksReasonRule()
    {
        var programme = NewProgramme();

        Assert.Equal("GoWithIncompleteChecklistsNeedsReason", Rule(() => programme.RecordGoNoGoDecision(Go(), IncompleteOrienteren, Staff, Now)));
        Assert.Null(programme.GoNoGo);
        Assert.Null(programme.GoNoGoDecisionId);
    }

    [Fact]
    public void RecordGoNoGoDecision_GoWithIncompleteChecklistsAndAReason_KeepsTheReasonAndTheCompletion()
    {
        var decision = NewProgramme().RecordGoNoGoDecision(
            Go() with { IncompleteChecklistsReason = "De raad wil voor de zomer een besluit; 4.5 volgt." },
            IncompleteOrienteren,
            Staff,
            Now);

        Assert.Equal("De raad wil voor de zomer een besluit; 4.5 volgt.", decision.GoNoGo!.IncompleteChecklistsReason);
        Assert.Equal(IncompleteOrienteren, decision.GoNoGo.OrienterenCompletion);
    }

    [Fact]
    public void RecordGoNoGoDecision_GoWithoutAnyChecklistAnswered_NeedsAReason() =>
        Assert.Equal("GoWithIncompleteChecklistsNeedsReason", Rule(() => NewProgramme().RecordGoNoGoDecision(Go(), Completion.None, Staff, Now)));

    [Fact]
    public void RecordGoNoGoDecision_NoGo_EndsTheApproachAsAWijkaanpak()
    {
        var programme = NewProgramme();

        var decision = programme.RecordGoNoGoDecision(NoGo(), IncompleteOrienteren, Staff, Now);

        Assert.Equal(GoNoGoOutcome.NoGo, programme.GoNoGo);
        Assert.Equal(ProgrammeStatus.Ended, programme.Status);
        Assert.True(programme.IsEnded);
        Assert.Equal(Today, programme.EndedOn);
        Assert.Equal(AlternativeMeasures.IntensifySocialManagement | AlternativeMeasures.CommunityBuilding, decision.GoNoGo!.AlternativeMeasures);
        Assert.Equal("De gemeente volgt de wijkmonitor jaarlijks en bespreekt die met de partners.", decision.GoNoGo.WatchArrangement);
        Assert.Equal("ProgrammeHasEnded", Rule(() => programme.MoveToPhase(MoveTo(Phase.Opstarten), Staff, Now)));
    }

    [Fact]
    public void RecordGoNoGoDecision_NoGoWithoutAlternativeMeasures_BreaksAlternativesRule()
    {
        var programme = NewProgramme();

        Assert.Equal("NoGoNeedsAlternativeMeasures", Rule(() => programme.RecordGoNoGoDecision(NoGo() with { AlternativeMeasures = AlternativeMeasures.None }, CompleteOrienteren, Staff, Now)));
        Assert.False(programme.IsEnded);
    }

    [Fact]
    public void RecordGoNoGoDecision_NoGoWithUnknownMeasure_BreaksMeasuresRule() =>
        Assert.Equal(
            "AlternativeMeasuresMustBeKnown",
            Rule(() => NewProgramme().RecordGoNoGoDecision(NoGo() with { AlternativeMeasures = (AlternativeMeasures)64 }, CompleteOrienteren, Staff, Now)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RecordGoNoGoDecision_NoGoWithoutWatchArrangement_BreaksWatchRule(string? watch)
    {
        var programme = NewProgramme();

        Assert.Equal("NoGoNeedsWatchArrangement", Rule(() => programme.RecordGoNoGoDecision(NoGo() with { WatchArrangement = watch }, CompleteOrienteren, Staff, Now)));
        Assert.False(programme.IsEnded);
    }

    [Fact]
    public void RecordGoNoGoDecision_NoGoWithOtherMeasureUndescribed_BreaksOtherMeasureRule() =>
        Assert.Equal(
            "OtherMeasureNeedsDescription",
            Rule(() => NewProgramme().RecordGoNoGoDecision(NoGo() with { AlternativeMeasures = AlternativeMeasures.Other }, CompleteOrienteren, Staff, Now)));

    [Fact]
    public void RecordGoNoGoDecision_NoGoWithOtherMeasureDescribed_KeepsTheDescription()
    {
        var decision = NewProgramme().RecordGoNoGoDecision(
            NoGo() with { AlternativeMeasures = AlternativeMeasures.Other, OtherMeasureDescription = "Een buurtbudget voor bewoners." },
            CompleteOrienteren,
            Staff,
            Now);

        Assert.Equal("Een buurtbudget voor bewoners.", decision.GoNoGo!.OtherMeasureDescription);
    }

    [Fact]
    public void RecordGoNoGoDecision_KeepsOnlyTheFieldsOfTheChosenOutcome()
    {
        var input = NoGo() with { NextSteps = "Alliantie vormen", IncompleteChecklistsReason = "Haast" };

        var noGo = NewProgramme().RecordGoNoGoDecision(input, IncompleteOrienteren, Staff, Now).GoNoGo!;
        var go = NewProgramme().RecordGoNoGoDecision(Go() with { WatchArrangement = "Monitor", AlternativeMeasures = AlternativeMeasures.Other }, CompleteOrienteren, Staff, Now).GoNoGo!;

        Assert.Equal((string.Empty, string.Empty), (noGo.NextSteps, noGo.IncompleteChecklistsReason));
        Assert.Equal((string.Empty, AlternativeMeasures.None), (go.WatchArrangement, go.AlternativeMeasures));
    }

    [Fact]
    public void RecordGoNoGoDecision_WithUnknownOutcome_BreaksOutcomeRule() =>
        Assert.Equal("GoNoGoOutcomeMustBeKnown", Rule(() => NewProgramme().RecordGoNoGoDecision(Go() with { Outcome = (GoNoGoOutcome)0 }, CompleteOrienteren, Staff, Now)));

    [Fact]
    public void RecordGoNoGoDecision_WithoutRationale_BreaksRationaleRule() =>
        Assert.Equal("DecisionRationaleRequired", Rule(() => NewProgramme().RecordGoNoGoDecision(Go() with { Rationale = "" }, CompleteOrienteren, Staff, Now)));

    [Fact]
    public void RecordGoNoGoDecision_WithoutDecidingBody_BreaksBodyRule() =>
        Assert.Equal("DecisionBodyRequired", Rule(() => NewProgramme().RecordGoNoGoDecision(Go() with { DecidedBy = "" }, CompleteOrienteren, Staff, Now)));

    [Fact]
    public void RecordGoNoGoDecision_InTheFuture_BreaksNotInFutureRule() =>
        Assert.Equal(
            DateRules.DecisionNotInFuture,
            Rule(() => NewProgramme().RecordGoNoGoDecision(Go() with { DecidedOn = new DateOnly(2026, 12, 25) }, CompleteOrienteren, Staff, Now)));

    [Fact]
    public void RecordGoNoGoDecision_BeforeTheProgrammeStarted_BreaksNotBeforeStartRule() =>
        Assert.Equal(
            DateRules.DecisionNotBeforeProgrammeStart,
            Rule(() => NewProgramme().RecordGoNoGoDecision(Go() with { DecidedOn = new DateOnly(1989, 12, 31) }, CompleteOrienteren, Staff, Now)));

    [Fact]
    public void RecordGoNoGoDecision_WhenOneStands_BreaksAlreadyDecidedRule() =>
        Assert.Equal("GoNoGoAlreadyDecided", Rule(() => ProgrammeWithGo().RecordGoNoGoDecision(NoGo(), CompleteOrienteren, Staff, Now)));

    [Fact]
    public void CorrectGoNoGoDecision_SupersedesTheStandingDecisionWhichStaysMarked()
    {
        var programme = NewProgramme();
        var original = programme.RecordGoNoGoDecision(Go(), CompleteOrienteren, Staff, Now);

        var correction = programme.CorrectGoNoGoDecision(
            original,
            Go() with { DecidedOn = Today.AddDays(-3), DecidedBy = "Stuurgroep" },
            "Het besluit viel drie dagen eerder, in de stuurgroep.",
            CompleteOrienteren,
            Staff,
            Now.AddDays(1));

        Assert.True(original.IsSuperseded);
        Assert.Equal(correction.Id, original.SupersededById);
        Assert.Equal(Now.AddDays(1), original.SupersededAt);
        Assert.Equal("Alliantiebestuur", original.DecidedBy);
        Assert.False(correction.IsSuperseded);
        Assert.Equal(original.Id, correction.SupersedesId);
        Assert.Equal("Het besluit viel drie dagen eerder, in de stuurgroep.", correction.CorrectionReason);
        Assert.Equal(correction.Id, programme.GoNoGoDecisionId);
    }

    [Fact]
    public void CorrectGoNoGoDecision_FromGoToNoGo_EndsTheApproach()
    {
        var programme = NewProgramme();
        var go = programme.RecordGoNoGoDecision(Go(), CompleteOrienteren, Staff, Now);
        programme.MoveToPhase(MoveTo(Phase.Opstarten), Staff, Now);

        programme.CorrectGoNoGoDecision(go, NoGo(), "Twee kernpartners trokken zich terug.", CompleteOrienteren, Staff, Now);

        Assert.Equal((GoNoGoOutcome.NoGo, ProgrammeStatus.Ended), (programme.GoNoGo, programme.Status));
    }

    [Fact]
    public void CorrectGoNoGoDecision_FromNoGoToGo_MakesTheApproachActiveAgain()
    {
        var programme = NewProgramme();
        var noGo = programme.RecordGoNoGoDecision(NoGo(), CompleteOrienteren, Staff, Now);

        programme.CorrectGoNoGoDecision(noGo, Go(), "Per abuis als no go vastgelegd.", CompleteOrienteren, Staff, Now);

        Assert.Equal((GoNoGoOutcome.Go, ProgrammeStatus.Active, (DateOnly?)null), (programme.GoNoGo, programme.Status, programme.EndedOn));
        programme.MoveToPhase(MoveTo(Phase.Opstarten), Staff, Now);
    }

    [Fact]
    public void CorrectGoNoGoDecision_ToAGoOnIncompleteChecklists_NeedsTheReasonToo()
    {
        var programme = NewProgramme();
        var noGo = programme.RecordGoNoGoDecision(NoGo(), CompleteOrienteren, Staff, Now);

        Assert.Equal(
            "GoWithIncompleteChecklistsNeedsReason",
            Rule(() => programme.CorrectGoNoGoDecision(noGo, Go(), "Heroverwogen.", IncompleteOrienteren, Staff, Now)));
    }

    [Fact]
    public void CorrectGoNoGoDecision_WithoutReason_BreaksReasonRuleAndLeavesTheDecisionStanding()
    {
        var programme = NewProgramme();
        var original = programme.RecordGoNoGoDecision(Go(), CompleteOrienteren, Staff, Now);

        Assert.Equal("CorrectionNeedsReason", Rule(() => programme.CorrectGoNoGoDecision(original, NoGo(), " ", CompleteOrienteren, Staff, Now)));
        Assert.False(original.IsSuperseded);
        Assert.Equal((GoNoGoOutcome.Go, original.Id), (programme.GoNoGo, programme.GoNoGoDecisionId));
    }

    [Fact]
    public void CorrectGoNoGoDecision_OfASupersededDecision_BreaksStandingRule()
    {
        var programme = NewProgramme();
        var original = programme.RecordGoNoGoDecision(Go(), CompleteOrienteren, Staff, Now);
        programme.CorrectGoNoGoDecision(original, Go() with { DecidedBy = "Stuurgroep" }, "Ander orgaan.", CompleteOrienteren, Staff, Now);

        Assert.Equal("CorrectOnlyTheStandingGoNoGo", Rule(() => programme.CorrectGoNoGoDecision(original, NoGo(), "Nogmaals.", CompleteOrienteren, Staff, Now)));
    }

    [Fact]
    public void CorrectGoNoGoDecision_BeforeAnyDecision_BreaksStandingRule()
    {
        var other = NewProgramme();
        var othersGo = other.RecordGoNoGoDecision(Go(), CompleteOrienteren, Staff, Now);

        Assert.Equal("CorrectOnlyTheStandingGoNoGo", Rule(() => NewProgramme().CorrectGoNoGoDecision(othersGo, NoGo(), "Fout.", CompleteOrienteren, Staff, Now)));
    }
}
