using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;

namespace Wijkaanpak.Domain.Decisions;

/// <summary>
/// The part of a <see cref="Decision"/> that only a go/no-go decision has (§4.6), including the
/// gate record: how complete the Oriënteren checklists were when it was taken.
/// </summary>
public sealed class GoNoGoDetails
{
    public const int NextStepsMaxLength = 4000;
    public const int OtherMeasureMaxLength = 1000;
    public const int WatchArrangementMaxLength = 4000;
    public const int IncompleteReasonMaxLength = 2000;

    private GoNoGoDetails()
    {
        NextSteps = string.Empty;
        OtherMeasureDescription = string.Empty;
        WatchArrangement = string.Empty;
        IncompleteChecklistsReason = string.Empty;
    }

    public GoNoGoOutcome Outcome { get; private set; }

    /// <summary>Go only: what happens next (form the alliance, vision, resources).</summary>
    public string NextSteps { get; private set; }

    /// <summary>No go only: at least one.</summary>
    public AlternativeMeasures AlternativeMeasures { get; private set; }

    public string OtherMeasureDescription { get; private set; }

    /// <summary>No go only: who keeps following the area, how and how often, and when to look again.</summary>
    public string WatchArrangement { get; private set; }

    /// <summary>Go only, and only when the Oriënteren checklists were incomplete: why go anyway.</summary>
    public string IncompleteChecklistsReason { get; private set; }

    public int OrienterenAnswered { get; private set; }

    public int OrienterenTotal { get; private set; }

    public Completion OrienterenCompletion => new(OrienterenAnswered, OrienterenTotal);

    internal static GoNoGoDetails Create(GoNoGoDecisionInput input, Completion orienterenCompletion)
    {
        var details = new GoNoGoDetails
        {
            Outcome = input.Outcome,
            OrienterenAnswered = orienterenCompletion.Answered,
            OrienterenTotal = orienterenCompletion.Total,
        };

        switch (input.Outcome)
        {
            case GoNoGoOutcome.Go:
                details.NextSteps = Guard.RequiredText(input.NextSteps, NextStepsMaxLength, "GoNeedsNextSteps", "Een beschrijving van de volgende stappen na een go");
                if (!orienterenCompletion.IsComplete)
                {
                    details.IncompleteChecklistsReason = Guard.RequiredText(
                        input.IncompleteChecklistsReason,
                        IncompleteReasonMaxLength,
                        "GoWithIncompleteChecklistsNeedsReason",
                        $"De checklists van Oriënteren zijn voor {orienterenCompletion.Percentage}% ingevuld. De reden om toch te besluiten tot een go");
                }

                break;

            case GoNoGoOutcome.NoGo:
                if (input.AlternativeMeasures == AlternativeMeasures.None)
                {
                    throw new DomainRuleException(
                        "NoGoNeedsAlternativeMeasures",
                        "Leg bij een no go vast wat er in plaats van een wijkaanpak gebeurt; niets extra doen is zelden een optie.");
                }

                if ((input.AlternativeMeasures & ~DecisionNames.AllAlternativeMeasures) != 0)
                {
                    throw new DomainRuleException("AlternativeMeasuresMustBeKnown", "Kies de alternatieve maatregelen uit de lijst.");
                }

                details.AlternativeMeasures = input.AlternativeMeasures;
                if (input.AlternativeMeasures.HasFlag(AlternativeMeasures.Other))
                {
                    details.OtherMeasureDescription = Guard.RequiredText(
                        input.OtherMeasureDescription,
                        OtherMeasureMaxLength,
                        "OtherMeasureNeedsDescription",
                        "De omschrijving van de andere maatregel");
                }

                details.WatchArrangement = Guard.RequiredText(
                    input.WatchArrangement,
                    WatchArrangementMaxLength,
                    "NoGoNeedsWatchArrangement",
                    "Een afspraak over hoe gemeente en partners het gebied blijven volgen");
                break;

            default:
                throw new DomainRuleException("GoNoGoOutcomeMustBeKnown", "Kies go of no go.");
        }

        return details;
    }
}
