using System.Reflection;
using Wijkaanpak.Domain.Checklists;
using static Wijkaanpak.Domain.Tests.TestData;

namespace Wijkaanpak.Domain.Tests;

public sealed class ChecklistTemplateTests
{
    private static ChecklistTemplate NextVersion(ChecklistTemplate template, params QuestionDraft[] questions) =>
        template.CreateNextVersion(template.Title, template.Purpose, questions, "Vragen aangescherpt na evaluatie.", Staff, Now.AddDays(30));

    [Fact]
    public void CreateFirstVersion_FromPlainValues_IsVersionOneWithQuestionsInOrder()
    {
        var template = ChecklistTemplate.CreateFirstVersion(
            " 4.1 ",
            " Urgentie afwegen ",
            "Helpt bepalen of een aanpak nodig is.",
            "§4.1",
            [new QuestionDraft("4.1-01", "Eerste vraag?", "Hulp"), new QuestionDraft("4.1-02", "Tweede vraag?", null)],
            Now);

        Assert.Equal("4.1", template.BuildingBlockCode);
        Assert.Equal(1, template.VersionNumber);
        Assert.Equal("Urgentie afwegen", template.Title);
        Assert.Equal("§4.1", template.SourceSection);
        Assert.Equal(ChecklistTemplate.FirstVersionNote, template.ChangeNote);
        Assert.Null(template.CreatedBy);
        Assert.Equal(["4.1-01", "4.1-02"], template.Questions.Select(question => question.Key));
        Assert.Equal([1, 2], template.Questions.Select(question => question.Position));
        Assert.Equal(string.Empty, template.Questions[1].Help);
        Assert.Equal(2, template.LastQuestionNumber);
    }

    [Fact]
    public void CreateFirstVersion_WithoutKeys_NumbersTheQuestions()
    {
        var template = ChecklistTemplate.CreateFirstVersion(
            "5.4-5.5",
            "Sturing en financiering",
            "Doel",
            "§5.4-5.5",
            [new QuestionDraft(null, "Eerste?", null), new QuestionDraft(" ", "Tweede?", null)],
            Now);

        Assert.Equal(["5.4-5.5-01", "5.4-5.5-02"], template.Questions.Select(question => question.Key));
    }

    [Theory]
    [InlineData("7.3")]
    [InlineData("9.9")]
    [InlineData("")]
    public void CreateFirstVersion_ForBlockWithoutChecklist_BreaksBlockRule(string code) =>
        Assert.Equal("TemplateNeedsBuildingBlockWithChecklist", Rule(() => ChecklistTemplate.CreateFirstVersion(code, "T", "D", "§", [new QuestionDraft(null, "V?", null)], Now)));

    [Fact]
    public void CreateFirstVersion_WithoutQuestions_BreaksQuestionsRule() =>
        Assert.Equal("TemplateNeedsQuestions", Rule(() => ChecklistTemplate.CreateFirstVersion("4.1", "T", "D", "§4.1", [], Now)));

    [Fact]
    public void CreateFirstVersion_WithTooManyQuestions_BreaksQuestionsRule() =>
        Assert.Equal("TooManyQuestions", Rule(() => Template(questions: ChecklistTemplate.MaxQuestions + 1)));

    [Fact]
    public void CreateFirstVersion_WithDuplicateKeys_BreaksUniqueKeyRule() =>
        Assert.Equal(
            "QuestionKeysMustBeUnique",
            Rule(() => ChecklistTemplate.CreateFirstVersion("4.1", "T", "D", "§4.1", [new QuestionDraft("4.1-01", "A?", null), new QuestionDraft(" 4.1-01", "B?", null)], Now)));

    [Theory]
    [InlineData("4.1 01")]
    [InlineData("een-heel-erg-lange-sleutel-van-meer-dan-32")]
    public void CreateFirstVersion_WithMalformedKey_BreaksKeyRule(string key) =>
        Assert.Equal("QuestionKeyInvalid", Rule(() => ChecklistTemplate.CreateFirstVersion("4.1", "T", "D", "§4.1", [new QuestionDraft(key, "A?", null)], Now)));

    [Fact]
    public void CreateFirstVersion_WithoutQuestionText_BreaksTextRule() =>
        Assert.Equal("QuestionTextRequired", Rule(() => ChecklistTemplate.CreateFirstVersion("4.1", "T", "D", "§4.1", [new QuestionDraft("4.1-01", " ", null)], Now)));

    [Fact]
    public void CreateFirstVersion_WithTooLongQuestionText_BreaksTextRule() =>
        Assert.Equal(
            "QuestionTextRequired",
            Rule(() => ChecklistTemplate.CreateFirstVersion("4.1", "T", "D", "§4.1", [new QuestionDraft("4.1-01", new string('v', ChecklistQuestion.TextMaxLength + 1), null)], Now)));

    [Fact]
    public void CreateFirstVersion_WithoutTitle_BreaksTitleRule() =>
        Assert.Equal("TemplateTitleRequired", Rule(() => ChecklistTemplate.CreateFirstVersion("4.1", "", "D", "§4.1", [new QuestionDraft(null, "V?", null)], Now)));

    [Fact]
    public void CreateNextVersion_AddingRewordingAndRetiring_LeavesTheOldVersionUnchanged()
    {
        var v1 = Template(questions: 3);
        var before = v1.Questions.Select(question => (question.Key, question.Text, question.Help, question.Position)).ToList();

        var v2 = NextVersion(
            v1,
            new QuestionDraft("4.1-03", "Vraag 3 van 4.1?", "Nieuwe hulp."),
            new QuestionDraft("4.1-01", "Vraag 1, anders gesteld?", null),
            new QuestionDraft(null, "Een nieuwe vraag?", null));

        Assert.Equal(2, v2.VersionNumber);
        Assert.Equal(["4.1-03", "4.1-01", "4.1-04"], v2.Questions.Select(question => question.Key));
        Assert.Equal(Staff, v2.CreatedBy);
        Assert.Equal("Vragen aangescherpt na evaluatie.", v2.ChangeNote);
        Assert.NotEqual(v1.Id, v2.Id);
        Assert.Equal(1, v1.VersionNumber);
        Assert.Equal(before, v1.Questions.Select(question => (question.Key, question.Text, question.Help, question.Position)));
    }

    [Fact]
    public void CreateNextVersion_NewQuestion_NeverGetsTheKeyOfARetiredOne()
    {
        var v1 = Template(questions: 3);
        var v2 = NextVersion(v1, new QuestionDraft("4.1-01", "Vraag 1 van 4.1?", null));
        var v3 = NextVersion(v2, new QuestionDraft("4.1-01", "Vraag 1 van 4.1?", null), new QuestionDraft(null, "Nieuw?", null));

        Assert.Equal(["4.1-01", "4.1-04"], v3.Questions.Select(question => question.Key));
    }

    [Fact]
    public void CreateNextVersion_WithKeyNotInThePreviousVersion_BreaksKeyRule() =>
        Assert.Equal("QuestionKeyUnknown", Rule(() => NextVersion(Template(), new QuestionDraft("4.1-09", "Zelf bedacht?", null))));

    [Fact]
    public void CreateNextVersion_WithoutAnyChange_BreaksMustChangeRule()
    {
        var v1 = Template(questions: 2);

        Assert.Equal(
            "NewVersionMustChangeSomething",
            Rule(() => NextVersion(v1, v1.Questions.Select(question => new QuestionDraft(question.Key, question.Text, question.Help)).ToArray())));
    }

    [Fact]
    public void CreateNextVersion_WithoutChangeNote_BreaksNoteRule()
    {
        var v1 = Template();

        Assert.Equal("TemplateChangeNeedsNote", Rule(() => v1.CreateNextVersion("Nieuwe titel", v1.Purpose, [new QuestionDraft(null, "V?", null)], " ", Staff, Now)));
    }

    [Fact]
    public void CreateNextVersion_RetiringEveryQuestion_BreaksQuestionsRule() =>
        Assert.Equal("TemplateNeedsQuestions", Rule(() => NextVersion(Template())));

    [Fact]
    public void ChangesTo_TellsUnchangedRewordedAddedAndRetiredQuestions()
    {
        var v1 = Template(questions: 4);
        var v2 = NextVersion(
            v1,
            new QuestionDraft("4.1-01", "Vraag 1 van 4.1?", "Alleen de hulptekst is anders."),
            new QuestionDraft("4.1-02", "Vraag 2 van 4.1?", "Hulp bij vraag 2."),
            new QuestionDraft("4.1-03", "Vraag 3, herschreven?", null),
            new QuestionDraft(null, "Nieuw?", null));

        var changes = v1.ChangesTo(v2);

        Assert.Equal(["4.1-01", "4.1-02"], changes.Unchanged);
        Assert.Equal(["4.1-03"], changes.Reworded);
        Assert.Equal(["4.1-05"], changes.Added);
        Assert.Equal(["4.1-04"], changes.Retired);
    }

    [Fact]
    public void ChangesTo_TemplateOfAnotherBlock_BreaksSameBlockRule() =>
        Assert.Equal("TemplatesOfTheSameBlock", Rule(() => Template("4.1").ChangesTo(Template("4.2"))));

    [Theory]
    [InlineData(typeof(ChecklistTemplate))]
    [InlineData(typeof(ChecklistQuestion))]
    public void TemplateTypes_HaveNoPublicWayToChangeAVersion(Type type)
    {
        Assert.All(type.GetProperties(), property => Assert.False(property.SetMethod?.IsPublic ?? false, property.Name));
        Assert.DoesNotContain(
            type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly),
            method => method.ReturnType == typeof(void) && !method.IsSpecialName);
    }
}
