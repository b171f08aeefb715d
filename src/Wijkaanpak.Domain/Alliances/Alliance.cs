using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Alliances;

/// <summary>
/// The local alliance of a programme (§5.1, §6.2): who takes part, in which role and at which level,
/// when; its thematic sub-alliances; and how far residents have a say, over time. One per
/// programme, its own aggregate so that staff can change the alliance while others edit the
/// programme. Nothing is deleted: memberships end and participation levels follow each other.
/// </summary>
public sealed class Alliance
{
    private readonly List<AllianceMembership> _memberships = [];
    private readonly List<SubAlliance> _subAlliances = [];
    private readonly List<ParticipationRecord> _participation = [];

    private Alliance()
    {
    }

    public AllianceId Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public IReadOnlyList<AllianceMembership> Memberships => _memberships;

    public IReadOnlyList<SubAlliance> SubAlliances => _subAlliances;

    /// <summary>The participation level as recorded over time, oldest first.</summary>
    public IReadOnlyList<ParticipationRecord> ParticipationHistory =>
        _participation.OrderBy(record => record.EffectiveFrom).ThenBy(record => record.RecordedAt).ToList();

    /// <summary>
    /// Touched by every change, so that the alliance row, which carries the concurrency token,
    /// changes when only a membership row does: two people changing the alliance conflict.
    /// </summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    public uint Version { get; private set; }

    public static Alliance Form(ProgrammeId programmeId, DateTimeOffset now) =>
        new() { Id = AllianceId.New(), ProgrammeId = programmeId, LastChangedAt = now };

    public IReadOnlyList<AllianceMembership> MembersOn(DateOnly date) =>
        _memberships.Where(membership => membership.IsActiveOn(date)).ToList();

    /// <summary>The alliance board on a date: the memberships in a board role that ran on that day.</summary>
    public IReadOnlyList<AllianceMembership> BoardOn(DateOnly date) =>
        _memberships.Where(membership => membership.Role.SitsOnBoard() && membership.IsActiveOn(date)).ToList();

    /// <summary>The organisations taking part on a date, whatever their role.</summary>
    public IReadOnlySet<OrganisationId> OrganisationsOn(DateOnly date) =>
        MembersOn(date).Select(membership => membership.OrganisationId).ToHashSet();

    public ParticipationRecord? ParticipationOn(DateOnly date) =>
        ParticipationHistory.LastOrDefault(record => record.EffectiveFrom <= date);

    public AllianceMembership Join(MembershipInput input, ProgrammeCalendar calendar, UserRef recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(recordedBy);
        EnsureWithinLife(input, calendar);
        EnsureKnownSubAlliances(input);
        EnsureNoOverlap(input, exceptMembershipId: null);
        var membership = new AllianceMembership(input, recordedBy, now);
        _memberships.Add(membership);
        LastChangedAt = now;
        return membership;
    }

    /// <summary>Corrects a membership's level, dates, note or sub-alliances; organisation and role are what it is.</summary>
    public void ChangeMembership(Guid membershipId, MembershipInput input, ProgrammeCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        EnsureWithinLife(input, calendar);
        var membership = Membership(membershipId);
        if (membership.OrganisationId != input.OrganisationId || membership.Role != input.Role)
        {
            throw new DomainRuleException(
                "MembershipKeepsOrganisationAndRole",
                "Een andere organisatie of rol is een nieuw lidmaatschap: beëindig dit lidmaatschap en voeg een nieuw toe.");
        }

        EnsureKnownSubAlliances(input);
        EnsureNoOverlap(input, membershipId);
        membership.Apply(input);
        LastChangedAt = now;
    }

    /// <summary>The organisation leaves this role; the membership stays in the history.</summary>
    public void EndMembership(Guid membershipId, DateOnly until, string? note, ProgrammeCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var membership = Membership(membershipId);
        calendar.EnsureWithinLife(until, DateRules.MembershipEndWithinProgrammeLife, "De einddatum");
        membership.End(until, note);
        LastChangedAt = now;
    }

    public SubAlliance AddSubAlliance(string name, string? theme, DateTimeOffset now)
    {
        var subAlliance = new SubAlliance(name, theme);
        if (_subAlliances.Any(existing => string.Equals(existing.Name, subAlliance.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainRuleException("SubAllianceNameUnique", $"Er is al een deelalliantie '{subAlliance.Name}'.");
        }

        _subAlliances.Add(subAlliance);
        LastChangedAt = now;
        return subAlliance;
    }

    /// <summary>
    /// Records the level from a date on. The date lies within the programme's life; it may lie ahead,
    /// because a board decides that residents get a seat from a coming date.
    /// </summary>
    public ParticipationRecord RecordParticipationLevel(
        ParticipationLevel level,
        DateOnly effectiveFrom,
        string explanation,
        ProgrammeCalendar calendar,
        UserRef recordedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        calendar.EnsureWithinLife(effectiveFrom, DateRules.ParticipationWithinProgrammeLife, "De ingangsdatum");
        var record = new ParticipationRecord(level, effectiveFrom, explanation, recordedBy, now);
        _participation.Add(record);
        LastChangedAt = now;
        return record;
    }

    private AllianceMembership Membership(Guid membershipId) =>
        _memberships.SingleOrDefault(membership => membership.Id == membershipId)
        ?? throw new DomainRuleException("MembershipMustExist", "Dit lidmaatschap bestaat niet (meer) in deze alliantie.");

    /// <summary>A membership is part of the programme: it runs within its life, and may be planned ahead.</summary>
    private static void EnsureWithinLife(MembershipInput input, ProgrammeCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        calendar.EnsureWithinLife(input.From, DateRules.MembershipWithinProgrammeLife, "De begindatum");
        if (input.Until is { } until)
        {
            calendar.EnsureWithinLife(until, DateRules.MembershipEndWithinProgrammeLife, "De einddatum");
        }
    }

    private void EnsureKnownSubAlliances(MembershipInput input)
    {
        if (input.SubAllianceIds.Any(id => _subAlliances.All(subAlliance => subAlliance.Id != id)))
        {
            throw new DomainRuleException("SubAllianceMustExist", "Kies alleen deelallianties van deze alliantie.");
        }
    }

    private void EnsureNoOverlap(MembershipInput input, Guid? exceptMembershipId)
    {
        var overlapping = _memberships.FirstOrDefault(existing =>
            existing.Id != exceptMembershipId
            && existing.OrganisationId == input.OrganisationId
            && existing.Role == input.Role
            && existing.Overlaps(input.From, input.Until));
        if (overlapping is not null)
        {
            var period = overlapping.Until is { } until ? $"van {overlapping.From:d-M-yyyy} tot en met {until:d-M-yyyy}" : $"sinds {overlapping.From:d-M-yyyy}";
            throw new DomainRuleException(
                "MembershipPeriodsDoNotOverlap",
                $"Deze organisatie is {period} al {overlapping.Role.DisplayName().ToLowerInvariant()}; de perioden mogen niet overlappen.");
        }
    }
}

/// <summary>A thematic sub-alliance, such as one per ambition (Den Haag Zuidwest had six).</summary>
public sealed class SubAlliance
{
    public const int NameMaxLength = 120;
    public const int ThemeMaxLength = 500;

    private SubAlliance()
    {
        Name = string.Empty;
        Theme = string.Empty;
    }

    internal SubAlliance(string name, string? theme)
    {
        Id = Guid.CreateVersion7();
        Name = Guard.RequiredText(name, NameMaxLength, "SubAllianceNameRequired", "De naam van de deelalliantie");
        Theme = Guard.OptionalText(theme, ThemeMaxLength, "SubAllianceThemeTooLong", "Het thema");
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string Theme { get; private set; }
}

/// <summary>The participation level as of a date, with why it was judged so.</summary>
public sealed class ParticipationRecord
{
    public const int ExplanationMaxLength = 2000;

    private ParticipationRecord()
    {
        Explanation = string.Empty;
        RecordedBy = null!;
    }

    internal ParticipationRecord(ParticipationLevel level, DateOnly effectiveFrom, string explanation, UserRef recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        if (!Enum.IsDefined(level))
        {
            throw new DomainRuleException("ParticipationLevelKnown", "Kies een niveau van A tot en met E.");
        }

        Id = Guid.CreateVersion7();
        Level = level;
        EffectiveFrom = effectiveFrom;
        Explanation = Guard.RequiredText(explanation, ExplanationMaxLength, "ParticipationExplanationRequired", "De toelichting");
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public ParticipationLevel Level { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public string Explanation { get; private set; }

    public UserRef RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
