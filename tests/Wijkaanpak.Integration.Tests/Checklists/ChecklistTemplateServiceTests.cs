using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Checklists;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Integration.Tests.Checklists;

/// <summary>
/// Template versions made by a Beheerder, and what they mean for programmes that answered an older
/// version. Templates are shared by the whole database, so every test here works on a block of its own.
/// </summary>
public sealed class ChecklistTemplateServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>, IAsyncLifetime
{
    private readonly List<AsyncServiceScope> _scopes = [];
    private AsyncServiceScope _adminScope;
    private ChecklistTemplateService _templates = null!;

    private AppFixture App => fixture.App;

    public async Task InitializeAsync()
    {
        _adminScope = App.ScopeFor(await App.CreateUserAsync(Role.Beheerder));
        _templates = App.ServiceFor<ChecklistTemplateService>(_adminScope);
    }

    public async Task DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        await _adminScope.DisposeAsync();
    }

    [Fact]
    public async Task ListAsync_ShowsEveryChecklistWithItsNewestVersion_InTheOrderOfTheProcessModel()
    {
        var list = (await _templates.ListAsync()).Value!;

        Assert.Equal(19, list.Count);
        Assert.Equal("4.1", list[0].BuildingBlockCode);
        Assert.Equal("8.3", list[^1].BuildingBlockCode);
        Assert.Contains(list, item => item.BuildingBlockCode == "5.4-5.5" && item.QuestionCount == 6);
        Assert.DoesNotContain(list, item => item.BuildingBlockCode == "7.3");
    }

    [Fact]
    public async Task CreateNextVersionAsync_RewordsAddsAndRetires_AndKeepsTheEarlierVersionAsItWas()
    {
        var draft = (await _templates.GetDraftAsync("5.1")).Value!;
        var model = draft.Model;
        var originalFirst = model.Questions[0].Text;
        model.Questions[0].Text = "Welke partijen horen er volgens het kernteam bij, en waarom?";
        model.Questions[1].Retired = true;
        model.Questions.Add(new QuestionEditModel { Text = "Is afgesproken hoe nieuwe partners later kunnen aansluiten?", Help = "Denk aan een vaste route." });
        model.ChangeNote = "Vraag 1 scherper, vraag 2 vervalt, een vraag over nieuwe partners erbij.";

        var created = await _templates.CreateNextVersionAsync("5.1", model);

        Assert.Equal(ResultStatus.Ok, created.Status);
        Assert.Equal(2, created.Value);
        await using var db = App.Database.CreateContext();
        var versions = await db.ChecklistTemplates.AsNoTracking().Where(template => template.BuildingBlockCode == "5.1").OrderBy(template => template.VersionNumber).ToListAsync();
        Assert.Equal(2, versions.Count);
        Assert.Equal(originalFirst, versions[0].Questions[0].Text);
        var changes = versions[0].ChangesTo(versions[1]);
        Assert.Equal(["5.1-01"], changes.Reworded);
        Assert.Equal(["5.1-02"], changes.Retired);
        Assert.Equal(["5.1-08"], changes.Added);
        Assert.Equal(draft.Model.ChangeNote, versions[1].ChangeNote);
        Assert.NotNull(versions[1].CreatedBy);
        var listed = (await _templates.ListAsync()).Value!.Single(item => item.BuildingBlockCode == "5.1");
        Assert.Equal((2, 7), (listed.NewestVersion, listed.QuestionCount));
    }

    [Fact]
    public async Task CreateNextVersionAsync_FromADraftOfAnOlderVersion_IsAConflictAndStoresNothing()
    {
        var first = (await _templates.GetDraftAsync("5.3")).Value!.Model;
        var second = (await _templates.GetDraftAsync("5.3")).Value!.Model;
        first.Title = "Lokaal contract (herzien)";
        first.ChangeNote = "Titel verduidelijkt.";
        second.Purpose = "Een ander doel.";
        second.ChangeNote = "Doel aangepast.";
        Assert.Equal(ResultStatus.Ok, (await _templates.CreateNextVersionAsync("5.3", first)).Status);

        var result = await _templates.CreateNextVersionAsync("5.3", second);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("Iemand anders heeft intussen versie 2", result.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await _templates.ListAsync()).Value!.Single(item => item.BuildingBlockCode == "5.3").NewestVersion);
    }

    [Fact]
    public async Task CreateNextVersionAsync_WithoutChangeNoteOrQuestionText_IsInvalidPerField()
    {
        var model = (await _templates.GetDraftAsync("6.1")).Value!.Model;
        model.Questions[1].Text = " ";

        var result = await _templates.CreateNextVersionAsync("6.1", model);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(["Leg kort uit wat er verandert en waarom."], result.Errors[nameof(TemplateEditModel.ChangeNote)]);
        Assert.Equal(["Vul de vraag in."], result.Errors["Questions[1].Text"]);
    }

    [Fact]
    public async Task TemplateServices_ForStaff_AreForbidden()
    {
        await using var scope = App.ScopeFor(await App.CreateUserAsync(Role.Programmabureau));
        var templates = App.ServiceFor<ChecklistTemplateService>(scope);

        Assert.Equal(ResultStatus.Forbidden, (await templates.ListAsync()).Status);
        Assert.Equal(ResultStatus.Forbidden, (await templates.GetDraftAsync("4.1")).Status);
        Assert.Equal(ResultStatus.Forbidden, (await templates.CreateNextVersionAsync("4.1", new TemplateEditModel())).Status);
    }

    [Fact]
    public async Task ANewTemplateVersion_LeavesAProgrammesAnswersIntactAndReadable_OnTheVersionTheyAnswered()
    {
        var (programme, staff) = await ProgrammeWithStaffAsync();
        await ChecklistTestData.AnswerAsync(staff, programme, "6.3", "6.3-01", AnswerStatus.Ja, "Vastgesteld in de stuurgroep.");
        await ChecklistTestData.AnswerAsync(staff, programme, "6.3", "6.3-02", AnswerStatus.Deels);
        var v1Text = (await staff.GetChecklistAsync(programme, "6.3")).Value!.Questions[0].Text;

        await MakeVersionAsync("6.3", model => model.Questions[0].Text = "Is het uitvoeringsprogramma door alle kernpartners vastgesteld?");

        var checklist = (await staff.GetChecklistAsync(programme, "6.3")).Value!;
        Assert.Equal(1, checklist.TemplateVersion);
        Assert.Equal(v1Text, checklist.Questions[0].Text);
        Assert.Equal(("Vastgesteld in de stuurgroep.", AnswerStatus.Ja), (checklist.Questions[0].Answer!.Explanation, checklist.Questions[0].Answer!.Status));
        Assert.Equal(AnswerStatus.Deels, checklist.Questions[1].Answer!.Status);
        var newer = checklist.NewerTemplate!;
        Assert.Equal(2, newer.VersionNumber);
        Assert.Equal(["6.3-01"], newer.Changes.Reworded);
        Assert.Equal((1, 1), (newer.AnswersCarriedOver, newer.AnswersNotCarriedOver));
        Assert.True(checklist.CanMoveToNewerTemplate);

        // A programme that starts now answers the new version.
        var (fresh, freshStaff) = await ProgrammeWithStaffAsync();
        var freshChecklist = (await freshStaff.GetChecklistAsync(fresh, "6.3")).Value!;
        Assert.Equal(2, freshChecklist.TemplateVersion);
        Assert.Null(freshChecklist.NewerTemplate);
    }

    [Fact]
    public async Task MoveToNewestTemplateAsync_CarriesUnchangedAnswersOverWithAuthorAndTime_AndKeepsTheOthersInTheHistory()
    {
        var (programme, staff) = await ProgrammeWithStaffAsync();
        await ChecklistTestData.AnswerAsync(staff, programme, "6.4", "6.4-01", AnswerStatus.Nee, "Nog geen monitor.");
        await ChecklistTestData.AnswerAsync(staff, programme, "6.4", "6.4-02", AnswerStatus.Ja);
        await ChecklistTestData.AnswerAsync(staff, programme, "6.4", "6.4-03", AnswerStatus.NietVanToepassing);
        var before = (await staff.GetChecklistAsync(programme, "6.4")).Value!;
        var v1Question1 = before.Questions[0].Text;
        await MakeVersionAsync("6.4", model =>
        {
            model.Questions[0].Text = "Is er een monitor die de ambities volgt, met een nulmeting?";
            model.Questions[2].Retired = true;
        });

        var moved = await staff.MoveToNewestTemplateAsync(programme, "6.4", before.Version);

        Assert.Equal(ResultStatus.Ok, moved.Status);
        Assert.Equal((2, 1, 2), (moved.Value!.VersionNumber, moved.Value.AnswersCarriedOver, moved.Value.AnswersNotCarriedOver));
        var after = (await staff.GetChecklistAsync(programme, "6.4")).Value!;
        Assert.Equal(2, after.TemplateVersion);
        Assert.Null(after.NewerTemplate);
        Assert.Null(after.Questions.Single(question => question.Key == "6.4-01").Answer);
        Assert.DoesNotContain(after.Questions, question => question.Key == "6.4-03");
        var carried = after.Questions.Single(question => question.Key == "6.4-02").Answer!;
        var original = before.Questions.Single(question => question.Key == "6.4-02").Answer!;
        Assert.Equal((original.Status, original.AnsweredBy, original.AnsweredAt), (carried.Status, carried.AnsweredBy, carried.AnsweredAt));
        Assert.Equal(new Completion(1, after.Questions.Count), after.Completion);

        // The answer to the reworded question is still readable, with the wording it answered.
        var old = Assert.Single(after.History, revision => revision.QuestionKey == "6.4-01");
        Assert.Equal((1, v1Question1, AnswerStatus.Nee, "Nog geen monitor."), (old.TemplateVersion, old.QuestionText, old.Status, old.Explanation));
        Assert.Contains(after.History, revision => revision.QuestionKey == "6.4-03" && revision.Status == AnswerStatus.NietVanToepassing);
    }

    [Fact]
    public async Task MoveToNewestTemplateAsync_AgainstAnOlderVersionOfTheChecklist_IsAConflict()
    {
        var (programme, staff) = await ProgrammeWithStaffAsync();
        await ChecklistTestData.AnswerAsync(staff, programme, "8.2", "8.2-01", AnswerStatus.Ja);
        var opened = (await staff.GetChecklistAsync(programme, "8.2")).Value!;
        await ChecklistTestData.AnswerAsync(staff, programme, "8.2", "8.2-02", AnswerStatus.Ja);
        await MakeVersionAsync("8.2", model => model.Questions[0].Help = "Een nieuwe hulptekst.");

        var result = await staff.MoveToNewestTemplateAsync(programme, "8.2", opened.Version);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal(1, (await staff.GetChecklistAsync(programme, "8.2")).Value!.TemplateVersion);
    }

    private async Task<(ProgrammeId Programme, ChecklistService Staff)> ProgrammeWithStaffAsync()
    {
        var programme = await ChecklistTestData.CreateProgrammeAsync(App);
        var user = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        var scope = App.ScopeFor(user);
        _scopes.Add(scope);
        return (programme, App.ServiceFor<ChecklistService>(scope));
    }

    private async Task MakeVersionAsync(string block, Action<TemplateEditModel> change)
    {
        var model = (await _templates.GetDraftAsync(block)).Value!.Model;
        change(model);
        model.ChangeNote = "Aangepast na de eerste ervaringen.";
        var created = await _templates.CreateNextVersionAsync(block, model);
        Assert.True(created.IsOk, created.Message);
    }
}
