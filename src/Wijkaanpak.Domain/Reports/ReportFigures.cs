namespace Wijkaanpak.Domain.Reports;

/// <summary>
/// The figures of a yearly progress report (voortgangsrapportage), after the NPLV building blocks
/// of §6.4: process information, indicators with their duiding, progress per ambition and
/// intervention, money and the decisions of the year. Labels are stored as shown (Dutch text, not
/// enum values), so that an adopted report reads the same after names or data change.
/// </summary>
public sealed record ReportFigures(
    int Year,
    DateTimeOffset GeneratedAt,
    string ProgrammeName,
    string Municipality,
    IReadOnlyList<string> AreaCodes,
    ProcessFigures Process,
    IReadOnlyList<IndicatorFigures> Indicators,
    IReadOnlyList<AmbitionProgress> Ambitions,
    MoneyFigures Money,
    IReadOnlyList<DecisionFigure> Decisions);

/// <summary>Where the programme stands in the process model (§3.1) at the time of the report.</summary>
public sealed record ProcessFigures(
    string Phase,
    int Cycle,
    int ChecklistQuestionsAnswered,
    int ChecklistQuestions,
    IReadOnlyList<PhaseCompletion> Phases,
    int AllianceOrganisations,
    int AllianceBoardMembers,
    string? ResidentParticipation,
    string Contract)
{
    public int ChecklistPercentage => ChecklistQuestions == 0 ? 0 : ChecklistQuestionsAnswered * 100 / ChecklistQuestions;
}

public sealed record PhaseCompletion(string Phase, int Answered, int Total);

/// <summary>One indicator: its baseline and target, the values up to the report year, the trend and that year's duiding.</summary>
public sealed record IndicatorFigures(
    Guid Id,
    string Name,
    string Kind,
    string Unit,
    string Source,
    string Direction,
    ReportYearValue? Baseline,
    ReportYearValue? Target,
    IReadOnlyList<ReportYearValue> Values,
    string Trend,
    string? Interpretation)
{
    /// <summary>The value measured in the report year itself, if any.</summary>
    public decimal? ValueIn(int year) => Values.FirstOrDefault(value => value.Year == year)?.Value;

    /// <summary>The newest value up to the report year.</summary>
    public ReportYearValue? Latest => Values.Count == 0 ? null : Values.MaxBy(value => value.Year);
}

public sealed record ReportYearValue(int Year, decimal Value);

/// <summary>An ambition of the vision with the interventions that serve it.</summary>
public sealed record AmbitionProgress(string Title, IReadOnlyList<InterventionProgress> Interventions);

/// <summary>An intervention's status at the time of the report, and the status changes within the report year.</summary>
public sealed record InterventionProgress(
    Guid Id,
    string Title,
    string Kind,
    string Status,
    decimal Budget,
    IReadOnlyList<StatusChangeFigure> ChangesInYear);

public sealed record StatusChangeFigure(DateOnly On, string? From, string To, string Reason);

/// <summary>The money (§5.5): committed and spent per source and per year, and the totals with what no committed money covers.</summary>
public sealed record MoneyFigures(
    IReadOnlyList<MoneyRow> PerSource,
    IReadOnlyList<MoneyRow> PerYear,
    decimal Committed,
    decimal Spent,
    decimal Uncovered);

public sealed record MoneyRow(string Label, decimal Committed, decimal Spent)
{
    public decimal Remaining => Committed - Spent;
}

public sealed record DecisionFigure(DateOnly On, string Kind, string Title, string DecidedBy);
