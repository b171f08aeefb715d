using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Programmes;
using static Wijkaanpak.Domain.Tests.TestData;

namespace Wijkaanpak.Domain.Tests;

public sealed class DecisionTests
{
    private static DecisionDetails StopIntervention() => new(
        Today,
        "Alliantiebestuur",
        "Stoppen met de buurtconciërge",
        "De evaluatie toont geen effect op de meldingen.");

    [Fact]
    public void Record_AnotherDecision_KeepsItsDetailsAndWhatItConcerns()
    {
        var programme = ProgrammeWithGo();
        var related = programme.MoveToPhase(MoveTo(Phase.Opstarten), Staff, Now);

        var decision = Decision.Record(programme, StopIntervention(), ["6.3", " 6.3 ", "7.1", ""], related, Staff, Now);

        Assert.Equal(DecisionKind.Other, decision.Kind);
        Assert.Equal(programme.Id, decision.ProgrammeId);
        Assert.Equal((Today, "Alliantiebestuur", "Stoppen met de buurtconciërge"), (decision.DecidedOn, decision.DecidedBy, decision.Title));
        Assert.Equal("De evaluatie toont geen effect op de meldingen.", decision.Rationale);
        Assert.Equal(["6.3", "7.1"], decision.BuildingBlockCodes);
        Assert.Equal(related.Id, decision.RelatedDecisionId);
        Assert.Equal((1, Staff, Now), (decision.Cycle, decision.RecordedBy, decision.RecordedAt));
        Assert.Null(decision.GoNoGo);
        Assert.False(decision.IsSuperseded);
    }

    [Fact]
    public void Record_WithoutTitle_BreaksTitleRule() =>
        Assert.Equal("DecisionTitleRequired", Rule(() => Decision.Record(NewProgramme(), StopIntervention() with { Title = "" }, null, null, Staff, Now)));

    [Fact]
    public void Record_WithUnknownBuildingBlock_BreaksBlockRule() =>
        Assert.Equal("BuildingBlockMustExist", Rule(() => Decision.Record(NewProgramme(), StopIntervention(), ["9.1"], null, Staff, Now)));

    [Fact]
    public void Record_RelatedToAnotherProgrammesDecision_BreaksSameProgrammeRule()
    {
        var other = Decision.Record(NewProgramme(), StopIntervention(), null, null, Staff, Now);

        Assert.Equal("RelatedDecisionOfSameProgramme", Rule(() => Decision.Record(NewProgramme(), StopIntervention(), null, other, Staff, Now)));
    }

    [Fact]
    public void Correct_SupersedesTheOriginalAndKeepsWhatItConcerned()
    {
        var programme = ProgrammeWithGo();
        var move = programme.MoveToPhase(MoveTo(Phase.Opstarten), Staff, Now);

        var correction = Decision.Correct(move, new DecisionDetails(Today.AddDays(-1), "Stuurgroep", move.Title, move.Rationale), "Datum en orgaan waren onjuist.", Partner, Now.AddDays(2));

        Assert.Equal(DecisionKind.PhaseChange, correction.Kind);
        Assert.Equal(((Phase?)Phase.Orienteren, (Phase?)Phase.Opstarten), (correction.FromPhase, correction.ToPhase));
        Assert.Equal((Today.AddDays(-1), "Stuurgroep"), (correction.DecidedOn, correction.DecidedBy));
        Assert.Equal((move.Id, "Datum en orgaan waren onjuist."), (correction.SupersedesId, correction.CorrectionReason));
        Assert.Equal((correction.Id, Now.AddDays(2)), (move.SupersededById, move.SupersededAt));
        Assert.Equal("Alliantiebestuur", move.DecidedBy);
    }

    [Fact]
    public void Correct_ADecisionAlreadySuperseded_BreaksSupersededRule()
    {
        var original = Decision.Record(NewProgramme(), StopIntervention(), ["6.3"], null, Staff, Now);
        Decision.Correct(original, StopIntervention() with { Title = "Stoppen met de conciërge" }, "Titel", Staff, Now);

        Assert.Equal("DecisionAlreadySuperseded", Rule(() => Decision.Correct(original, StopIntervention(), "Nog eens", Staff, Now)));
    }

    [Fact]
    public void Correct_WithoutReason_BreaksReasonRuleAndLeavesTheOriginal()
    {
        var original = Decision.Record(NewProgramme(), StopIntervention(), null, null, Staff, Now);

        Assert.Equal("CorrectionNeedsReason", Rule(() => Decision.Correct(original, StopIntervention(), "", Staff, Now)));
        Assert.False(original.IsSuperseded);
    }

    [Fact]
    public void Correct_AGoNoGoDecision_MustGoThroughTheProgramme()
    {
        var go = NewProgramme().RecordGoNoGoDecision(Go(), CompleteOrienteren, Staff, Now);

        Assert.Equal("GoNoGoCorrectedThroughProgramme", Rule(() => Decision.Correct(go, StopIntervention(), "Fout", Staff, Now)));
        Assert.False(go.IsSuperseded);
    }

    [Fact]
    public void Members_OfCombinedMeasures_ListsEachWithItsDutchName()
    {
        var measures = AlternativeMeasures.StrengthenAreaBasedWork | AlternativeMeasures.IntensifyPhysicalManagement;

        Assert.Equal(["Fysiek beheer intensiveren", "Wijkgericht werken versterken"], measures.Members().Select(measure => measure.DisplayName()));
    }

    [Fact]
    public void Text_OfEveryGoNoGoQuestion_IsAQuestionInDutch() =>
        Assert.All(Enum.GetValues<GoNoGoQuestion>(), question => Assert.EndsWith("?", question.Text(), StringComparison.Ordinal));

    [Fact]
    public void UserRef_WithoutId_BreaksUserRule() =>
        Assert.Equal("UserMustBeKnown", Assert.Throws<DomainRuleException>(() => new UserRef(Guid.Empty, "Iemand")).Rule);
}
