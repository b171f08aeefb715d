using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Features.Programmes;

namespace Wijkaanpak.Web.Features.Dashboards;

/// <summary>"How is it going?" for one programme, for councillors and staff: every figure with where it comes from.</summary>
public sealed record DashboardView(
    ProgrammeId ProgrammeId,
    string Name,
    string Municipality,
    Phase CurrentPhase,
    int Cycle,
    ProgrammeStatus Status,
    GoNoGoOutcome? GoNoGo,
    DateOnly FiguresOn,
    Completion Completion,
    IReadOnlyList<PhaseFigures> Phases,
    AllianceSummary? Alliance,
    ContractSummary? Contract,
    MoneyFigures Money,
    IReadOnlyList<AmbitionFigures> Ambitions,
    IReadOnlyList<IndicatorFigure> IndicatorsWithoutAmbition)
{
    public IEnumerable<IndicatorFigure> AllIndicators =>
        Ambitions.SelectMany(ambition => ambition.Indicators).Concat(IndicatorsWithoutAmbition).DistinctBy(indicator => indicator.Id);
}

public sealed record PhaseFigures(Phase Phase, bool IsCurrent, Completion Completion, IReadOnlyList<BlockFigures> Blocks);

public sealed record BlockFigures(string Code, string Title, bool HasChecklist, Completion Completion);

/// <summary>The money of §5.5: committed, spent, and what interventions plan that no committed money covers.</summary>
public sealed record MoneyFigures(decimal Committed, decimal Spent, decimal Uncovered, IReadOnlyList<YearMoney> PerYear);

public sealed record YearMoney(int Year, decimal Committed, decimal Spent);

/// <summary>An ambition of the vision (§5.2) with the indicators its goals and interventions follow.</summary>
public sealed record AmbitionFigures(Guid Id, string Title, string? ParentTitle, IReadOnlyList<IndicatorFigure> Indicators);

public sealed record IndicatorFigure(
    IndicatorId Id,
    string Name,
    string Unit,
    ImprovementDirection Direction,
    YearValue? Baseline,
    YearValue? Latest,
    YearValue? Target,
    IndicatorTrend Trend);

/// <summary>All programmes the user may see, side by side; for a Beheerder the national overview.</summary>
public sealed record PortfolioView(bool IsNational, DateOnly FiguresOn, IReadOnlyList<PortfolioRow> Programmes);

public sealed record PortfolioRow(
    ProgrammeId Id,
    string Name,
    string Municipality,
    Phase CurrentPhase,
    int Cycle,
    ProgrammeStatus Status,
    Completion Completion,
    decimal Committed,
    decimal Spent,
    decimal Uncovered,
    int IndicatorsOnTrack,
    int IndicatorsMeasured,
    int Indicators);

/// <summary>The alliance's organisations of today against the checklists of the current cycle.</summary>
public sealed record SignOffMatrixView(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    int Cycle,
    IReadOnlyList<MatrixPartner> Partners,
    IReadOnlyList<MatrixChecklist> Checklists);

public sealed record MatrixPartner(OrganisationId Id, string Name);

/// <summary>One checklist's row; <see cref="States"/> follows the order of the partners. Empty while nothing is answered.</summary>
public sealed record MatrixChecklist(string Code, string Title, Phase Phase, bool HasAnswers, IReadOnlyList<SignOffState> States);

/// <summary>What needs the bureau's attention across its programmes, each with where it is fixed.</summary>
public sealed record WorklistView(DateOnly Today, int StaleAfterMonths, IReadOnlyList<WorklistProgramme> Programmes)
{
    public int Count => Programmes.Sum(programme => programme.Items.Count);
}

public sealed record WorklistProgramme(ProgrammeId Id, string Name, IReadOnlyList<WorkItem> Items);

public sealed record WorkItem(WorkKind Kind, string Subject, string Detail, string Href);

public enum WorkKind
{
    PendingDecision = 1,
    ContractEvaluation,
    OpenQuestions,
    Signatures,
    MissingMeasurement,
    StaleIntervention,
}

public static class WorkKindNames
{
    public static string DisplayName(this WorkKind kind) => kind switch
    {
        WorkKind.PendingDecision => "Besluit nodig",
        WorkKind.ContractEvaluation => "Evaluatie contract",
        WorkKind.OpenQuestions => "Open vragen",
        WorkKind.Signatures => "Ondertekening",
        WorkKind.MissingMeasurement => "Meting ontbreekt",
        WorkKind.StaleIntervention => "Status verouderd",
        _ => kind.ToString(),
    };
}
