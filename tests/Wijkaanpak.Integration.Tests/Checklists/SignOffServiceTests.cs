using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Checklists;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Integration.Tests.Checklists;

/// <summary>
/// Signing checklists through the service against PostgreSQL. Each test has its own programme whose
/// alliance holds one corporation, a member of staff and a representative of that corporation.
/// </summary>
public sealed class SignOffServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>, IAsyncLifetime
{
    private static readonly UserRef Recorder = new(Guid.CreateVersion7(), "Testopzet");

    // The programmes ChecklistTestData creates: started 1-3-2025, for fifteen years.
    private static readonly DateOnly ProgrammeStart = new(2025, 3, 1);
    private static readonly ProgrammeCalendar Calendar = ProgrammeCalendar.For(ProgrammeStart, 15, DateOnly.FromDateTime(DateTime.UtcNow));

    private AsyncServiceScope _staffScope;
    private AsyncServiceScope _partnerScope;
    private ChecklistService _staff = null!;
    private ChecklistService _partnerChecklists = null!;
    private SignOffService _partner = null!;
    private CurrentUser _partnerUser = null!;
    private ProgrammeId _programme;
    private Organisation _corporation = null!;

    private AppFixture App => fixture.App;

    public async Task InitializeAsync()
    {
        _programme = await ChecklistTestData.CreateProgrammeAsync(App);
        _corporation = await CreateOrganisationAsync("Woonstichting");
        await CreateAllianceAsync(_programme, (_corporation.Id, null));
        _staffScope = App.ScopeFor(await App.CreateUserAsync(Role.Programmabureau, null, _programme));
        _staff = App.ServiceFor<ChecklistService>(_staffScope);
        _partnerUser = await App.CreateUserAsync(Role.Alliantiepartner, _corporation.Id.Value, _programme);
        _partnerScope = App.ScopeFor(_partnerUser);
        _partner = App.ServiceFor<SignOffService>(_partnerScope);
        _partnerChecklists = App.ServiceFor<ChecklistService>(_partnerScope);
    }

    public async Task DisposeAsync()
    {
        await _staffScope.DisposeAsync();
        await _partnerScope.DisposeAsync();
    }

    [Fact]
    public async Task SignAsync_ForTheOwnOrganisationInTheAlliance_IsSignedWithSignerTimeAndRemark()
    {
        await ChecklistTestData.AnswerAsync(_staff, _programme, "7.1", "7.1-01", AnswerStatus.Ja);
        var before = DateTimeOffset.UtcNow;
        var opened = (await _partnerChecklists.GetChecklistAsync(_programme, "7.1")).Value!;
        Assert.Equal(_corporation.Name, opened.SignOffs.SignAs);
        Assert.Equal(SignOffState.Expected, Assert.Single(opened.SignOffs.Organisations).State);

        var result = await _partner.SignAsync(_programme, "7.1", new SignOffEditModel { Remark = "Akkoord, met de kanttekening over de avonden.", ReviewedRevision = opened.SignOffs.ReviewedRevision });

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal(_corporation.Name, result.Value!.OrganisationName);
        var reread = (await _partnerChecklists.GetChecklistAsync(_programme, "7.1")).Value!.SignOffs;
        var row = Assert.Single(reread.Organisations);
        Assert.Equal((SignOffState.Signed, _partnerUser.DisplayName, "Akkoord, met de kanttekening over de avonden."), (row.State, row.SignedBy, row.Remark));
        Assert.InRange(row.SignedAt!.Value, before, DateTimeOffset.UtcNow);
        Assert.Null(reread.SignAs);
        Assert.False(Assert.Single(reread.History).IsOutdated);
        Assert.Equal(1, reread.SignedCount);
        Assert.Empty((await _partner.ListToSignAsync()).Value!.Waiting);
    }

    [Fact]
    public async Task SignAsync_ByAPartnerWhoseOrganisationIsNotInTheAlliance_IsRefusedAndStoresNothing()
    {
        await ChecklistTestData.AnswerAsync(_staff, _programme, "7.1", "7.1-01", AnswerStatus.Ja);
        var outsider = await CreateOrganisationAsync("Zorgaanbieder");
        await using var scope = App.ScopeFor(await App.CreateUserAsync(Role.Alliantiepartner, outsider.Id.Value, _programme));
        var opened = (await App.ServiceFor<ChecklistService>(scope).GetChecklistAsync(_programme, "7.1")).Value!;

        var result = await App.ServiceFor<SignOffService>(scope).SignAsync(_programme, "7.1", new SignOffEditModel { ReviewedRevision = opened.SignOffs.ReviewedRevision });

        Assert.Equal(ResultStatus.RuleBroken, result.Status);
        Assert.Equal($"{outsider.Name} neemt nu geen deel aan de alliantie van dit programma en tekent daarom niet af.", result.Message);
        Assert.Null(opened.SignOffs.SignAs);
        Assert.Equal(result.Message, opened.SignOffs.CannotSignReason);
        await using var db = App.Database.CreateContext();
        Assert.Empty((await db.ProgrammeChecklists.SingleAsync(checklist => checklist.ProgrammeId == _programme)).SignOffs);
    }

    [Fact]
    public async Task AnswerAsync_AfterASignature_OutdatesItAndKeepsItInTheHistory_UntilTheOrganisationSignsAgain()
    {
        await ChecklistTestData.AnswerAsync(_staff, _programme, "7.1", "7.1-01", AnswerStatus.Ja);
        await SignAsPartnerAsync("Eerste stand akkoord.");
        var opened = (await _staff.GetChecklistAsync(_programme, "7.1")).Value!;

        var changed = await _staff.AnswerAsync(_programme, "7.1", new AnswerEditModel { QuestionKey = "7.1-01", Status = AnswerStatus.Deels, Version = opened.Version });

        Assert.Equal(SignOffState.Outdated, Assert.Single(changed.Value!.SignOffs!.Organisations).State);
        var seenByStaff = (await _staff.GetChecklistAsync(_programme, "7.1")).Value!.SignOffs;
        var row = Assert.Single(seenByStaff.Organisations);
        Assert.Equal((SignOffState.Outdated, "Eerste stand akkoord."), (row.State, row.Remark));
        Assert.True(Assert.Single(seenByStaff.History).IsOutdated);
        var waiting = Assert.Single((await _partner.ListToSignAsync()).Value!.Waiting);
        Assert.Equal(("7.1", SignOffState.Outdated), (waiting.BuildingBlockCode, waiting.State));

        await SignAsPartnerAsync("Nieuwe stand ook akkoord.");

        var after = (await _staff.GetChecklistAsync(_programme, "7.1")).Value!.SignOffs;
        Assert.Equal(SignOffState.Signed, Assert.Single(after.Organisations).State);
        Assert.Equal([false, true], after.History.Select(signOff => signOff.IsOutdated));
        Assert.Equal(["Nieuwe stand ook akkoord.", "Eerste stand akkoord."], after.History.Select(signOff => signOff.Remark));
    }

    [Fact]
    public async Task SignAsync_OfAStandThatChangedSinceThePageOpened_IsRefusedWithTheDomainsMessage()
    {
        await ChecklistTestData.AnswerAsync(_staff, _programme, "7.1", "7.1-01", AnswerStatus.Ja);
        var opened = (await _partnerChecklists.GetChecklistAsync(_programme, "7.1")).Value!;
        await ChecklistTestData.AnswerAsync(_staff, _programme, "7.1", "7.1-02", AnswerStatus.Nee);

        var result = await _partner.SignAsync(_programme, "7.1", new SignOffEditModel { ReviewedRevision = opened.SignOffs.ReviewedRevision });

        Assert.Equal(ResultStatus.RuleBroken, result.Status);
        Assert.StartsWith("De antwoorden zijn gewijzigd sinds u de checklist opende.", result.Message, StringComparison.Ordinal);
        Assert.Equal(SignOffState.Expected, Assert.Single((await _partnerChecklists.GetChecklistAsync(_programme, "7.1")).Value!.SignOffs.Organisations).State);
    }

    [Fact]
    public async Task SignAsync_WithARemarkThatIsTooLong_IsInvalidForTheRemarkField()
    {
        await ChecklistTestData.AnswerAsync(_staff, _programme, "7.1", "7.1-01", AnswerStatus.Ja);
        var opened = (await _partnerChecklists.GetChecklistAsync(_programme, "7.1")).Value!;

        var result = await _partner.SignAsync(_programme, "7.1", new SignOffEditModel { Remark = new string('x', ChecklistSignOff.RemarkMaxLength + 1), ReviewedRevision = opened.SignOffs.ReviewedRevision });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal([$"De opmerking mag hoogstens {ChecklistSignOff.RemarkMaxLength} tekens hebben."], result.Errors[nameof(SignOffEditModel.Remark)]);
    }

    [Fact]
    public async Task SignAsync_ByAPartnerOfAnotherProgramme_IsForbidden_AndTheirListLeavesThisProgrammeOut()
    {
        await ChecklistTestData.AnswerAsync(_staff, _programme, "7.1", "7.1-01", AnswerStatus.Ja);
        var elsewhere = await ChecklistTestData.CreateProgrammeAsync(App);

        // Same organisation, in this alliance even, but the account is a member of another programme only.
        await using var scope = App.ScopeFor(await App.CreateUserAsync(Role.Alliantiepartner, _corporation.Id.Value, elsewhere));
        var service = App.ServiceFor<SignOffService>(scope);

        var result = await service.SignAsync(_programme, "7.1", new SignOffEditModel { ReviewedRevision = 1 });

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Empty((await service.ListToSignAsync()).Value!.Waiting);
        await using var db = App.Database.CreateContext();
        Assert.Empty((await db.ProgrammeChecklists.SingleAsync(checklist => checklist.ProgrammeId == _programme)).SignOffs);
    }

    [Fact]
    public async Task ListToSignAsync_ContainsExactlyTheAnsweredChecklistsWaitingForTheOrganisation_InProgrammesWhoseAllianceItIsInToday()
    {
        // Here: 4.1 expected, 4.2 signed, 4.3 signed and then changed, 4.4 not started.
        await ChecklistTestData.AnswerAsync(_staff, _programme, "4.1", "4.1-01", AnswerStatus.Ja);
        await ChecklistTestData.AnswerAsync(_staff, _programme, "4.2", "4.2-01", AnswerStatus.Ja);
        await SignAsPartnerAsync(null, "4.2");
        await ChecklistTestData.AnswerAsync(_staff, _programme, "4.3", "4.3-01", AnswerStatus.Ja);
        await SignAsPartnerAsync(null, "4.3");
        await ChecklistTestData.AnswerAsync(_staff, _programme, "4.3", "4.3-02", AnswerStatus.Nee);

        // A programme the partner is a member of, whose alliance the corporation has left.
        var left = await ChecklistTestData.CreateProgrammeAsync(App);
        await CreateAllianceAsync(left, (_corporation.Id, new DateOnly(2025, 12, 31)));
        await App.AddMemberAsync(left, _partnerUser);
        await AnswerAsStaffOfAsync(left, "4.1");

        // A programme whose alliance holds the corporation, but of which the partner is no member.
        var notMine = await ChecklistTestData.CreateProgrammeAsync(App);
        await CreateAllianceAsync(notMine, (_corporation.Id, null));
        await AnswerAsStaffOfAsync(notMine, "4.1");

        var list = await _partner.ListToSignAsync();

        Assert.Equal(ResultStatus.Ok, list.Status);
        Assert.Equal(_corporation.Name, list.Value!.OrganisationName);
        Assert.Equal(
            [(_programme, "4.1", SignOffState.Expected), (_programme, "4.3", SignOffState.Outdated)],
            list.Value.Waiting.Select(item => (item.ProgrammeId, item.BuildingBlockCode, item.State)));
        var first = list.Value.Waiting[0];
        Assert.Equal((Phase.Orienteren, 1), (first.Phase, first.Cycle));
        Assert.False(string.IsNullOrEmpty(first.BuildingBlockTitle));
        Assert.False(string.IsNullOrEmpty(first.ProgrammeName));
    }

    [Fact]
    public async Task ListToSignAsync_ForStaff_IsForbidden()
    {
        Assert.Equal(ResultStatus.Forbidden, (await App.ServiceFor<SignOffService>(_staffScope).ListToSignAsync()).Status);
    }

    private async Task SignAsPartnerAsync(string? remark, string block = "7.1")
    {
        var opened = (await _partnerChecklists.GetChecklistAsync(_programme, block)).Value!;
        var result = await _partner.SignAsync(_programme, block, new SignOffEditModel { Remark = remark ?? string.Empty, ReviewedRevision = opened.SignOffs.ReviewedRevision });
        Assert.True(result.IsOk, result.Message);
    }

    private async Task AnswerAsStaffOfAsync(ProgrammeId programme, string block)
    {
        await using var scope = App.ScopeFor(await App.CreateUserAsync(Role.Programmabureau, null, programme));
        await ChecklistTestData.AnswerAsync(App.ServiceFor<ChecklistService>(scope), programme, block, $"{block}-01", AnswerStatus.Ja);
    }

    private async Task<Organisation> CreateOrganisationAsync(string kind)
    {
        var organisation = Organisation.Create($"{kind} {Guid.NewGuid():N}"[..30], OrganisationType.Woningcorporatie, DateTimeOffset.UtcNow);
        await using var db = App.Database.CreateContext();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    private async Task CreateAllianceAsync(ProgrammeId programme, params (OrganisationId Organisation, DateOnly? Until)[] members)
    {
        var alliance = Alliance.Form(programme, DateTimeOffset.UtcNow);
        foreach (var (organisation, until) in members)
        {
            alliance.Join(new MembershipInput(organisation, AllianceRole.Kernpartner, AllianceLevel.Tactisch, ProgrammeStart, until, null, []), Calendar, Recorder, DateTimeOffset.UtcNow);
        }

        await using var db = App.Database.CreateContext();
        db.Alliances.Add(alliance);
        await db.SaveChangesAsync();
    }
}
