using System.Globalization;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Contracts;

/// <summary>The contract page: the programme, its contract (if drawn), and what this user may do.</summary>
public sealed record ContractPageView(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    ContractView? Contract,
    IReadOnlyList<PartyChoice> Organisations,
    bool CanEdit,
    bool CanRecordCommitment,
    Guid? OnlyForOrganisation)
{
    /// <summary>Whether this user may set the commitment of, or record the signature for, the organisation.</summary>
    public bool MayActFor(Guid organisationId) => CanRecordCommitment && (OnlyForOrganisation is null || OnlyForOrganisation == organisationId);
}

public sealed record PartyChoice(Guid Id, string Name);

public sealed record ContractView(
    uint Version,
    IReadOnlyList<ContractVersionView> Versions,
    int? InForceNumber,
    EvaluationWarning InForceWarning)
{
    public ContractVersionView? InForce => Versions.SingleOrDefault(version => version.Number == InForceNumber);

    public ContractVersionView? Draft => Versions.SingleOrDefault(version => version.Status == ContractVersionStatus.Concept);
}

public sealed record ContractVersionView(
    int Number,
    ContractVersionStatus Status,
    ContractKind Kind,
    string Title,
    string Principles,
    string AmbitionsAndPriorities,
    string FinancialAgreements,
    string ProcessDirection,
    string ChangeNote,
    int EvaluateAfterYears,
    DateOnly? SignedOn,
    DateOnly? EvaluationDue,
    IReadOnlyList<CommitmentView> Commitments,
    IReadOnlyList<SignatureView> Signatures)
{
    public bool IsConcept => Status == ContractVersionStatus.Concept;

    /// <summary>Every calendar year any party commits money for, in order: the columns of the table of commitments.</summary>
    public IReadOnlyList<int> Years => Commitments.SelectMany(commitment => commitment.Amounts).Select(amount => amount.Year).Distinct().Order().ToList();

    public IEnumerable<CommitmentView> UnsignedParties =>
        Commitments.Where(commitment => Signatures.All(signature => signature.OrganisationId != commitment.OrganisationId));

    /// <summary>The four parts with their Dutch headings, in the order of the handbook.</summary>
    public IReadOnlyList<(string Heading, string Text)> Sections =>
    [
        ("Uitgangspunten", Principles),
        ("Ambities en prioriteiten", AmbitionsAndPriorities),
        ("Financiële afspraken", FinancialAgreements),
        ("Procesregie", ProcessDirection),
    ];
}

public sealed record CommitmentView(Guid OrganisationId, string OrganisationName, IReadOnlyList<YearlyAmount> Amounts, decimal TotalEuros, decimal Fte, string OtherCapacity)
{
    public decimal? EurosIn(int year) => Amounts.SingleOrDefault(amount => amount.Year == year)?.Euros;
}

public sealed record SignatureView(Guid OrganisationId, string OrganisationName, string SignatoryName, string SignatoryFunction, DateOnly SignedOn, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A generated document and the name it is downloaded under.</summary>
public sealed record ContractPdf(string FileName, byte[] Content);

/// <summary>Dutch formats for fte and dates, the same on the page and in the pdf.</summary>
public static class ContractFormats
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Fte(decimal fte) => fte.ToString("0.##", Dutch);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    public static string Date(DateOnly? date) => date is { } value ? Date(value) : "–";
}
