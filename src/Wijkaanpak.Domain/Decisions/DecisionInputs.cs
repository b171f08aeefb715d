using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Decisions;

/// <summary>What every entry of the besluitenlijst says: when, which body, what and why.</summary>
public sealed record DecisionDetails(DateOnly DecidedOn, string DecidedBy, string Title, string Rationale);

/// <summary>
/// The go/no-go decision as staff enter it. Only the fields of the chosen outcome are kept: next
/// steps (and, with incomplete Oriënteren checklists, the reason to go anyway) for a go; the
/// alternative measures and the watch arrangement for a no go.
/// </summary>
public sealed record GoNoGoDecisionInput(
    GoNoGoOutcome Outcome,
    DateOnly DecidedOn,
    string DecidedBy,
    string Rationale,
    string? NextSteps = null,
    AlternativeMeasures AlternativeMeasures = AlternativeMeasures.None,
    string? OtherMeasureDescription = null,
    string? WatchArrangement = null,
    string? IncompleteChecklistsReason = null);

/// <summary>A move to another phase, with the reason and who decided it.</summary>
public sealed record PhaseMoveInput(Phase To, string Reason, DateOnly DecidedOn, string DecidedBy);

/// <summary>A herijking (§8.2): why, and which building blocks of Opstarten and Ontwerpen to do again.</summary>
public sealed record HerijkingInput(string Reason, IReadOnlyList<string> ReopenedBuildingBlockCodes, DateOnly DecidedOn, string DecidedBy);

/// <summary>One organisation's answer to one of the five go/no-go questions.</summary>
public sealed record ConsiderationInput(GoNoGoQuestion Question, AnswerStatus Answer, string? Explanation);
