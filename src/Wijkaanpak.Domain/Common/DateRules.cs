namespace Wijkaanpak.Domain.Common;

/// <summary>
/// The names of the rules that keep a programme's dates in agreement with each other (issue 17):
/// acts of a programme are dated within its life, what has happened is not dated in the future, and
/// phase moves follow each other. Typed so that services map them to a form field without matching
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

    /// <summary>A participation level takes effect within the programme's life (a planned level may lie ahead).</summary>
    public const string ParticipationWithinProgrammeLife = nameof(ParticipationWithinProgrammeLife);

    /// <summary>A membership starts within the programme's life (a planned membership may start ahead).</summary>
    public const string MembershipWithinProgrammeLife = nameof(MembershipWithinProgrammeLife);

    /// <summary>A membership ends within the programme's life.</summary>
    public const string MembershipEndWithinProgrammeLife = nameof(MembershipEndWithinProgrammeLife);

    /// <summary>A signature is not dated in the future (nor before 2000).</summary>
    public const string SignatureNotInFuture = "SignatureDatePlausible";

    /// <summary>A contract is not signed before the programme's start.</summary>
    public const string SignatureNotBeforeProgrammeStart = nameof(SignatureNotBeforeProgrammeStart);

    /// <summary>An intervention's status change is dated between the programme's start and today.</summary>
    public const string StatusChangeWithinProgrammeLife = nameof(StatusChangeWithinProgrammeLife);

    /// <summary>A story was told on a day that has been, and not before the earliest programme start.</summary>
    public const string StoryNotInFuture = nameof(StoryNotInFuture);

    /// <summary>A measurement is of a year that has begun.</summary>
    public const string MeasurementYearNotInFuture = nameof(MeasurementYearNotInFuture);
}
