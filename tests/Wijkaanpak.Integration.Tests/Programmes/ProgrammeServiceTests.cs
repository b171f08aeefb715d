using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Programmes;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Integration.Tests.Programmes;

public sealed class ProgrammeServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>, IAsyncLifetime
{
    private AsyncServiceScope _scope;
    private ProgrammeService _service = null!;

    private AppFixture App => fixture.App;

    public async Task InitializeAsync()
    {
        // Each test is a staff member of their own: they see only the programmes they create.
        var staff = await App.CreateUserAsync(Role.Programmabureau);
        _scope = App.ScopeFor(staff);
        _service = App.ServiceFor<ProgrammeService>(_scope);
    }

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    private static ProgrammeEditModel ValidModel() => new()
    {
        Name = "Samen Sterk Zuidwest",
        Municipality = "Den Haag",
        AreaCodes = "WK051841, BU05184101",
        Urgency = UrgencyKind.Meervoudig,
        StartDate = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Unspecified),
        HorizonYears = 15,
        Description = "Een wijkaanpak voor Zuidwest.",
    };

    [Fact]
    public async Task GetOverviewAsync_SummarisesTheAllianceAndContractAsStored()
    {
        // Started long enough ago for members of five years and a contract signed three years ago.
        var model = ValidModel();
        model.StartDate = new DateTime(DateTime.UtcNow.Year - 6, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var programme = (await _service.CreateAsync(model)).Value;
        Assert.Null((await _service.GetOverviewAsync(programme)).Value!.Alliance);
        var recorder = new UserRef(Guid.CreateVersion7(), "Testdata");
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var calendar = ProgrammeCalendar.For(DateOnly.FromDateTime(model.StartDate.Value), model.HorizonYears!.Value, today);
        await using (var db = App.Database.CreateContext())
        {
            var gemeente = Organisation.Create($"Gemeente {Guid.NewGuid():N}", OrganisationType.Gemeente, now);
            var corporatie = Organisation.Create($"Corporatie {Guid.NewGuid():N}", OrganisationType.Woningcorporatie, now);
            var politie = Organisation.Create($"Politie {Guid.NewGuid():N}", OrganisationType.Politie, now);
            var alliance = Alliance.Form(programme, now);
            alliance.Join(new MembershipInput(gemeente.Id, AllianceRole.Voorzitter, AllianceLevel.Bestuurlijk, today.AddYears(-5), null, null, []), calendar, recorder, now);
            alliance.Join(new MembershipInput(corporatie.Id, AllianceRole.LidAlliantiebestuur, AllianceLevel.Bestuurlijk, today.AddYears(-5), null, null, []), calendar, recorder, now);
            alliance.Join(new MembershipInput(corporatie.Id, AllianceRole.Kernpartner, AllianceLevel.Tactisch, today.AddYears(-5), null, null, []), calendar, recorder, now);
            var left = alliance.Join(new MembershipInput(politie.Id, AllianceRole.LidAlliantiebestuur, AllianceLevel.Bestuurlijk, today.AddYears(-5), null, null, []), calendar, recorder, now);
            alliance.EndMembership(left.Id, today.AddDays(-1), null, calendar, now);
            alliance.RecordParticipationLevel(ParticipationLevel.C, today.AddYears(-1), "Partnerraad met bewoners.", calendar, recorder, now);

            var contract = LocalContract.Draw(programme, ContractKind.Pact, "Pact", new ContractSections("Samen.", null, null, null), 3, now);
            contract.SetCommitment(1, new CommitmentInput(gemeente.Id, gemeente.Name, [], 1m, null), now);
            contract.SetCommitment(1, new CommitmentInput(corporatie.Id, corporatie.Name, [], 1m, null), now);
            var signedOn = today.AddYears(-3).AddMonths(2);
            contract.RecordSignature(1, new ContractSignatureInput(gemeente.Id, "W", null, signedOn), recorder, calendar, now);
            contract.RecordSignature(1, new ContractSignatureInput(corporatie.Id, "D", null, signedOn), recorder, calendar, now);
            contract.Revise("Evaluatie.", now);
            db.AddRange(gemeente, corporatie, politie, alliance, contract);
            await db.SaveChangesAsync();
        }

        var overview = (await _service.GetOverviewAsync(programme)).Value!;

        Assert.Equal(new AllianceSummary(2, 2, ParticipationLevel.C), overview.Alliance);
        var summary = overview.Contract!;
        Assert.Equal((ContractKind.Pact, 1, 2), (summary.Kind, summary.InForceNumber, summary.DraftNumber));
        Assert.Equal(today.AddMonths(2), summary.EvaluationDue);
        Assert.Equal(EvaluationWarning.Near, summary.Warning);
    }

    [Fact]
    public async Task CreateAsync_WithValidModel_RoundTripsThroughListOverviewAndEdit()
    {
        var created = await _service.CreateAsync(ValidModel());

        Assert.Equal(ResultStatus.Ok, created.Status);
        var listed = Assert.Single(await _service.ListAsync());
        Assert.Equal(created.Value, listed.Id);
        Assert.Equal(["WK051841", "BU05184101"], listed.AreaCodes);
        Assert.Equal(Phase.Orienteren, listed.CurrentPhase);

        var overview = (await _service.GetOverviewAsync(created.Value)).Value!;
        Assert.Equal("Samen Sterk Zuidwest", overview.Name);
        Assert.Equal("Den Haag", overview.Municipality);
        Assert.Equal(UrgencyKind.Meervoudig, overview.Urgency);
        Assert.Equal(new DateOnly(2025, 3, 1), overview.StartDate);
        Assert.Equal(new DateOnly(2040, 3, 1), overview.PlannedEndDate);
        Assert.Equal((Phase.Orienteren, 1), (overview.CurrentPhase, overview.Cycle));

        var edit = (await _service.GetForEditAsync(created.Value)).Value!;
        Assert.Equal("WK051841, BU05184101", edit.AreaCodes);
        Assert.NotEqual(0u, edit.Version);
    }

    [Fact]
    public async Task UpdateAsync_WithValidModel_StoresTheChange()
    {
        var id = (await _service.CreateAsync(ValidModel())).Value;
        var edit = (await _service.GetForEditAsync(id)).Value!;
        edit.Name = "Zuidwest Verder";
        edit.HorizonYears = 20;

        var saved = await _service.UpdateAsync(id, edit);

        Assert.Equal(ResultStatus.Ok, saved.Status);
        var stored = (await _service.GetForEditAsync(id)).Value!;
        Assert.Equal("Zuidwest Verder", stored.Name);
        Assert.Equal(20, stored.HorizonYears);
        Assert.Equal(saved.Value, stored.Version);
    }

    public static TheoryData<string, Action<ProgrammeEditModel>, string> InvalidFields => new()
    {
        { nameof(ProgrammeEditModel.Name), model => model.Name = " ", "Vul de naam van het programma in." },
        { nameof(ProgrammeEditModel.Name), model => model.Name = new string('x', 201), "De naam mag hoogstens 200 tekens hebben." },
        { nameof(ProgrammeEditModel.Municipality), model => model.Municipality = "", "Vul de gemeente in." },
        { nameof(ProgrammeEditModel.AreaCodes), model => model.AreaCodes = "", "Noem ten minste één gebied met een CBS-code, bijvoorbeeld WK036301." },
        { nameof(ProgrammeEditModel.AreaCodes), model => model.AreaCodes = "WK0518, Zuidwest", "Geen geldige gebiedscode: WK0518, Zuidwest." },
        { nameof(ProgrammeEditModel.Urgency), model => model.Urgency = null, "Kies het soort urgentie." },
        { nameof(ProgrammeEditModel.StartDate), model => model.StartDate = null, "Vul de startdatum in." },
        { nameof(ProgrammeEditModel.StartDate), model => model.StartDate = new DateTime(9999, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), $"De startdatum ligt tussen 2000 en {DateTime.UtcNow.Year + Programme.MaxStartYearsAhead}." },
        { nameof(ProgrammeEditModel.HorizonYears), model => model.HorizonYears = 9, "Een wijkaanpak loopt 10 tot 20 jaar." },
        { nameof(ProgrammeEditModel.HorizonYears), model => model.HorizonYears = null, "Vul de looptijd in jaren in." },
        { nameof(ProgrammeEditModel.Description), model => model.Description = new string('x', 4001), "De omschrijving mag hoogstens 4000 tekens hebben." },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task CreateAsync_WithAnInvalidField_ReportsItNextToThatFieldAndStoresNothing(string field, Action<ProgrammeEditModel> spoil, string message)
    {
        var model = ValidModel();
        spoil(model);
        var before = await CountProgrammesAsync();

        var result = await _service.CreateAsync(model);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var fieldMessages = Assert.Contains(field, result.Errors);
        Assert.Contains(fieldMessages, text => text.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal([field], result.Errors.Keys);
        Assert.Empty(await _service.ListAsync());
        Assert.Equal(before, await CountProgrammesAsync());
    }

    private async Task<int> CountProgrammesAsync()
    {
        await using var db = App.Database.CreateContext();
        return await db.Programmes.CountAsync();
    }

    [Fact]
    public async Task UpdateAsync_WithAnInvalidField_LeavesTheStoredProgrammeUnchanged()
    {
        var id = (await _service.CreateAsync(ValidModel())).Value;
        var edit = (await _service.GetForEditAsync(id)).Value!;
        edit.Name = "Nieuwe naam";
        edit.AreaCodes = "geen code";

        var result = await _service.UpdateAsync(id, edit);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("Samen Sterk Zuidwest", (await _service.GetForEditAsync(id)).Value!.Name);
    }

    [Fact]
    public async Task UpdateAsync_WhenSomeoneElseSavedFirst_IsAConflictAndKeepsTheirSave()
    {
        var id = (await _service.CreateAsync(ValidModel())).Value;
        var first = (await _service.GetForEditAsync(id)).Value!;
        var second = (await _service.GetForEditAsync(id)).Value!;
        first.Name = "Eerste wijziging";
        second.Name = "Tweede wijziging";

        var firstSave = await _service.UpdateAsync(id, first);
        var secondSave = await _service.UpdateAsync(id, second);

        Assert.Equal(ResultStatus.Ok, firstSave.Status);
        Assert.Equal(ResultStatus.Conflict, secondSave.Status);
        Assert.Contains("gewijzigd nadat u het opende", secondSave.Message, StringComparison.Ordinal);
        Assert.Equal("Tweede wijziging", second.Name);
        Assert.Equal("Eerste wijziging", (await _service.GetForEditAsync(id)).Value!.Name);
        var difference = Assert.Single(secondSave.Differences);
        Assert.Equal(("Naam van het programma", "Eerste wijziging", "Tweede wijziging"), (difference.Label, difference.Stored, difference.Yours));
    }

    [Fact]
    public async Task GetOverviewAsync_ForAnUnknownId_IsNotFoundForABeheerder()
    {
        await using var scope = App.ScopeFor(await App.CreateUserAsync(Role.Beheerder));

        var result = await App.ServiceFor<ProgrammeService>(scope).GetOverviewAsync(ProgrammeId.New());

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal("Dit programma bestaat niet (meer).", result.Message);
    }

    [Fact]
    public async Task GetOverviewAsync_ForAnotherProgramme_IsForbiddenWithoutSayingWhetherItExists()
    {
        var othersProgramme = (await _service.CreateAsync(ValidModel())).Value;
        await using var scope = App.ScopeFor(await App.CreateUserAsync(Role.Programmabureau));
        var outsider = App.ServiceFor<ProgrammeService>(scope);

        Assert.Equal(ResultStatus.Forbidden, (await outsider.GetOverviewAsync(othersProgramme)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await outsider.GetOverviewAsync(ProgrammeId.New())).Status);
        Assert.DoesNotContain(await outsider.ListAsync(), programme => programme.Id == othersProgramme);
    }

    [Fact]
    public async Task ListAsync_OrdersProgrammesByName()
    {
        foreach (var name in new[] { "Noord", "Centrum", "Zuid" })
        {
            var model = ValidModel();
            model.Name = name;
            await _service.CreateAsync(model);
        }

        Assert.Equal(["Centrum", "Noord", "Zuid"], (await _service.ListAsync()).Select(programme => programme.Name));
    }
}
