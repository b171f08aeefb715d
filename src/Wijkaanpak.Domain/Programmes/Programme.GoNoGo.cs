using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Decisions;

namespace Wijkaanpak.Domain.Programmes;

/// <summary>The go/no-go part of the programme (§4.6): the organisations' weighings and the decision.</summary>
public sealed partial class Programme
{
    private readonly List<GoNoGoWeighing> _goNoGoWeighings = [];

    /// <summary>One per participating organisation; closed once the go/no-go decision is taken.</summary>
    public IReadOnlyList<GoNoGoWeighing> GoNoGoWeighings => _goNoGoWeighings.OrderBy(weighing => weighing.OrganisationName, StringComparer.CurrentCulture).ToList();

    /// <summary>The outcome of the standing (not superseded) go/no-go decision; null before it is taken.</summary>
    public GoNoGoOutcome? GoNoGo { get; private set; }

    /// <summary>The standing go/no-go decision; a correction replaces it.</summary>
    public DecisionId? GoNoGoDecisionId { get; private set; }

    /// <summary>
    /// Records or updates an organisation's own weighing of the five questions. One weighing per
    /// organisation: recording again for the same organisation replaces its answers. Updatable
    /// until the decision, so the decision is taken on the weighings everyone sees.
    /// </summary>
    public GoNoGoWeighing RecordGoNoGoWeighing(
        Guid organisationId,
        string organisationName,
        IReadOnlyList<ConsiderationInput> considerations,
        UserRef recordedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        if (GoNoGo is not null)
        {
            throw new DomainRuleException(
                "WeighingClosedAfterDecision",
                "Het go/no-go-besluit is genomen; de afwegingen van de organisaties liggen vast.");
        }

        var weighing = _goNoGoWeighings.SingleOrDefault(existing => existing.OrganisationId == organisationId);
        if (weighing is null)
        {
            weighing = GoNoGoWeighing.Create(organisationId, organisationName, considerations, recordedBy, now);
            _goNoGoWeighings.Add(weighing);
        }
        else
        {
            weighing.Update(organisationName, considerations, recordedBy, now);
        }

        UpdatedAt = now;
        return weighing;
    }

    /// <summary>
    /// Takes the go/no-go decision. <paramref name="orienterenCompletion"/> is how complete the
    /// Oriënteren checklists are now (<see cref="ProcessCompletion.OfPhase"/>); the decision keeps
    /// it, and a go on incomplete checklists must say why. A go opens the way to Opstarten (the
    /// move itself is <see cref="MoveToPhase"/>); a no go ends the approach as a wijkaanpak.
    /// Returns the decision for the besluitenlijst.
    /// </summary>
    public Decision RecordGoNoGoDecision(GoNoGoDecisionInput input, Completion orienterenCompletion, UserRef recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (GoNoGoDecisionId is not null)
        {
            throw new DomainRuleException(
                "GoNoGoAlreadyDecided",
                "Er is al een go/no-go-besluit. Een genomen besluit wordt niet gewijzigd; leg zo nodig een correctie vast.");
        }

        EnsureNotEnded();
        var decision = Decision.ForGoNoGo(this, input, GoNoGoDetails.Create(input, orienterenCompletion), recordedBy, now);
        ApplyGoNoGo(decision, now);
        return decision;
    }

    /// <summary>
    /// Corrects the standing go/no-go decision by a new one that supersedes it, with the reason.
    /// The programme follows the correction: a no go ends the approach, a go corrected from a no
    /// go makes it active again. The superseded decision stays in the besluitenlijst, marked.
    /// </summary>
    public Decision CorrectGoNoGoDecision(
        Decision standing,
        GoNoGoDecisionInput corrected,
        string reason,
        Completion orienterenCompletion,
        UserRef recordedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(corrected);
        if (GoNoGoDecisionId is null || standing.Id != GoNoGoDecisionId)
        {
            throw new DomainRuleException(
                "CorrectOnlyTheStandingGoNoGo",
                "Alleen het geldende go/no-go-besluit van dit programma kan worden gecorrigeerd.");
        }

        var decision = Decision.ForGoNoGo(this, corrected, GoNoGoDetails.Create(corrected, orienterenCompletion), recordedBy, now);
        decision.Supersede(standing, reason, now);
        ApplyGoNoGo(decision, now);
        return decision;
    }

    private void ApplyGoNoGo(Decision decision, DateTimeOffset now)
    {
        GoNoGo = decision.GoNoGo!.Outcome;
        GoNoGoDecisionId = decision.Id;
        if (GoNoGo == GoNoGoOutcome.NoGo)
        {
            Status = ProgrammeStatus.Ended;
            EndedOn = decision.DecidedOn;
        }
        else
        {
            Status = ProgrammeStatus.Active;
            EndedOn = null;
        }

        UpdatedAt = now;
    }
}
