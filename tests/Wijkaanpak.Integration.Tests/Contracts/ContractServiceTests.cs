using System.Text;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf.IO;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Contracts;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Integration.Tests.Contracts;

public sealed class ContractServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    // A name of its own per test: the tests share one database.
    private readonly string _programmeName = $"Noordstad {Guid.NewGuid().ToString()[..6]}";

    private AppFixture App => fixture.App;

    [Fact]
    public async Task WhenEveryPartyHasSigned_TheVersionIsOndertekend_AndEveryFurtherEditIsRefusedWithNothingChanged()
    {
        var (programme, staff, _, municipality, corporation) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);
        var contracts = App.ServiceFor<ContractService>(scope);
        Assert.True((await contracts.DrawAsync(programme, Draft())).IsOk);
        Assert.True((await contracts.SetCommitmentAsync(programme, 1, await OpenedNowAsync(contracts, programme, Commitment(municipality, (2026, 1_200_000m), (2027, 1_000_000m))))).IsOk);
        Assert.True((await contracts.SetCommitmentAsync(programme, 1, await OpenedNowAsync(contracts, programme, Commitment(corporation, (2026, 300_000m))))).IsOk);

        Assert.True((await contracts.RecordSignatureAsync(programme, 1, await OpenedNowAsync(contracts, programme, Signature(municipality, new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Unspecified))))).IsOk);
        var halfway = (await contracts.GetAsync(programme)).Value!.Contract!.Versions.Single();
        Assert.Equal(ContractVersionStatus.Concept, halfway.Status);
        Assert.Equal([corporation.Value], halfway.UnsignedParties.Select(party => party.OrganisationId));
        Assert.True((await contracts.RecordSignatureAsync(programme, 1, await OpenedNowAsync(contracts, programme, Signature(corporation, new DateTime(2026, 3, 9, 0, 0, 0, DateTimeKind.Unspecified))))).IsOk);

        var signed = (await contracts.GetAsync(programme)).Value!.Contract!;
        var version = signed.Versions.Single();
        Assert.Equal(ContractVersionStatus.Ondertekend, version.Status);
        Assert.Equal(1, signed.InForceNumber);
        Assert.Equal(new DateOnly(2026, 3, 9), version.SignedOn);
        Assert.Equal(new DateOnly(2030, 3, 9), version.EvaluationDue);
        Assert.Equal(2_200_000m, version.Commitments.Single(commitment => commitment.OrganisationId == municipality.Value).TotalEuros);
        Assert.Equal(staff.DisplayName, version.Signatures[0].RecordedBy);

        var edits = new[]
        {
            await contracts.EditDraftAsync(programme, 1, await OpenedNowAsync(contracts, programme, Draft("Andere titel"))),
            await contracts.SetCommitmentAsync(programme, 1, await OpenedNowAsync(contracts, programme, Commitment(municipality, (2026, 1m)))),
            await contracts.RemovePartyAsync(programme, 1, corporation.Value, signed.Version),
            await contracts.RecordSignatureAsync(programme, 1, await OpenedNowAsync(contracts, programme, Signature(municipality, new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Unspecified)))),
        };
        Assert.All(edits, edit => Assert.Equal(ResultStatus.RuleBroken, edit.Status));
        Assert.All(edits, edit => Assert.Contains("verandert niet meer", edit.Message, StringComparison.Ordinal));

        var after = (await contracts.GetAsync(programme)).Value!.Contract!;
        Assert.Equal(signed.Version, after.Version);
        Assert.Equal(version.Title, after.Versions.Single().Title);
        Assert.Equal(
            version.Commitments.Select(commitment => (commitment.OrganisationId, commitment.TotalEuros)),
            after.Versions.Single().Commitments.Select(commitment => (commitment.OrganisationId, commitment.TotalEuros)));
        Assert.Equal(2, after.Versions.Single().Signatures.Count);
    }

    [Fact]
    public async Task APartner_SetsTheCommitmentOfTheirOwnOrganisation_AndNeverAnothers()
    {
        var (programme, staff, partner, municipality, corporation) = await ArrangeAsync();
        await using (var staffScope = App.ScopeFor(staff))
        {
            Assert.True((await App.ServiceFor<ContractService>(staffScope).DrawAsync(programme, Draft())).IsOk);
        }

        await using var scope = App.ScopeFor(partner);
        var contracts = App.ServiceFor<ContractService>(scope);

        var own = await contracts.SetCommitmentAsync(programme, 1, await OpenedNowAsync(contracts, programme, Commitment(corporation, (2026, 250_000m))));
        var foreign = await contracts.SetCommitmentAsync(programme, 1, await OpenedNowAsync(contracts, programme, Commitment(municipality, (2026, 9_999_999m))));
        var foreignSignature = await contracts.RecordSignatureAsync(programme, 1, await OpenedNowAsync(contracts, programme, Signature(municipality, new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Unspecified))));
        var removal = await contracts.RemovePartyAsync(programme, 1, corporation.Value, (await contracts.GetAsync(programme)).Value!.Contract!.Version);

        Assert.True(own.IsOk);
        Assert.Equal(ResultStatus.Forbidden, foreign.Status);
        Assert.Equal(ResultStatus.Forbidden, foreignSignature.Status);
        Assert.Equal(ResultStatus.Forbidden, removal.Status);
        var view = (await contracts.GetAsync(programme)).Value!;
        var party = Assert.Single(view.Contract!.Versions.Single().Commitments);
        Assert.Equal(corporation.Value, party.OrganisationId);
        Assert.Equal(250_000m, party.TotalEuros);
        Assert.Equal([corporation.Value], view.Organisations.Select(organisation => organisation.Id));
        Assert.True(view.MayActFor(corporation.Value));
        Assert.False(view.MayActFor(municipality.Value));
        Assert.False(view.CanEdit);
    }

    [Fact]
    public async Task ASaveFromAStaleScreen_IsAConflict_AndKeepsWhatTheOtherPersonSaved()
    {
        var (programme, staff, _, _, _) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);
        var contracts = App.ServiceFor<ContractService>(scope);
        Assert.True((await contracts.DrawAsync(programme, Draft())).IsOk);
        var first = await OpenedNowAsync(contracts, programme, Draft("Wijkdeal Noord"));
        var second = await OpenedNowAsync(contracts, programme, Draft("Pact voor Noord"));

        Assert.True((await contracts.EditDraftAsync(programme, 1, first)).IsOk);
        var stale = await contracts.EditDraftAsync(programme, 1, second);

        Assert.Equal(ResultStatus.Conflict, stale.Status);
        Assert.Contains("intussen gewijzigd", stale.Message, StringComparison.Ordinal);
        Assert.Equal("Wijkdeal Noord", (await contracts.GetAsync(programme)).Value!.Contract!.Versions.Single().Title);
    }

    [Fact]
    public async Task Revise_NeedsAReason_AndStartsAConceptWithTheTextAndPartiesOfTheVersionInForce()
    {
        var (programme, staff, _, municipality, corporation) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);
        var contracts = App.ServiceFor<ContractService>(scope);
        await SignedContractAsync(contracts, programme, municipality, corporation, Draft());

        var withoutReason = await contracts.ReviseAsync(programme, await OpenedNowAsync(contracts, programme, new RevisionEditModel()));
        var revised = await contracts.ReviseAsync(programme, await OpenedNowAsync(contracts, programme, new RevisionEditModel { Reason = "Evaluatie na vier jaar: nieuwe periode van inzet." }));

        Assert.Equal(ResultStatus.Invalid, withoutReason.Status);
        Assert.Contains(nameof(RevisionEditModel.Reason), withoutReason.Errors.Keys);
        Assert.True(revised.IsOk);
        var contract = (await contracts.GetAsync(programme)).Value!.Contract!;
        Assert.Equal([ContractVersionStatus.Ondertekend, ContractVersionStatus.Concept], contract.Versions.Select(version => version.Status));
        Assert.Equal(1, contract.InForceNumber);
        var draft = contract.Draft!;
        Assert.Equal("Evaluatie na vier jaar: nieuwe periode van inzet.", draft.ChangeNote);
        Assert.Equal(2, draft.Commitments.Count);
        Assert.Empty(draft.Signatures);
    }

    [Fact]
    public async Task ThePdfOfASignedVersion_IsAPdfWithTheProgrammePartiesAndPageNumbers_AndLongPartsFlowOverPages()
    {
        var (programme, staff, _, municipality, corporation) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);
        var contracts = App.ServiceFor<ContractService>(scope);
        var longText = string.Join("\n\n", Enumerable.Range(1, 40).Select(paragraph =>
            $"Afspraak {paragraph}: de partners zetten zich gezamenlijk in voor de wijk en leggen elk jaar verantwoording af aan het alliantiebestuur over wat is bereikt."));
        var draft = Draft();
        draft.Principles = longText;
        await SignedContractAsync(contracts, programme, municipality, corporation, draft);
        Assert.Equal(ResultStatus.NotFound, (await contracts.GetPdfAsync(programme, 2)).Status);

        var result = await contracts.GetPdfAsync(programme, 1);

        Assert.True(result.IsOk, result.Message);
        var pdf = result.Value!;
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf.Content, 0, 4));
        Assert.EndsWith("-versie-1.pdf", pdf.FileName, StringComparison.Ordinal);
        using var document = PdfReader.Open(new MemoryStream(pdf.Content), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 2, $"De lange uitgangspunten horen over meer pagina's te lopen; het zijn er {document.PageCount}.");
        var text = PdfText.Of(document);
        Assert.Contains(_programmeName, text, StringComparison.Ordinal);
        Assert.Contains("Gemeente Noordstad", text, StringComparison.Ordinal);
        Assert.Contains("1.200.000", text, StringComparison.Ordinal);
        Assert.Contains("Afspraak 40:", text, StringComparison.Ordinal);
        Assert.Contains($"pagina {document.PageCount} van {document.PageCount}", text, StringComparison.Ordinal);
        Assert.Contains("W. Wethouder", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConcept_HasNoPdf()
    {
        var (programme, staff, _, _, _) = await ArrangeAsync();
        await using var scope = App.ScopeFor(staff);
        var contracts = App.ServiceFor<ContractService>(scope);
        Assert.True((await contracts.DrawAsync(programme, Draft())).IsOk);

        Assert.Equal(ResultStatus.NotFound, (await contracts.GetPdfAsync(programme, 1)).Status);
    }

    private async Task<(ProgrammeId Programme, CurrentUser Staff, CurrentUser Partner, OrganisationId Municipality, OrganisationId Corporation)> ArrangeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var programme = Programme.Create(new ProgrammeDetails(_programmeName, "Gemeente Noordstad", ["WK099901"], UrgencyKind.Sluimerend, new DateOnly(2026, 1, 1), 15, null), now);
        var municipality = Organisation.Create($"Gemeente Noordstad {Guid.NewGuid():N}"[..30], OrganisationType.Gemeente, now);
        var corporation = Organisation.Create($"Woonstichting {Guid.NewGuid():N}", OrganisationType.Woningcorporatie, now);
        await using (var db = App.Database.CreateContext())
        {
            db.AddRange(programme, municipality, corporation);
            await db.SaveChangesAsync();
        }

        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme.Id);
        var partner = await App.CreateUserAsync(Role.Alliantiepartner, corporation.Id.Value, programme.Id);
        return (programme.Id, staff, partner, municipality.Id, corporation.Id);
    }

    private static async Task SignedContractAsync(ContractService contracts, ProgrammeId programme, OrganisationId municipality, OrganisationId corporation, ContractDraftEditModel draft)
    {
        Assert.True((await contracts.DrawAsync(programme, draft)).IsOk);
        Assert.True((await contracts.SetCommitmentAsync(programme, 1, await OpenedNowAsync(contracts, programme, Commitment(municipality, (2026, 1_200_000m), (2027, 1_200_000m))))).IsOk);
        Assert.True((await contracts.SetCommitmentAsync(programme, 1, await OpenedNowAsync(contracts, programme, Commitment(corporation, (2026, 400_000m))))).IsOk);
        Assert.True((await contracts.RecordSignatureAsync(programme, 1, await OpenedNowAsync(contracts, programme, Signature(municipality, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Unspecified))))).IsOk);
        Assert.True((await contracts.RecordSignatureAsync(programme, 1, await OpenedNowAsync(contracts, programme, Signature(corporation, new DateTime(2026, 2, 3, 0, 0, 0, DateTimeKind.Unspecified))))).IsOk);
    }

    /// <summary>As a form opened now: it carries the contract's current version.</summary>
    private static async Task<TModel> OpenedNowAsync<TModel>(ContractService contracts, ProgrammeId programme, TModel model)
        where TModel : IContractEdit
    {
        model.Version = (await contracts.GetAsync(programme)).Value!.Contract!.Version;
        return model;
    }

    private static ContractDraftEditModel Draft(string title = "Wijkdeal Noordstad") => new()
    {
        Kind = ContractKind.Convenant,
        Title = title,
        Principles = "Partners doen wat zij afspreken en spreken elkaar daarop aan.",
        AmbitionsAndPriorities = "Kansrijk opgroeien en veilig wonen.",
        FinancialAgreements = "Ieder draagt bij volgens de tabel van inzet.",
        ProcessDirection = "Het programmabureau voert de regie.",
        EvaluateAfterYears = 4,
    };

    private static CommitmentEditModel Commitment(OrganisationId organisation, params (int Year, decimal Euros)[] amounts) => new()
    {
        OrganisationId = organisation.Value,
        Amounts = amounts.Select(amount => new YearlyAmountEditModel { Year = amount.Year, Euros = amount.Euros }).ToList(),
        Fte = 1.5m,
        OtherCapacity = "Wijkbeheerders",
    };

    private static SignatureEditModel Signature(OrganisationId organisation, DateTime signedOn) => new()
    {
        OrganisationId = organisation.Value,
        SignatoryName = "W. Wethouder",
        SignatoryFunction = "Wethouder",
        SignedOn = signedOn,
    };
}
