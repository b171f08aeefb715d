using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Programmes;
using static Wijkaanpak.Domain.Tests.TestData;

namespace Wijkaanpak.Domain.Tests;

public sealed class ProgrammeChecklistTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(2);

    private static (ProgrammeChecklist Checklist, ChecklistTemplate Template) Started(int questions = 3)
    {
        var template = Template("4.1", questions);
        return (ProgrammeChecklist.Start(NewProgramme(), template, Now), template);
    }

    [Fact]
    public void Start_PointsAtTheTemplateVersionInTheProgrammesCycle()
    {
        var programme = NewProgramme();
        var template = Template("4.2", 4);

        var checklist = ProgrammeChecklist.Start(programme, template, Now);

        Assert.Equal(programme.Id, checklist.ProgrammeId);
        Assert.Equal("4.2", checklist.BuildingBlockCode);
        Assert.Equal(1, checklist.Cycle);
        Assert.Equal(template.Id, checklist.TemplateId);
        Assert.Equal(1, checklist.TemplateVersionNumber);
        Assert.Equal(["4.2-01", "4.2-02", "4.2-03", "4.2-04"], checklist.QuestionKeys);
        Assert.Empty(checklist.Answers);
        Assert.Equal(0, checklist.ContentRevision);
        Assert.Equal(new Completion(0, 4), checklist.Completion);
    }

    [Fact]
    public void Answer_FirstTime_KeepsStatusExplanationAuthorAndTime()
    {
        var (checklist, template) = Started();

        var changed = checklist.Answer("4.1-01", AnswerStatus.Deels, "  Alleen de cijfers.  ", ["https://wijkprofiel.denhaag.nl/zuidwest"], Partner, Later);

        Assert.True(changed);
        var answer = Assert.Single(checklist.Answers);
        Assert.Equal(AnswerStatus.Deels, answer.Status);
        Assert.Equal("Alleen de cijfers.", answer.Explanation);
        Assert.Equal(["https://wijkprofiel.denhaag.nl/zuidwest"], answer.EvidenceLinks);
        Assert.Equal(Partner, answer.AnsweredBy);
        Assert.Equal(Later, answer.AnsweredAt);
        var revision = Assert.Single(checklist.AnswerHistory);
        Assert.Equal((1, template.Id, "4.1-01", AnswerStatus.Deels), (revision.Revision, revision.TemplateId, revision.QuestionKey, revision.Status));
    }

    [Fact]
    public void Answer_Again_ReplacesTheCurrentAnswerAndKeepsTheEarlierOneInHistory()
    {
        var (checklist, _) = Started();
        checklist.Answer("4.1-01", AnswerStatus.NogOnbekend, null, null, Partner, Now);

        checklist.Answer("4.1-01", AnswerStatus.Ja, "Besproken in de kerngroep.", null, Staff, Later);

        var answer = Assert.Single(checklist.Answers);
        Assert.Equal((AnswerStatus.Ja, Staff, Later), (answer.Status, answer.AnsweredBy, answer.AnsweredAt));
        Assert.Equal(
            [(1, AnswerStatus.NogOnbekend, Partner), (2, AnswerStatus.Ja, Staff)],
            checklist.HistoryOf("4.1-01").Select(revision => (revision.Revision, revision.Status, revision.AnsweredBy)));
    }

    [Fact]
    public void Answer_WithTheSameContent_ReportsNoChangeAndLeavesRevisionAsItIs()
    {
        var (checklist, _) = Started();
        checklist.Answer("4.1-01", AnswerStatus.Ja, "Uitleg", ["https://example.nl/a"], Partner, Now);

        var changed = checklist.Answer("4.1-01", AnswerStatus.Ja, " Uitleg ", [" https://example.nl/a "], Staff, Later);

        Assert.False(changed);
        Assert.Equal(1, checklist.ContentRevision);
        Assert.Equal(Now, checklist.LastChangedAt);
        Assert.Single(checklist.AnswerHistory);
        Assert.Equal(Partner, checklist.AnswerTo("4.1-01")!.AnsweredBy);
    }

    [Fact]
    public void Answer_WithChangedContent_RaisesContentRevisionSoSignOffsCanTellTheyAreOutdated()
    {
        var (checklist, _) = Started();
        checklist.Answer("4.1-01", AnswerStatus.Ja, null, null, Partner, Now);
        var signedRevision = checklist.ContentRevision;

        checklist.Answer("4.1-01", AnswerStatus.Ja, null, ["https://example.nl/verslag"], Partner, Later);

        Assert.True(checklist.ContentRevision > signedRevision);
        Assert.Equal(Later, checklist.LastChangedAt);
    }

    [Fact]
    public void Answer_ToAQuestionNotInTheChecklist_BreaksQuestionRule() =>
        Assert.Equal("QuestionNotInChecklist", Rule(() => Started().Checklist.Answer("4.2-01", AnswerStatus.Ja, null, null, Partner, Now)));

    [Fact]
    public void Answer_WithUnknownStatus_BreaksStatusRule() =>
        Assert.Equal("AnswerStatusMustBeKnown", Rule(() => Started().Checklist.Answer("4.1-01", (AnswerStatus)0, null, null, Partner, Now)));

    [Fact]
    public void Answer_WithTooLongExplanation_BreaksExplanationRule() =>
        Assert.Equal(
            "ExplanationTooLong",
            Rule(() => Started().Checklist.Answer("4.1-01", AnswerStatus.Ja, new string('x', ProgrammeChecklist.ExplanationMaxLength + 1), null, Partner, Now)));

    [Fact]
    public void Answer_WithEvidenceLinks_TrimsAndDropsEmptyAndDuplicateLinks()
    {
        var (checklist, _) = Started();

        checklist.Answer("4.1-01", AnswerStatus.Ja, null, [" https://example.nl/a ", "", null, "http://example.nl/b", "https://example.nl/a"], Partner, Now);

        Assert.Equal(["https://example.nl/a", "http://example.nl/b"], checklist.AnswerTo("4.1-01")!.EvidenceLinks);
    }

    [Theory]
    [InlineData("www.example.nl/verslag")]
    [InlineData("/verslagen/1.pdf")]
    [InlineData("ftp://example.nl/verslag")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:info@example.nl")]
    [InlineData("https://")]
    public void Answer_WithEvidenceLinkThatIsNoWebAddress_BreaksEvidenceLinkRule(string link) =>
        Assert.Equal("EvidenceLinkMustBeWebAddress", Rule(() => Started().Checklist.Answer("4.1-01", AnswerStatus.Ja, null, [link], Partner, Now)));

    [Fact]
    public void Answer_WithTooLongEvidenceLink_BreaksEvidenceLinkRule() =>
        Assert.Equal(
            "EvidenceLinkMustBeWebAddress",
            Rule(() => Started().Checklist.Answer("4.1-01", AnswerStatus.Ja, null, ["https://example.nl/" + new string('a', EvidenceLinks.MaxLength)], Partner, Now)));

    [Fact]
    public void Answer_WithMoreEvidenceLinksThanAllowed_BreaksTooManyLinksRule() =>
        Assert.Equal(
            "TooManyEvidenceLinks",
            Rule(() => Started().Checklist.Answer(
                "4.1-01",
                AnswerStatus.Ja,
                null,
                Enumerable.Range(1, EvidenceLinks.MaxLinks + 1).Select(number => $"https://example.nl/{number}"),
                Partner,
                Now)));

    [Fact]
    public void Answer_WhenARuleBreaks_LeavesTheAnswerAsItWas()
    {
        var (checklist, _) = Started();
        checklist.Answer("4.1-01", AnswerStatus.Ja, "Eerst", null, Partner, Now);

        Assert.Throws<Common.DomainRuleException>(() => checklist.Answer("4.1-01", AnswerStatus.Nee, "Later", ["geen-link"], Partner, Later));

        Assert.Equal((AnswerStatus.Ja, "Eerst"), (checklist.AnswerTo("4.1-01")!.Status, checklist.AnswerTo("4.1-01")!.Explanation));
        Assert.Single(checklist.AnswerHistory);
    }

    [Fact]
    public void MoveToTemplateVersion_CarriesOverUnchangedAnswersAndDropsTheOthers()
    {
        var (checklist, v1) = Started(questions: 4);
        checklist.Answer("4.1-01", AnswerStatus.Ja, "Blijft", null, Partner, Now);
        checklist.Answer("4.1-02", AnswerStatus.Nee, "Herschreven vraag", null, Partner, Now);
        checklist.Answer("4.1-03", AnswerStatus.Deels, "Vervallen vraag", null, Partner, Now);
        var v2 = v1.CreateNextVersion(
            v1.Title,
            v1.Purpose,
            [
                new QuestionDraft("4.1-01", "Vraag 1 van 4.1?", "Betere hulptekst."),
                new QuestionDraft("4.1-02", "Vraag 2, scherper gesteld?", null),
                new QuestionDraft("4.1-04", "Vraag 4 van 4.1?", null),
                new QuestionDraft(null, "Nieuwe vraag?", null),
            ],
            "Aangescherpt",
            Staff,
            Now);

        var result = checklist.MoveToTemplateVersion(v1, v2, Later);

        Assert.Equal(["4.1-01"], result.CarriedOver);
        Assert.Equal(["4.1-02", "4.1-03"], result.Dropped);
        Assert.Equal(v2.Id, checklist.TemplateId);
        Assert.Equal(2, checklist.TemplateVersionNumber);
        Assert.Equal(["4.1-01", "4.1-02", "4.1-04", "4.1-05"], checklist.QuestionKeys);
        var carried = Assert.Single(checklist.Answers);
        Assert.Equal(("4.1-01", "Blijft", Partner, Now), (carried.QuestionKey, carried.Explanation, carried.AnsweredBy, carried.AnsweredAt));
        Assert.Equal(new Completion(1, 4), checklist.Completion);

        // The dropped answers stay readable, pointing at the version whose question they answered.
        Assert.Equal(3, checklist.AnswerHistory.Count);
        Assert.All(checklist.AnswerHistory, revision => Assert.Equal(v1.Id, revision.TemplateId));
        Assert.Equal("Vervallen vraag", Assert.Single(checklist.HistoryOf("4.1-03")).Explanation);
        Assert.Equal("Vraag 3 van 4.1?", v1.Question("4.1-03")!.Text);
    }

    [Fact]
    public void MoveToTemplateVersion_EvenWhenEveryAnswerIsCarried_CountsAsAContentChange()
    {
        var (checklist, v1) = Started(questions: 1);
        checklist.Answer("4.1-01", AnswerStatus.Ja, null, null, Partner, Now);
        var v2 = v1.CreateNextVersion(v1.Title, v1.Purpose, [new QuestionDraft("4.1-01", "Vraag 1 van 4.1?", null), new QuestionDraft(null, "Nieuw?", null)], "Vraag erbij", Staff, Now);

        checklist.MoveToTemplateVersion(v1, v2, Later);

        Assert.Equal(2, checklist.ContentRevision);
        Assert.Equal(Later, checklist.LastChangedAt);
    }

    [Fact]
    public void MoveToTemplateVersion_ToTheSameOrAnOlderVersion_BreaksNewerVersionRule()
    {
        var (checklist, v1) = Started();

        Assert.Equal("MoveOnlyToNewerVersion", Rule(() => checklist.MoveToTemplateVersion(v1, v1, Later)));
    }

    [Fact]
    public void MoveToTemplateVersion_ToAnotherBlocksTemplate_BreaksNewerVersionRule()
    {
        var (checklist, v1) = Started();
        var other = Template("4.2");
        var otherV2 = other.CreateNextVersion("Andere titel", other.Purpose, [new QuestionDraft(null, "V?", null)], "Nieuw", Staff, Now);

        Assert.Equal("MoveOnlyToNewerVersion", Rule(() => checklist.MoveToTemplateVersion(v1, otherV2, Later)));
    }

    [Fact]
    public void Reopen_ABlockTheHerijkingReopened_StartsEmptyInTheNewCycleAndClosesTheEarlierOne()
    {
        var programme = ProgrammeWithGo();
        programme.MoveToPhase(MoveTo(Phase.Opstarten), Staff, Now);
        var template = Template("5.2", 2);
        var cycleOne = ProgrammeChecklist.Start(programme, template, Now);
        cycleOne.Answer("5.2-01", AnswerStatus.Ja, "Visie vastgesteld", null, Partner, Now);
        programme.MoveToPhase(MoveTo(Phase.UitvoerenEnHerijken), Staff, Now);
        programme.RecordHerijking(Herijking("5.2"), null, Staff, Later);

        var cycleTwo = ProgrammeChecklist.Reopen(cycleOne, programme, template, Later);

        Assert.Equal(2, cycleTwo.Cycle);
        Assert.Empty(cycleTwo.Answers);
        Assert.True(cycleOne.IsClosed);
        Assert.Equal(AnswerStatus.Ja, cycleOne.AnswerTo("5.2-01")!.Status);
        Assert.Equal("ChecklistClosed", Rule(() => cycleOne.Answer("5.2-01", AnswerStatus.Nee, null, null, Partner, Later)));
    }

    [Fact]
    public void Reopen_ABlockTheHerijkingDidNotReopen_BreaksReopenRule()
    {
        var programme = ProgrammeInUitvoeren();
        var template = Template("6.3", 2);
        var cycleOne = ProgrammeChecklist.Start(programme, template, Now);
        programme.RecordHerijking(Herijking("5.2"), null, Staff, Later);

        Assert.Equal("ReopenOnlyBlocksOfTheHerijking", Rule(() => ProgrammeChecklist.Reopen(cycleOne, programme, template, Later)));
        Assert.False(cycleOne.IsClosed);
    }

    [Fact]
    public void Reopen_InTheSameCycle_BreaksReopenRule()
    {
        var programme = ProgrammeWithGo();
        var template = Template("5.2", 2);
        var checklist = ProgrammeChecklist.Start(programme, template, Now);

        Assert.Equal("ReopenOnlyBlocksOfTheHerijking", Rule(() => ProgrammeChecklist.Reopen(checklist, programme, template, Later)));
    }
}
