using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Decisions;

namespace Wijkaanpak.Domain.Programmes;

/// <summary>
/// A recorded move from one phase to another, forward or back (the model is a guide, §3.2, so a
/// move is allowed with a stated reason, and the reason is kept). Part of <see cref="Programme"/>.
/// </summary>
public sealed class PhaseTransition
{
    private PhaseTransition()
    {
        Reason = string.Empty;
        MovedBy = null!;
    }

    internal PhaseTransition(Phase from, Phase to, int cycle, string reason, DecisionId decisionId, DateOnly decidedOn, UserRef movedBy, DateTimeOffset movedAt)
    {
        Id = Guid.CreateVersion7();
        From = from;
        To = to;
        Cycle = cycle;
        Reason = reason;
        DecisionId = decisionId;
        DecidedOn = decidedOn;
        MovedBy = movedBy;
        MovedAt = movedAt;
    }

    public Guid Id { get; private set; }

    public Phase From { get; private set; }

    public Phase To { get; private set; }

    /// <summary>The cycle the programme is in after the move.</summary>
    public int Cycle { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The besluitenlijst entry for this move (a phase change or a herijking).</summary>
    public DecisionId DecisionId { get; private set; }

    /// <summary>
    /// The date of the decision to move, kept here too so that the programme can hold the next move
    /// to the order of the moves without loading its decisions.
    /// </summary>
    public DateOnly DecidedOn { get; private set; }

    public UserRef MovedBy { get; private set; }

    public DateTimeOffset MovedAt { get; private set; }
}
