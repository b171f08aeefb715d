using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Monitoring;

/// <summary>All indicators of a programme with their latest figure (§6.4, §7.3).</summary>
public sealed record IndicatorListView(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    IReadOnlyList<string> ProgrammeAreaCodes,
    int CurrentYear,
    IReadOnlyList<IndicatorSummary> Indicators,
    bool CanEdit);

/// <summary>
/// One indicator as the list and the detail page show it. <see cref="Latest"/> is the newest value
/// for the indicator's own area; <see cref="Trend"/> is <see cref="Indicator.TrendOf(YearValue?)"/> of that value.
/// </summary>
public sealed record IndicatorSummary(
    Guid Id,
    string Name,
    IndicatorKind Kind,
    string Unit,
    string Source,
    string Definition,
    string AreaCode,
    ImprovementDirection Direction,
    YearValue? Baseline,
    YearValue? Target,
    YearValue? Latest,
    IndicatorTrend Trend,
    bool MissesRecentMeasurement,
    uint Version);

/// <summary>
/// One indicator with the figures of its own area, its interpretations and what in the programme refers to
/// it. <see cref="OwnAreaSeries"/> is what the chart draws, oldest first; the measurements of other areas are
/// only counted (see <see cref="MeasurementPage"/>).
/// </summary>
public sealed record IndicatorDetailView(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    IReadOnlyList<string> ProgrammeAreaCodes,
    int CurrentYear,
    IndicatorSummary Indicator,
    IReadOnlyList<MeasurementView> OwnAreaSeries,
    int OtherAreaMeasurements,
    IReadOnlyList<InterpretationView> Interpretations,
    IReadOnlyList<LinkedIntervention> Interventions,
    IReadOnlyList<LinkedGoal> Goals,
    bool CanEdit);

/// <summary>One stored value; the difference to the baseline only for the area the baseline is about.</summary>
public sealed record MeasurementView(string AreaCode, int Year, decimal Value, string SourceName, string SourceColumn, decimal? DifferenceToBaseline);

/// <summary>One page of measurements and how many there are in all.</summary>
public sealed record MeasurementPage(IReadOnlyList<MeasurementView> Rows, int Total)
{
    /// <summary>The most a page holds, whatever is asked: the table offers 25, 50 and 100.</summary>
    public const int LargestPage = 100;
}

public sealed record InterpretationView(int Year, string Text, string WrittenBy, DateTimeOffset WrittenAt);

public sealed record LinkedIntervention(Guid Id, string Title, InterventionStatus Status);

public sealed record LinkedGoal(string Ambition, string Text);

/// <summary>What recording a value by hand did to its cell.</summary>
public enum MeasurementOutcome
{
    Recorded,
    Corrected,
    Unchanged,
}

/// <summary>One measured value as exported, with the indicator's name and unit and where the value came from.</summary>
public sealed record MeasurementExportRow(string Indicator, string Unit, string AreaCode, int Year, decimal Value, string SourceName, string SourceColumn);
