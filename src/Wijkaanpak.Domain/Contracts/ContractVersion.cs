using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Contracts;

/// <summary>
/// One version of the lokaal contract. A concept can change; once every party has signed it is
/// frozen, and a revision is a new version (§5.3: the contract is revisited every few years).
/// </summary>
public sealed class ContractVersion
{
    public const int TitleMaxLength = 200;
    public const int SectionMaxLength = 20_000;
    public const int ChangeNoteMaxLength = 2000;
    public const int EvaluationMinYears = 3;
    public const int EvaluationMaxYears = 4;

    private readonly List<ContractCommitment> _commitments = [];
    private readonly List<ContractSignature> _signatures = [];

    private ContractVersion()
    {
        Title = string.Empty;
        Principles = string.Empty;
        AmbitionsAndPriorities = string.Empty;
        FinancialAgreements = string.Empty;
        ProcessDirection = string.Empty;
        ChangeNote = string.Empty;
    }

    public Guid Id { get; private set; }

    public int Number { get; private set; }

    public ContractVersionStatus Status { get; private set; }

    public ContractKind Kind { get; private set; }

    public string Title { get; private set; }

    public string Principles { get; private set; }

    public string AmbitionsAndPriorities { get; private set; }

    public string FinancialAgreements { get; private set; }

    public string ProcessDirection { get; private set; }

    /// <summary>Why this version was made; empty for the first.</summary>
    public string ChangeNote { get; private set; }

    /// <summary>After how many years the parties evaluate the signed contract: 3 or 4 (§5.3).</summary>
    public int EvaluateAfterYears { get; private set; }

    public IReadOnlyList<ContractCommitment> Commitments => _commitments;

    public IReadOnlyList<ContractSignature> Signatures => _signatures;

    /// <summary>The day the last party signed; null while a concept.</summary>
    public DateOnly? SignedOn { get; private set; }

    public DateOnly? EvaluationDue => SignedOn?.AddYears(EvaluateAfterYears);

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsFrozen => Status != ContractVersionStatus.Concept;

    public ContractSections Sections => new(Principles, AmbitionsAndPriorities, FinancialAgreements, ProcessDirection);

    public IEnumerable<OrganisationId> Parties => _commitments.Select(commitment => commitment.OrganisationId);

    public IEnumerable<ContractCommitment> UnsignedParties =>
        _commitments.Where(commitment => _signatures.All(signature => signature.OrganisationId != commitment.OrganisationId));

    public EvaluationWarning EvaluationWarningOn(DateOnly today) => EvaluationDue switch
    {
        null => EvaluationWarning.None,
        var due when due < today => EvaluationWarning.Overdue,
        var due when due <= today.AddMonths(6) => EvaluationWarning.Near,
        _ => EvaluationWarning.None,
    };

    internal static ContractVersion Concept(int number, ContractKind kind, string title, ContractSections sections, int evaluateAfterYears, string? changeNote, DateTimeOffset now)
    {
        var version = new ContractVersion
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            Status = ContractVersionStatus.Concept,
            CreatedAt = now,
            ChangeNote = Guard.OptionalText(changeNote, ChangeNoteMaxLength, "ContractChangeNoteTooLong", "De reden van de herziening"),
        };
        version.Edit(kind, title, sections, evaluateAfterYears);
        return version;
    }

    internal ContractVersion Revise(int number, string changeNote, DateTimeOffset now)
    {
        var next = Concept(number, Kind, Title, Sections, EvaluateAfterYears, Guard.RequiredText(changeNote, ChangeNoteMaxLength, "ContractChangeNoteRequired", "De reden van de herziening"), now);
        next._commitments.AddRange(_commitments);
        return next;
    }

    internal void Edit(ContractKind kind, string title, ContractSections sections, int evaluateAfterYears)
    {
        ArgumentNullException.ThrowIfNull(sections);
        EnsureConcept();
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("ContractKindKnown", "Kies contract, convenant, pact of intentieverklaring.");
        }

        if (evaluateAfterYears is < EvaluationMinYears or > EvaluationMaxYears)
        {
            throw new DomainRuleException("ContractEvaluationAfterThreeOrFourYears", "Evalueer het contract na 3 of 4 jaar.");
        }

        Kind = kind;
        Title = Guard.RequiredText(title, TitleMaxLength, "ContractTitleRequired", "De titel");
        Principles = Guard.OptionalText(sections.Principles, SectionMaxLength, "ContractSectionTooLong", "Uitgangspunten");
        AmbitionsAndPriorities = Guard.OptionalText(sections.AmbitionsAndPriorities, SectionMaxLength, "ContractSectionTooLong", "Ambities en prioriteiten");
        FinancialAgreements = Guard.OptionalText(sections.FinancialAgreements, SectionMaxLength, "ContractSectionTooLong", "Financiële afspraken");
        ProcessDirection = Guard.OptionalText(sections.ProcessDirection, SectionMaxLength, "ContractSectionTooLong", "Procesregie");
        EvaluateAfterYears = evaluateAfterYears;
    }

    internal void SetCommitment(CommitmentInput input)
    {
        EnsureConcept();
        var commitment = ContractCommitment.From(input);
        var index = _commitments.FindIndex(existing => existing.OrganisationId == commitment.OrganisationId);
        if (index >= 0)
        {
            _commitments[index] = commitment;
        }
        else
        {
            _commitments.Add(commitment);
        }

        // What was signed was the earlier commitment: the party signs again.
        _signatures.RemoveAll(signature => signature.OrganisationId == commitment.OrganisationId);
    }

    internal void RemoveParty(OrganisationId organisationId)
    {
        EnsureConcept();
        if (_commitments.RemoveAll(commitment => commitment.OrganisationId == organisationId) == 0)
        {
            throw new DomainRuleException("ContractPartyMustExist", "Deze organisatie is geen partij bij deze versie.");
        }

        _signatures.RemoveAll(signature => signature.OrganisationId == organisationId);
    }

    /// <summary>Records a party's signature; returns true when it was the last one and the version is now signed.</summary>
    internal bool RecordSignature(ContractSignatureInput input, UserRef recordedBy, ProgrammeCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(calendar);
        EnsureConcept();
        var party = _commitments.SingleOrDefault(commitment => commitment.OrganisationId == input.OrganisationId)
            ?? throw new DomainRuleException("SignatoryMustBeParty", "Alleen partijen bij deze versie ondertekenen; voeg de organisatie eerst toe met haar inzet.");
        if (_signatures.Any(signature => signature.OrganisationId == input.OrganisationId))
        {
            throw new DomainRuleException("PartySignsOnce", $"{party.OrganisationName} heeft deze versie al ondertekend.");
        }

        // Not tied to the concept's creation date: a contract signed years ago is often entered afterwards.
        // But a signature has happened, and it is an act of the programme: not before it started.
        if (input.SignedOn > calendar.Today || input.SignedOn.Year < ContractCommitment.EarliestYear)
        {
            throw new DomainRuleException(DateRules.SignatureNotInFuture, $"De datum van ondertekening ligt niet in de toekomst en niet vóór {ContractCommitment.EarliestYear}.");
        }

        calendar.EnsureNotBeforeStart(input.SignedOn, DateRules.SignatureNotBeforeProgrammeStart, "De datum van ondertekening");

        if (_commitments.Count < 2)
        {
            throw new DomainRuleException("ContractNeedsTwoParties", "Een lokaal contract heeft ten minste twee partijen.");
        }

        if (new[] { Principles, AmbitionsAndPriorities, FinancialAgreements, ProcessDirection }.All(string.IsNullOrEmpty))
        {
            throw new DomainRuleException("ContractNeedsContent", "Vul ten minste één onderdeel van het contract in voordat het wordt ondertekend.");
        }

        _signatures.Add(ContractSignature.From(input, recordedBy, now));
        if (UnsignedParties.Any())
        {
            return false;
        }

        Status = ContractVersionStatus.Ondertekend;
        SignedOn = _signatures.Max(signature => signature.SignedOn);
        return true;
    }

    internal void MarkRevised()
    {
        if (Status == ContractVersionStatus.Ondertekend)
        {
            Status = ContractVersionStatus.Herzien;
        }
    }

    private void EnsureConcept()
    {
        if (IsFrozen)
        {
            throw new DomainRuleException(
                "SignedVersionFrozen",
                $"Versie {Number} is ondertekend en verandert niet meer. Maak een nieuwe versie om het contract te herzien.");
        }
    }
}
