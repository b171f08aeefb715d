namespace Wijkaanpak.Domain.Common;

/// <summary>
/// The names of the rules that keep a programme's dates in agreement with each other (issue 17):
/// a plausible start, decisions not before it nor in the future, and phase moves that follow each
/// other. Typed so that services map them to a form field without matching
/// strings by hand, and tests assert which one broke.
/// </summary>
public static class DateRules
{
    /// <summary>A programme starts on or after 2000 and at most a few years ahead of today.</summary>
    public const string ProgrammeStartWithinWindow = "StartDateMustBePlausible";

    /// <summary>A programme's start is not moved past a phase move it already recorded.</summary>
    public const string ProgrammeStartNotAfterPhaseMoves = nameof(ProgrammeStartNotAfterPhaseMoves);

    /// <summary>A decision (go/no-go, phase move, herijking, other) is not dated in the future.</summary>
    public const string DecisionNotInFuture = "DecisionDateMustBePlausible";

    /// <summary>A decision is not dated before the programme's start.</summary>
    public const string DecisionNotBeforeProgrammeStart = nameof(DecisionNotBeforeProgrammeStart);

    /// <summary>A phase move or herijking is not dated before the previous phase move.</summary>
    public const string PhaseMoveNotBeforePreviousMove = nameof(PhaseMoveNotBeforePreviousMove);
}
