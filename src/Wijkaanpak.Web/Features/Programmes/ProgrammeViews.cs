using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Programmes;

public sealed record ProgrammeListItem(
    ProgrammeId Id,
    string Name,
    string Municipality,
    IReadOnlyList<string> AreaCodes,
    Phase CurrentPhase,
    int Cycle,
    UrgencyKind Urgency,
    DateOnly StartDate);

public sealed record ProgrammeOverview(
    ProgrammeId Id,
    string Name,
    string Municipality,
    IReadOnlyList<string> AreaCodes,
    UrgencyKind Urgency,
    DateOnly StartDate,
    int HorizonYears,
    string Description,
    Phase CurrentPhase,
    int Cycle)
{
    public DateOnly PlannedEndDate => StartDate.AddYears(HorizonYears);

    /// <summary>Whether the current user may edit; the page shows the button only then (the service checks again).</summary>
    public bool CanEdit { get; init; }

    public bool CanViewHistory { get; init; }

    public IReadOnlyList<PhaseView> Phases => ProcessModel.Phases
        .Select(phase => new PhaseView(phase, phase == CurrentPhase, phase < CurrentPhase, ProcessModel.BlocksOf(phase).ToList()))
        .ToList();
}

public sealed record PhaseView(Phase Phase, bool IsCurrent, bool IsPassed, IReadOnlyList<BuildingBlock> BuildingBlocks);
