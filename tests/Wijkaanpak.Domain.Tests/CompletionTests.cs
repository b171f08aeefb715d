using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;
using static Wijkaanpak.Domain.Tests.TestData;

namespace Wijkaanpak.Domain.Tests;

public sealed class CompletionTests
{
    private static IEnumerable<ChecklistTemplate> AllTemplates() =>
        ProcessModel.BuildingBlocks.Where(block => block.HasChecklist).Select(block => Template(block.Code, 2));

    [Theory]
    [InlineData(0, 4, 0)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 66)]
    [InlineData(199, 200, 99)]
    [InlineData(4, 4, 100)]
    [InlineData(0, 0, 0)]
    public void Percentage_RoundsDownSoOpenQuestionsNeverShowAsHundred(int answered, int total, int percentage) =>
        Assert.Equal(percentage, new Completion(answered, total).Percentage);

    [Theory]
    [InlineData(3, 3, true)]
    [InlineData(2, 3, false)]
    [InlineData(0, 0, false)]
    public void IsComplete_OnlyWhenEveryQuestionOfAtLeastOneIsAnswered(int answered, int total, bool complete) =>
        Assert.Equal(complete, new Completion(answered, total).IsComplete);

    [Fact]
    public void Sum_AddsAnsweredAndTotalsSoEveryQuestionWeighsTheSame()
    {
        var sum = Completion.Sum([new Completion(10, 10), new Completion(0, 2)]);

        Assert.Equal(new Completion(10, 12), sum);
        Assert.Equal(83, sum.Percentage);
        Assert.Equal(2, sum.Open);
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(3, 2)]
    [InlineData(0, -1)]
    public void Constructor_WithImpossibleCounts_Throws(int answered, int total) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Completion(answered, total));

    [Theory]
    [InlineData(AnswerStatus.Ja, 1)]
    [InlineData(AnswerStatus.Deels, 1)]
    [InlineData(AnswerStatus.Nee, 1)]
    [InlineData(AnswerStatus.NietVanToepassing, 1)]
    [InlineData(AnswerStatus.NogOnbekend, 0)]
    public void Completion_OfAChecklist_CountsNvtAsAnsweredButNotNogOnbekend(AnswerStatus status, int answered)
    {
        var checklist = ProgrammeChecklist.Start(NewProgramme(), Template("4.1", 4), Now);

        checklist.Answer("4.1-02", status, null, null, Partner, Now);

        Assert.Equal(new Completion(answered, 4), checklist.Completion);
    }

    [Fact]
    public void Completion_OfAChecklist_CountsUnansweredQuestionsAsOpen()
    {
        var checklist = ProgrammeChecklist.Start(NewProgramme(), Template("4.1", 4), Now);
        checklist.Answer("4.1-01", AnswerStatus.Ja, null, null, Partner, Now);
        checklist.Answer("4.1-02", AnswerStatus.NietVanToepassing, null, null, Partner, Now);
        checklist.Answer("4.1-03", AnswerStatus.NogOnbekend, null, null, Partner, Now);

        Assert.Equal(new Completion(2, 4), checklist.Completion);
        Assert.Equal(50, checklist.Completion.Percentage);
    }

    [Fact]
    public void Calculate_CountsPerBlockPerPhaseAndForTheProgramme()
    {
        var programme = NewProgramme();
        var urgency = ProgrammeChecklist.Start(programme, Template("4.1", 4), Now);
        urgency.Answer("4.1-01", AnswerStatus.Ja, null, null, Partner, Now);
        urgency.Answer("4.1-02", AnswerStatus.NietVanToepassing, null, null, Partner, Now);
        urgency.Answer("4.1-03", AnswerStatus.NogOnbekend, null, null, Partner, Now);
        var goNoGo = ProgrammeChecklist.Start(programme, Template("4.6", 6), Now);
        foreach (var key in goNoGo.QuestionKeys)
        {
            goNoGo.Answer(key, AnswerStatus.Ja, null, null, Partner, Now);
        }

        var completion = ProcessCompletion.Calculate(programme.Cycle, [urgency, goNoGo], AllTemplates());

        Assert.Equal(new Completion(2, 4), completion.OfBlock("4.1"));
        Assert.Equal(new Completion(6, 6), completion.OfBlock("4.6"));
        Assert.Equal(new Completion(0, 2), completion.OfBlock("4.2"));

        // 4.1 (2/4) + 4.6 (6/6) + four untouched blocks of two questions (0/8).
        Assert.Equal(new Completion(8, 18), completion.OfPhase(Phase.Orienteren));

        // 7.3 has no checklist and does not count.
        Assert.Equal(new Completion(0, 10), completion.OfPhase(Phase.UitvoerenEnHerijken));
        Assert.DoesNotContain("7.3", completion.ByBlock.Keys);
        Assert.Equal(new Completion(8, 18 + (13 * 2)), completion.OfProgramme);
    }

    [Fact]
    public void Calculate_UsesTheNewestTemplateForABlockWithoutChecklist()
    {
        var v1 = Template("4.2", 2);
        var v2 = v1.CreateNextVersion(v1.Title, v1.Purpose, [.. v1.Questions.Select(question => new QuestionDraft(question.Key, question.Text, null)), new QuestionDraft(null, "Nieuw?", null)], "Vraag erbij", Staff, Now);

        var completion = ProcessCompletion.Calculate(1, [], [v2, v1]);

        Assert.Equal(new Completion(0, 3), completion.OfBlock("4.2"));
        Assert.Equal(Completion.None, completion.OfBlock("4.3"));
    }

    [Fact]
    public void Calculate_InALaterCycle_CountsTheReopenedChecklistInsteadOfTheEarlierOne()
    {
        var programme = ProgrammeInUitvoeren();
        var template = Template("5.2", 2);
        var cycleOne = ProgrammeChecklist.Start(programme, template, Now);
        cycleOne.Answer("5.2-01", AnswerStatus.Ja, null, null, Partner, Now);
        cycleOne.Answer("5.2-02", AnswerStatus.Ja, null, null, Partner, Now);
        var vision = ProgrammeChecklist.Start(programme, Template("5.1", 2), Now);
        vision.Answer("5.1-01", AnswerStatus.Ja, null, null, Partner, Now);
        programme.RecordHerijking(Herijking("5.2"), null, Staff, Now);
        var cycleTwo = ProgrammeChecklist.Reopen(cycleOne, programme, template, Now);

        var now = ProcessCompletion.Calculate(programme.Cycle, [cycleOne, vision, cycleTwo], AllTemplates());
        var before = ProcessCompletion.Calculate(1, [cycleOne, vision, cycleTwo], AllTemplates());

        Assert.Equal(new Completion(0, 2), now.OfBlock("5.2"));
        Assert.Equal(new Completion(1, 2), now.OfBlock("5.1"));
        Assert.Equal(new Completion(2, 2), before.OfBlock("5.2"));
        Assert.Same(cycleTwo, ProcessCompletion.InForce([cycleOne, cycleTwo], "5.2", 2));
        Assert.Same(cycleOne, ProcessCompletion.InForce([cycleOne, cycleTwo], "5.2", 1));
    }

    [Fact]
    public void FromBlocks_AggregatesCompletionsComputedElsewhere()
    {
        var completion = ProcessCompletion.FromBlocks(new Dictionary<string, Completion>
        {
            ["4.1"] = new(3, 4),
            ["4.2"] = new(1, 4),
            ["7.3"] = new(5, 5),
            ["9.9"] = new(5, 5),
        });

        Assert.Equal(new Completion(4, 8), completion.OfPhase(Phase.Orienteren));
        Assert.Equal(new Completion(4, 8), completion.OfProgramme);
        Assert.Equal(50, completion.OfProgramme.Percentage);
    }

    [Fact]
    public void Calculate_WithChecklistsOfTwoProgrammes_Throws() =>
        Assert.Throws<ArgumentException>(() => ProcessCompletion.Calculate(
            1,
            [ProgrammeChecklist.Start(NewProgramme(), Template("4.1"), Now), ProgrammeChecklist.Start(NewProgramme(), Template("4.2"), Now)],
            []));

    [Fact]
    public void CountingAsAnswered_ExcludesOnlyNogOnbekend() =>
        Assert.Equal(
            Enum.GetValues<AnswerStatus>().Where(status => status != AnswerStatus.NogOnbekend),
            AnswerStatusNames.CountingAsAnswered);
}
