using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Checklists;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Integration.Tests.Checklists;

/// <summary>
/// Answering checklists through the service against PostgreSQL. Each test has its own programme and
/// staff member; the templates are the seeded ones and stay unchanged in this class.
/// </summary>
public sealed class ChecklistServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>, IAsyncLifetime
{
    private AsyncServiceScope _scope;
    private ChecklistService _service = null!;
    private CurrentUser _staff = null!;
    private ProgrammeId _programme;

    private AppFixture App => fixture.App;

    public async Task InitializeAsync()
    {
        _programme = await ChecklistTestData.CreateProgrammeAsync(App);
        _staff = await App.CreateUserAsync(Role.Programmabureau, null, _programme);
        _scope = App.ScopeFor(_staff);
        _service = App.ServiceFor<ChecklistService>(_scope);
    }

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task GetOverviewAsync_ForANewProgramme_CountsEveryQuestionOfTheSeededChecklistsAsOpen()
    {
        var overview = (await _service.GetOverviewAsync(_programme)).Value!;

        Assert.Equal(4, overview.Phases.Count);
        var orienteren = overview.Phases[0];
        Assert.True(orienteren.IsCurrent);
        Assert.Equal(["4.1", "4.2", "4.3", "4.4", "4.5", "4.6"], orienteren.Blocks.Select(block => block.Code));
        Assert.Equal(new Completion(0, 25), orienteren.Completion);
        Assert.All(overview.Phases.SelectMany(phase => phase.Blocks), block => Assert.False(block.IsStarted));
        var monitoring = Assert.Single(overview.Phases[3].Blocks, block => block.Code == "7.3");
        Assert.False(monitoring.HasChecklist);
        Assert.Equal(Completion.None, monitoring.Completion);
        Assert.Equal(overview.Phases.Sum(phase => phase.Completion.Total), overview.OfProgramme.Total);
    }

    [Fact]
    public async Task AnswerAsync_FirstAnswer_StartsTheChecklistAndStoresAuthorTimeAndContent()
    {
        var before = DateTimeOffset.UtcNow;
        var checklist = (await _service.GetChecklistAsync(_programme, "4.1")).Value!;
        Assert.False(checklist.IsStarted);
        Assert.True(checklist.CanAnswer);

        var saved = await _service.AnswerAsync(_programme, "4.1", Answer(checklist, "4.1-01", AnswerStatus.Deels, "Alleen de cijfers zijn bekend.", "https://wijkprofiel.example.nl/zuidwest\n\nhttps://example.nl/notulen"));

        Assert.Equal(ResultStatus.Ok, saved.Status);
        Assert.Equal(new Completion(1, 4), saved.Value!.Completion);
        Assert.NotEqual(0u, saved.Value.Version);
        var reread = (await _service.GetChecklistAsync(_programme, "4.1")).Value!;
        Assert.True(reread.IsStarted);
        Assert.Equal(saved.Value.Version, reread.Version);
        var answer = reread.Questions.Single(question => question.Key == "4.1-01").Answer!;
        Assert.Equal(AnswerStatus.Deels, answer.Status);
        Assert.Equal("Alleen de cijfers zijn bekend.", answer.Explanation);
        Assert.Equal(["https://wijkprofiel.example.nl/zuidwest", "https://example.nl/notulen"], answer.EvidenceLinks);
        Assert.Equal(_staff.DisplayName, answer.AnsweredBy);
        Assert.InRange(answer.AnsweredAt, before, DateTimeOffset.UtcNow);

        // Stored with the user's id too, not only the name shown.
        await using var db = App.Database.CreateContext();
        var stored = await db.ProgrammeChecklists.Where(row => row.ProgrammeId == _programme).SingleAsync();
        Assert.Equal(_staff.UserId, Assert.Single(stored.Answers).AnsweredBy.UserId);
        Assert.Equal(ChecklistTestData.SeededTemplateOf("4.1"), stored.TemplateId);
    }

    [Fact]
    public async Task AnswerAsync_CompletionCountsNvtButNotNogOnbekend_OnTheChecklistAndTheOverview()
    {
        var checklist = (await _service.GetChecklistAsync(_programme, "4.2")).Value!;
        var version = checklist.Version;
        foreach (var (key, status) in new[] { ("4.2-01", AnswerStatus.Ja), ("4.2-02", AnswerStatus.NietVanToepassing), ("4.2-03", AnswerStatus.NogOnbekend) })
        {
            var model = new AnswerEditModel { QuestionKey = key, Status = status, Version = version };
            version = (await _service.AnswerAsync(_programme, "4.2", model)).Value!.Version;
        }

        Assert.Equal(new Completion(2, 4), (await _service.GetChecklistAsync(_programme, "4.2")).Value!.Completion);
        var overview = (await _service.GetOverviewAsync(_programme)).Value!;
        var block = overview.Phases[0].Blocks.Single(block => block.Code == "4.2");
        Assert.True(block.IsStarted);
        Assert.Equal(new Completion(2, 4), block.Completion);
        Assert.Equal(new Completion(2, 25), overview.Phases[0].Completion);
    }

    [Fact]
    public async Task AnswerAsync_WithoutStatusOrWithAnInvalidLink_ReportsDutchMessagesPerFieldAndStoresNothing()
    {
        var result = await _service.AnswerAsync(_programme, "4.3", new AnswerEditModel { QuestionKey = "4.3-01", EvidenceLinks = "https://example.nl/ok\nwijkmonitor.docx" });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(["Kies een antwoord: ja, deels, nee, n.v.t. of nog onbekend."], result.Errors[nameof(AnswerEditModel.Status)]);
        Assert.StartsWith("Geen geldig webadres: 'wijkmonitor.docx'.", Assert.Single(result.Errors[nameof(AnswerEditModel.EvidenceLinks)]), StringComparison.Ordinal);
        Assert.False((await _service.GetChecklistAsync(_programme, "4.3")).Value!.IsStarted);
    }

    [Fact]
    public async Task AnswerAsync_AfterSomeoneElseAnsweredAnotherQuestion_IsSaved_AndTheirAnswerStands()
    {
        await ChecklistTestData.AnswerAsync(_service, _programme, "4.4", "4.4-01", AnswerStatus.Ja);
        var colleague = await App.CreateUserAsync(Role.Alliantiepartner, null, _programme);
        var opened = (await _service.GetChecklistAsync(_programme, "4.4")).Value!;
        await using (var scope = App.ScopeFor(colleague))
        {
            var theirs = Answer(opened, "4.4-02", AnswerStatus.Nee, "Geen budget.");
            Assert.Equal(ResultStatus.Ok, (await App.ServiceFor<ChecklistService>(scope).AnswerAsync(_programme, "4.4", theirs)).Status);
        }

        // Another question, answered from the same (now older) screen: no conflict, and theirs is not reverted.
        var mine = await _service.AnswerAsync(_programme, "4.4", Answer(opened, "4.4-03", AnswerStatus.Deels, "Half klaar."));
        Assert.Equal(ResultStatus.Ok, mine.Status);

        // Their question, changed from the same screen, is a conflict: only then did both change one answer.
        var same = await _service.AnswerAsync(_programme, "4.4", Answer(opened, "4.4-02", AnswerStatus.Ja, "Wel budget."));
        Assert.Equal(ResultStatus.Conflict, same.Status);

        var stored = (await _service.GetChecklistAsync(_programme, "4.4")).Value!.Questions.ToDictionary(question => question.Key, question => question.Answer);
        Assert.Equal((AnswerStatus.Ja, AnswerStatus.Nee, "Geen budget.", AnswerStatus.Deels), (stored["4.4-01"]!.Status, stored["4.4-02"]!.Status, stored["4.4-02"]!.Explanation, stored["4.4-03"]!.Status));
        Assert.Equal(mine.Value!.Version, (await _service.GetChecklistAsync(_programme, "4.4")).Value!.Version);
    }

    [Fact]
    public async Task AnswerAsync_AgainstAVersionSomeoneElseChanged_IsAConflictThatShowsTheirAnswerAndStoresNothing()
    {
        var first = await ChecklistTestData.AnswerAsync(_service, _programme, "4.4", "4.4-01", AnswerStatus.Ja);
        var colleague = await App.CreateUserAsync(Role.Alliantiepartner, null, _programme);
        var opened = (await _service.GetChecklistAsync(_programme, "4.4")).Value!;
        await using (var scope = App.ScopeFor(colleague))
        {
            var theirs = Answer(opened, "4.4-02", AnswerStatus.Nee, "Geen budget.");
            Assert.Equal(ResultStatus.Ok, (await App.ServiceFor<ChecklistService>(scope).AnswerAsync(_programme, "4.4", theirs)).Status);
        }

        var mine = Answer(opened, "4.4-02", AnswerStatus.Ja, "Wel budget.");
        var result = await _service.AnswerAsync(_programme, "4.4", mine);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("Iemand anders heeft deze checklist gewijzigd", result.Message, StringComparison.Ordinal);
        Assert.Equal("Wel budget.", mine.Explanation);
        var status = Assert.Single(result.Differences, difference => difference.Field == nameof(AnswerEditModel.Status));
        Assert.Equal(($"Nee (door {colleague.DisplayName})", "Ja"), (status.Stored, status.Yours));
        var stored = (await _service.GetChecklistAsync(_programme, "4.4")).Value!;
        Assert.Equal(AnswerStatus.Nee, stored.Questions.Single(question => question.Key == "4.4-02").Answer!.Status);
        Assert.Equal(AnswerStatus.Ja, stored.Questions.Single(question => question.Key == "4.4-01").Answer!.Status);
        Assert.NotEqual(first, stored.Version);
    }

    [Fact]
    public async Task AnswerAsync_WhenTheChecklistWasStartedAfterThePageOpened_SavesAnotherQuestion_ButNotTheSameOne()
    {
        var opened = (await _service.GetChecklistAsync(_programme, "4.5")).Value!;
        await ChecklistTestData.AnswerAsync(_service, _programme, "4.5", "4.5-01", AnswerStatus.Ja);

        // The conflict is per question: the first answer someone else gave is no reason to refuse another one.
        Assert.Equal(ResultStatus.Ok, (await _service.AnswerAsync(_programme, "4.5", Answer(opened, "4.5-02", AnswerStatus.Nee))).Status);
        Assert.Equal(ResultStatus.Conflict, (await _service.AnswerAsync(_programme, "4.5", Answer(opened, "4.5-01", AnswerStatus.Nee))).Status);

        var stored = (await _service.GetChecklistAsync(_programme, "4.5")).Value!.Questions;
        Assert.Equal(AnswerStatus.Ja, stored.Single(question => question.Key == "4.5-01").Answer!.Status);
        Assert.Equal(AnswerStatus.Nee, stored.Single(question => question.Key == "4.5-02").Answer!.Status);
    }

    [Fact]
    public async Task AnswerAsync_ByARaadslid_IsForbidden_ButTheRaadslidCanReadTheAnswers()
    {
        await ChecklistTestData.AnswerAsync(_service, _programme, "4.6", "4.6-01", AnswerStatus.Ja);
        var councillor = await App.CreateUserAsync(Role.Raadslid, null, _programme);
        await using var scope = App.ScopeFor(councillor);
        var service = App.ServiceFor<ChecklistService>(scope);
        var opened = (await service.GetChecklistAsync(_programme, "4.6")).Value!;

        var result = await service.AnswerAsync(_programme, "4.6", Answer(opened, "4.6-02", AnswerStatus.Nee));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.False(opened.CanAnswer);
        Assert.False(opened.CanMoveToNewerTemplate);
        Assert.Equal(AnswerStatus.Ja, opened.Questions[0].Answer!.Status);
        Assert.Null((await _service.GetChecklistAsync(_programme, "4.6")).Value!.Questions[1].Answer);
    }

    [Fact]
    public async Task GetChecklistAsync_ByAMemberOfAnotherProgramme_IsForbidden()
    {
        await ChecklistTestData.AnswerAsync(_service, _programme, "5.1", "5.1-01", AnswerStatus.Ja);
        var elsewhere = await ChecklistTestData.CreateProgrammeAsync(App);
        await using var scope = App.ScopeFor(await App.CreateUserAsync(Role.Programmabureau, null, elsewhere));
        var outsider = App.ServiceFor<ChecklistService>(scope);

        Assert.Equal(ResultStatus.Forbidden, (await outsider.GetChecklistAsync(_programme, "5.1")).Status);
        Assert.Equal(ResultStatus.Forbidden, (await outsider.GetOverviewAsync(_programme)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await outsider.AnswerAsync(_programme, "5.1", new AnswerEditModel { QuestionKey = "5.1-02", Status = AnswerStatus.Ja })).Status);
    }

    [Fact]
    public async Task GetChecklistAsync_ForABlockWithoutChecklist_IsNotFound()
    {
        var result = await _service.GetChecklistAsync(_programme, "7.3");

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal("Bouwsteen '7.3' heeft geen checklist.", result.Message);
    }

    [Fact]
    public async Task GetChecklistAsync_ShowsTheQuestionsInOrderWithHelpAndSource()
    {
        var checklist = (await _service.GetChecklistAsync(_programme, "5.4-5.5")).Value!;

        Assert.Equal("5.4-5.5", checklist.Block.Code);
        Assert.Equal(Phase.Opstarten, checklist.Block.Phase);
        Assert.Equal(Enumerable.Range(1, checklist.Questions.Count), checklist.Questions.Select(question => question.Position));
        Assert.All(checklist.Questions, question => Assert.False(string.IsNullOrWhiteSpace(question.Help)));
        Assert.Equal("bron: Slagkracht in de wijk, §5.4-5.5", checklist.SourceText);
        Assert.Equal(1, checklist.TemplateVersion);
    }

    private static AnswerEditModel Answer(ChecklistView checklist, string key, AnswerStatus status, string explanation = "", string links = "") =>
        new()
        {
            QuestionKey = key,
            Status = status,
            Explanation = explanation,
            EvidenceLinks = links,
            Version = checklist.Version,
            Loaded = checklist.Questions.Single(question => question.Key == key).Answer,
        };
}
