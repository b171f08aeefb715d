using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Decisions;
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

/// <summary>A programme's facts for its overview page; the process model with completion comes from <c>ChecklistService.GetOverviewAsync</c>.</summary>
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
    int Cycle,
    ProgrammeStatus Status,
    GoNoGoOutcome? GoNoGo)
{
    public DateOnly PlannedEndDate => StartDate.AddYears(HorizonYears);

    /// <summary>Whether the current user may edit; the page shows the button only then (the service checks again).</summary>
    public bool CanEdit { get; init; }

    public bool CanViewHistory { get; init; }

    /// <summary>Null until the alliance has been recorded.</summary>
    public AllianceSummary? Alliance { get; init; }

    /// <summary>Null until a lokaal contract has been drawn.</summary>
    public ContractSummary? Contract { get; init; }
}

/// <summary>The alliance at a glance, today: organisations taking part, the board's size, residents' say.</summary>
public sealed record AllianceSummary(int Organisations, int BoardSeats, ParticipationLevel? Participation)
{
    public static AllianceSummary Of(Domain.Alliances.Alliance alliance, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(alliance);
        return new(alliance.OrganisationsOn(today).Count, alliance.BoardOn(today).Count, alliance.ParticipationOn(today)?.Level);
    }
}

/// <summary>The lokaal contract at a glance: the version in force (if any) and whether a concept is being worked on.</summary>
public sealed record ContractSummary(
    ContractKind Kind,
    int? InForceNumber,
    DateOnly? SignedOn,
    DateOnly? EvaluationDue,
    EvaluationWarning Warning,
    int? DraftNumber)
{
    public static ContractSummary Of(LocalContract contract, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new(
            (contract.InForce ?? contract.Latest).Kind,
            contract.InForce?.Number,
            contract.InForce?.SignedOn,
            contract.InForce?.EvaluationDue,
            contract.InForce?.EvaluationWarningOn(today) ?? EvaluationWarning.None,
            contract.Draft?.Number);
    }
}
