using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Features.Checklists;

namespace Wijkaanpak.Web.Features.Decisions;

/// <summary>Everything the go/no-go screen shows next to each other (§4.6).</summary>
public sealed record GateView(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    Phase CurrentPhase,
    ProgrammeStatus Status,
    UrgencyKind Urgency,
    IReadOnlyList<WeighingView> Weighings,
    IReadOnlyList<BlockProgress> OrienterenBlocks,
    Completion OrienterenCompletion,
    DecisionView? StandingDecision,
    IReadOnlyList<OrganisationChoice> Organisations,
    bool CanWeigh,
    bool CanDecide,
    uint ProgrammeVersion);

public sealed record WeighingView(Guid OrganisationId, string OrganisationName, IReadOnlyDictionary<GoNoGoQuestion, (AnswerStatus Answer, string Explanation)> Answers, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record OrganisationChoice(Guid Id, string Name);

public sealed record DecisionView(
    DecisionId Id,
    DecisionKind Kind,
    DateOnly DecidedOn,
    string DecidedBy,
    string Title,
    string Rationale,
    int Cycle,
    IReadOnlyList<string> BuildingBlockCodes,
    Phase? FromPhase,
    Phase? ToPhase,
    GoNoGoView? GoNoGo,
    bool IsSuperseded,
    DecisionId? SupersedesId,
    string CorrectionReason,
    string RecordedBy,
    DateTimeOffset RecordedAt);

public sealed record GoNoGoView(
    GoNoGoOutcome Outcome,
    string NextSteps,
    IReadOnlyList<AlternativeMeasures> AlternativeMeasures,
    string OtherMeasureDescription,
    string WatchArrangement,
    string IncompleteChecklistsReason,
    Completion OrienterenCompletion);

public sealed record DecisionLogView(ProgrammeId ProgrammeId, string ProgrammeName, Phase CurrentPhase, ProgrammeStatus Status, IReadOnlyList<DecisionView> Decisions, bool CanRecord, uint ProgrammeVersion);
