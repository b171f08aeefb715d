using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Vision;

namespace Wijkaanpak.Web.Features.Vision;

/// <summary>The vision page: mission, ambitions with their goals and money, the theory of change, and the choices for the forms.</summary>
public sealed record VisionView(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    bool Exists,
    string Mission,
    IReadOnlyList<AmbitionView> Ambitions,
    IReadOnlyList<OpgaveAnswerView> Opgaven,
    IReadOnlyList<IndicatorChoice> Indicators,
    bool CanEdit,
    uint Version)
{
    public IEnumerable<AmbitionView> TopLevel => Ambitions.Where(ambition => ambition.ParentId is null);

    public IEnumerable<AmbitionView> SubAmbitionsOf(Guid ambitionId) => Ambitions.Where(ambition => ambition.ParentId == ambitionId);
}

/// <summary>
/// One ambition and its line in the theory of change: goals, the interventions that serve it, the
/// indicators they aim at (of the goals and of those interventions), and the money on it.
/// </summary>
public sealed record AmbitionView(
    Guid Id,
    Guid? ParentId,
    string? ParentTitle,
    string Title,
    string Description,
    IReadOnlyList<OpgaveRef> Opgaven,
    IReadOnlyList<GoalView> Goals,
    IReadOnlyList<InterventionRef> Interventions,
    IReadOnlyList<IndicatorRef> Indicators,
    MoneyTotal Money);

public sealed record GoalView(Guid Id, string Text, IReadOnlyList<IndicatorRef> Indicators);

public sealed record OpgaveRef(Guid Id, string Title, OpgaveDomain Domain);

/// <summary>An opgave and the ambitions that answer it.</summary>
public sealed record OpgaveAnswerView(Guid Id, string Title, OpgaveDomain Domain, IReadOnlyList<AmbitionRef> Ambitions);

public sealed record AmbitionRef(Guid Id, string Title);

public sealed record InterventionRef(Guid Id, string Title, InterventionStatus Status);

public sealed record IndicatorRef(Guid Id, string Name, IndicatorKind Kind);

public sealed record IndicatorChoice(Guid Id, string Name, IndicatorKind Kind);

/// <summary>
/// The chain from issue to result, both ways: per intervention what it is for, what it costs and what it
/// should move; per indicator which interventions aim at it.
/// </summary>
public sealed record ChainView(IReadOnlyList<InterventionChainView> Interventions, IReadOnlyList<IndicatorChainView> Indicators)
{
    public InterventionChainView? Intervention(Guid id) => Interventions.FirstOrDefault(intervention => intervention.Id == id);

    public IndicatorChainView? Indicator(Guid id) => Indicators.FirstOrDefault(indicator => indicator.Id == id);
}

public sealed record InterventionChainView(
    Guid Id,
    string Title,
    InterventionStatus Status,
    IReadOnlyList<AmbitionChainView> Ambitions,
    MoneyTotal Money,
    IReadOnlyList<IndicatorRef> Indicators);

/// <summary>An ambition an intervention serves, with the opgaven that ambition answers.</summary>
public sealed record AmbitionChainView(Guid Id, string Title, IReadOnlyList<OpgaveRef> Opgaven);

public sealed record IndicatorChainView(Guid Id, string Name, IndicatorKind Kind, IReadOnlyList<InterventionRef> Interventions);

/// <summary>The opgaven page: the issues per domain with their figures (tellen) and stories (vertellen).</summary>
public sealed record OpgavenView(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    IReadOnlyList<OpgaveView> Opgaven,
    IReadOnlyList<IndicatorChoice> Indicators,
    bool CanEdit);

public sealed record OpgaveView(
    Guid Id,
    OpgaveDomain Domain,
    string Title,
    string Description,
    IReadOnlyList<IndicatorFigureView> Indicators,
    IReadOnlyList<StoryView> Stories,
    IReadOnlyList<AmbitionRef> Ambitions,
    uint Version);

/// <summary>An indicator as it shows an opgave: its latest value and how that compares with the baseline.</summary>
public sealed record IndicatorFigureView(Guid Id, string Name, string Unit, YearValue? Baseline, YearValue? Latest, IndicatorTrend Trend);

public sealed record StoryView(Guid Id, string Teller, DateOnly ToldOn, StoryMethod Method, string Text, string Interpretation, string RecordedBy);
