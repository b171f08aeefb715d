using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;

namespace Wijkaanpak.Domain.Alliances;

/// <summary>
/// One organisation in one role of the alliance for a period. Parties join and leave (§5.1: the
/// alliance is dynamic), so a membership is ended, never deleted: the history stays readable.
/// </summary>
public sealed class AllianceMembership
{
    public const int NoteMaxLength = 1000;

    private readonly List<Guid> _subAllianceIds = [];

    private AllianceMembership()
    {
        Note = string.Empty;
        RecordedBy = null!;
    }

    internal AllianceMembership(MembershipInput input, UserRef recordedBy, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7();
        OrganisationId = input.OrganisationId;
        Role = input.Role;
        RecordedBy = recordedBy;
        RecordedAt = now;
        Apply(input);
    }

    public Guid Id { get; private set; }

    public OrganisationId OrganisationId { get; private set; }

    public AllianceRole Role { get; private set; }

    public AllianceLevel Level { get; private set; }

    public DateOnly From { get; private set; }

    /// <summary>The last day of the membership; null while it runs.</summary>
    public DateOnly? Until { get; private set; }

    public string Note { get; private set; }

    /// <summary>The thematic sub-alliances this organisation takes part in, in this role.</summary>
    public IReadOnlyList<Guid> SubAllianceIds => _subAllianceIds;

    public UserRef RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsActiveOn(DateOnly date) => From <= date && (Until is null || date <= Until);

    internal bool Overlaps(DateOnly from, DateOnly? until) =>
        From <= (until ?? DateOnly.MaxValue) && from <= (Until ?? DateOnly.MaxValue);

    internal void Apply(MembershipInput input)
    {
        if (!Enum.IsDefined(input.Role) || !Enum.IsDefined(input.Level))
        {
            throw new DomainRuleException("MembershipRoleAndLevelKnown", "Kies een rol en een niveau.");
        }

        if (input.Until is { } until && until < input.From)
        {
            throw new DomainRuleException("MembershipEndsAfterStart", "De einddatum ligt vóór de begindatum.");
        }

        Level = input.Level;
        From = input.From;
        Until = input.Until;
        Note = Guard.OptionalText(input.Note, NoteMaxLength, "MembershipNoteTooLong", "De toelichting");
        _subAllianceIds.Clear();
        _subAllianceIds.AddRange(input.SubAllianceIds.Distinct());
    }

    internal void End(DateOnly until, string? note)
    {
        if (Until is not null)
        {
            throw new DomainRuleException("MembershipAlreadyEnded", $"Dit lidmaatschap is al beëindigd per {Until:d-M-yyyy}.");
        }

        if (until < From)
        {
            throw new DomainRuleException("MembershipEndsAfterStart", "De einddatum ligt vóór de begindatum.");
        }

        Until = until;
        if (!string.IsNullOrWhiteSpace(note))
        {
            Note = Guard.OptionalText(note, NoteMaxLength, "MembershipNoteTooLong", "De toelichting");
        }
    }
}

/// <summary>What a user fills in for a membership.</summary>
public sealed record MembershipInput(
    OrganisationId OrganisationId,
    AllianceRole Role,
    AllianceLevel Level,
    DateOnly From,
    DateOnly? Until,
    string? Note,
    IReadOnlyCollection<Guid> SubAllianceIds);
