using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Alliance;

/// <summary>Everything the alliance page shows (§5.1, §6.2), as of <see cref="Today"/> in the Netherlands.</summary>
public sealed record AllianceView(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    DateOnly Today,
    bool Exists,
    IReadOnlyList<MembershipView> Current,
    IReadOnlyList<MembershipView> Upcoming,
    IReadOnlyList<MembershipView> Former,
    IReadOnlyList<SubAllianceView> SubAlliances,
    ParticipationView? Participation,
    IReadOnlyList<ParticipationView> ParticipationHistory,
    IReadOnlyList<OrganisationChoice> Organisations,
    bool CanEdit,
    uint Version);

public sealed record MembershipView(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    OrganisationType OrganisationType,
    AllianceRole Role,
    AllianceLevel Level,
    DateOnly From,
    DateOnly? Until,
    string Note,
    IReadOnlyList<SubAllianceRef> SubAlliances);

public sealed record SubAllianceRef(Guid Id, string Name);

public sealed record SubAllianceView(Guid Id, string Name, string Theme, IReadOnlyList<string> OrganisationsToday);

public sealed record ParticipationView(ParticipationLevel Level, DateOnly EffectiveFrom, string Explanation, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record OrganisationChoice(Guid Id, string Name, OrganisationType Type);

/// <summary>Who made up the alliance on one day: its board and all members.</summary>
public sealed record CompositionView(DateOnly On, IReadOnlyList<MembershipView> Board, IReadOnlyList<MembershipView> Members, ParticipationView? Participation);
