using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Organisations;
using static Wijkaanpak.Domain.Tests.TestData;

namespace Wijkaanpak.Domain.Tests;

public sealed class LocalContractTests
{
    private static readonly OrganisationId CorporationId = new(Corporation);
    private static readonly OrganisationId MunicipalityId = new(Municipality);

    private static readonly ContractSections Sections = new(
        "Wij werken samen en additioneel.",
        "Kansrijk opgroeien, meedoen, veilig wonen.",
        "Partijen dragen jaarlijks bij volgens de bijlage.",
        "Een onafhankelijk programmabureau voert de regie.");

    private static LocalContract DraftWithTwoParties()
    {
        var contract = LocalContract.Draw(NewProgramme().Id, ContractKind.Convenant, "Wijkdeal Zuidwest", Sections, 4, Now);
        contract.SetCommitment(1, new CommitmentInput(MunicipalityId, "Gemeente", [new YearlyAmount(2026, 1_500_000m), new YearlyAmount(2027, 1_500_000m)], 3.5m, null), Now);
        contract.SetCommitment(1, new CommitmentInput(CorporationId, "Woonstichting", [new YearlyAmount(2026, 750_000m)], 1m, "Wijkbeheerders"), Now);
        return contract;
    }

    private static ContractSignatureInput Signature(OrganisationId organisation, DateOnly? on = null) =>
        new(organisation, "J. Jansen", "Wethouder", on ?? Today.AddDays(-7));

    private static LocalContract Signed()
    {
        var contract = DraftWithTwoParties();
        contract.RecordSignature(1, Signature(MunicipalityId, Today.AddDays(-8)), Staff, Calendar, Now);
        contract.RecordSignature(1, Signature(CorporationId, Today.AddDays(-7)), Staff, Calendar, Now);
        return contract;
    }

    [Fact]
    public void RecordSignature_ByTheLastParty_SignsAndFreezesTheVersion()
    {
        var contract = DraftWithTwoParties();

        contract.RecordSignature(1, Signature(MunicipalityId, Today.AddDays(-8)), Staff, Calendar, Now);
        Assert.Equal(ContractVersionStatus.Concept, contract.Latest.Status);
        contract.RecordSignature(1, Signature(CorporationId, Today.AddDays(-7)), Staff, Calendar, Now);

        var version = contract.Latest;
        Assert.Equal(ContractVersionStatus.Ondertekend, version.Status);
        Assert.True(version.IsFrozen);
        Assert.Equal(Today.AddDays(-7), version.SignedOn);
        Assert.Equal(Today.AddDays(-7).AddYears(4), version.EvaluationDue);
        Assert.Same(version, contract.InForce);
    }

    [Fact]
    public void ASignedVersion_CannotChange()
    {
        var contract = Signed();

        Assert.Equal("SignedVersionFrozen", Rule(() => contract.EditDraft(1, ContractKind.Pact, "Anders", Sections, 3, Now)));
        Assert.Equal("SignedVersionFrozen", Rule(() => contract.SetCommitment(1, new CommitmentInput(CorporationId, "Woonstichting", [], 9m, null), Now)));
        Assert.Equal("SignedVersionFrozen", Rule(() => contract.RemoveParty(1, CorporationId, Now)));
        Assert.Equal("Wijkdeal Zuidwest", contract.Latest.Title);
        Assert.Equal(1m, contract.Latest.Commitments.Single(commitment => commitment.OrganisationId == CorporationId).Fte);
    }

    [Fact]
    public void Revise_StartsANewConceptWithTheSamePartiesAndNoSignatures()
    {
        var contract = Signed();

        var revision = contract.Revise("Evaluatie na drie jaar: nieuwe ambitie veiligheid.", Now);

        Assert.Equal(2, revision.Number);
        Assert.Equal(ContractVersionStatus.Concept, revision.Status);
        Assert.Equal(2, revision.Commitments.Count);
        Assert.Empty(revision.Signatures);
        Assert.Equal(ContractVersionStatus.Ondertekend, contract.VersionNumbered(1).Status);
    }

    [Fact]
    public void SigningARevision_MarksThePreviousVersionRevised()
    {
        var contract = Signed();
        contract.Revise("Nieuwe partij.", Now);

        contract.RecordSignature(2, Signature(MunicipalityId), Staff, Calendar, Now);
        contract.RecordSignature(2, Signature(CorporationId), Staff, Calendar, Now);

        Assert.Equal(ContractVersionStatus.Herzien, contract.VersionNumbered(1).Status);
        Assert.Equal(2, contract.InForce!.Number);
    }

    [Fact]
    public void Revise_WhileAConceptIsOpen_IsRefused()
    {
        var contract = DraftWithTwoParties();

        Assert.Equal("OneConceptAtATime", Rule(() => contract.Revise("Nog een.", Now)));
    }

    [Fact]
    public void RecordSignature_ByAnOrganisationThatIsNoParty_IsRefused()
    {
        var contract = DraftWithTwoParties();

        Assert.Equal("SignatoryMustBeParty", Rule(() => contract.RecordSignature(1, Signature(new OrganisationId(Guid.CreateVersion7())), Staff, Calendar, Now)));
    }

    [Fact]
    public void RecordSignature_InTheFuture_IsRefused()
    {
        var contract = DraftWithTwoParties();

        Assert.Equal("SignatureDatePlausible", Rule(() => contract.RecordSignature(1, Signature(MunicipalityId, Today.AddDays(1)), Staff, Calendar, Now)));
    }

    [Fact]
    public void RecordSignature_WithOnlyOneParty_IsRefused()
    {
        var contract = LocalContract.Draw(NewProgramme().Id, ContractKind.Pact, "Pact", Sections, 3, Now);
        contract.SetCommitment(1, new CommitmentInput(MunicipalityId, "Gemeente", [], 1m, null), Now);

        Assert.Equal("ContractNeedsTwoParties", Rule(() => contract.RecordSignature(1, Signature(MunicipalityId), Staff, Calendar, Now)));
    }

    [Fact]
    public void SetCommitment_OfAPartyThatSigned_AsksForItsSignatureAgain()
    {
        var contract = DraftWithTwoParties();
        contract.RecordSignature(1, Signature(MunicipalityId), Staff, Calendar, Now);

        contract.SetCommitment(1, new CommitmentInput(MunicipalityId, "Gemeente", [new YearlyAmount(2026, 1_000_000m)], 3.5m, null), Now);

        Assert.Empty(contract.Latest.Signatures);
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(10_000_000_001, 1)]
    [InlineData(100, -0.5)]
    public void SetCommitment_WithImplausibleFigures_IsRefused(decimal euros, decimal fte)
    {
        var contract = DraftWithTwoParties();

        Assert.StartsWith("Commitment", Rule(() => contract.SetCommitment(1, new CommitmentInput(CorporationId, "Woonstichting", [new YearlyAmount(2026, euros)], fte, null), Now)));
    }

    [Fact]
    public void SetCommitment_TwoAmountsForOneYear_IsRefused()
    {
        var contract = DraftWithTwoParties();

        Assert.Equal("CommitmentOneAmountPerYear", Rule(() => contract.SetCommitment(1, new CommitmentInput(CorporationId, "Woonstichting", [new YearlyAmount(2026, 1m), new YearlyAmount(2026, 2m)], 0m, null), Now)));
    }

    [Theory]
    [InlineData(-1, EvaluationWarning.Overdue)]
    [InlineData(200, EvaluationWarning.None)]
    [InlineData(100, EvaluationWarning.Near)]
    [InlineData(0, EvaluationWarning.Near)]
    [InlineData(-2000, EvaluationWarning.Overdue)]
    public void EvaluationWarningOn_ComparesTheDueDateWithToday(int daysUntilDueFromToday, EvaluationWarning expected)
    {
        var contract = Signed();
        var due = contract.Latest.EvaluationDue!.Value;
        var today = due.AddDays(-daysUntilDueFromToday);

        Assert.Equal(expected, contract.Latest.EvaluationWarningOn(today));
    }

    [Fact]
    public void Draw_WithAnEvaluationAfterFiveYears_IsRefused()
    {
        Assert.Equal("ContractEvaluationAfterThreeOrFourYears", Rule(() => LocalContract.Draw(NewProgramme().Id, ContractKind.Contract, "Contract", Sections, 5, Now)));
    }
}
