using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Contracts;

/// <summary>
/// The lokaal contract of a programme (§5.3): the agreement of the alliance partners on principles,
/// ambitions, money and process direction, in versions. At most one concept at a time; the version
/// in force is the latest signed one; signed versions never change.
/// </summary>
public sealed class LocalContract
{
    private readonly List<ContractVersion> _versions = [];

    private LocalContract()
    {
    }

    public LocalContractId Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public IReadOnlyList<ContractVersion> Versions => _versions.OrderBy(version => version.Number).ToList();

    /// <summary>
    /// Touched by every change to any version, so that the contract row, which carries the
    /// concurrency token, changes with it: two people editing one concept conflict.
    /// </summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    public uint Version { get; private set; }

    public ContractVersion Latest => _versions.MaxBy(version => version.Number)!;

    public ContractVersion? Draft => _versions.SingleOrDefault(version => version.Status == ContractVersionStatus.Concept);

    /// <summary>The latest signed version: what the parties have agreed on now.</summary>
    public ContractVersion? InForce => _versions.Where(version => version.Status == ContractVersionStatus.Ondertekend).MaxBy(version => version.Number);

    public static LocalContract Draw(ProgrammeId programmeId, ContractKind kind, string title, ContractSections sections, int evaluateAfterYears, DateTimeOffset now)
    {
        var contract = new LocalContract { Id = LocalContractId.New(), ProgrammeId = programmeId, LastChangedAt = now };
        contract._versions.Add(ContractVersion.Concept(1, kind, title, sections, evaluateAfterYears, changeNote: null, now));
        return contract;
    }

    public ContractVersion VersionNumbered(int number) =>
        _versions.SingleOrDefault(version => version.Number == number)
        ?? throw new DomainRuleException("ContractVersionMustExist", $"Versie {number} van dit contract bestaat niet.");

    public void EditDraft(int number, ContractKind kind, string title, ContractSections sections, int evaluateAfterYears, DateTimeOffset now)
    {
        VersionNumbered(number).Edit(kind, title, sections, evaluateAfterYears);
        LastChangedAt = now;
    }

    public void SetCommitment(int number, CommitmentInput input, DateTimeOffset now)
    {
        VersionNumbered(number).SetCommitment(input);
        LastChangedAt = now;
    }

    public void RemoveParty(int number, OrganisationId organisationId, DateTimeOffset now)
    {
        VersionNumbered(number).RemoveParty(organisationId);
        LastChangedAt = now;
    }

    /// <summary>
    /// Records that a party's board member signed. When the last party has signed, the version is in
    /// force and frozen, and the version it replaces is marked as revised.
    /// </summary>
    public void RecordSignature(int number, ContractSignatureInput input, UserRef recordedBy, ProgrammeCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        var previous = InForce;
        var version = VersionNumbered(number);
        if (version.RecordSignature(input, recordedBy, calendar, now) && previous is not null && previous != version)
        {
            previous.MarkRevised();
        }

        LastChangedAt = now;
    }

    /// <summary>Starts a revision: a new concept with the content and parties of the version in force, and no signatures.</summary>
    public ContractVersion Revise(string changeNote, DateTimeOffset now)
    {
        if (Draft is { } draft)
        {
            throw new DomainRuleException("OneConceptAtATime", $"Versie {draft.Number} is nog een concept: werk die bij in plaats van een nieuwe versie te maken.");
        }

        var next = Latest.Revise(Latest.Number + 1, changeNote, now);
        _versions.Add(next);
        LastChangedAt = now;
        return next;
    }
}
