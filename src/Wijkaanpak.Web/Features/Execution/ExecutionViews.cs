using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Execution;

/// <summary>Something to choose from or to show by name: an ambition, an organisation, an indicator, an intervention.</summary>
public sealed record NamedRef(Guid Id, string Name);

public sealed record PeriodView(Guid Id, string Name, DateOnly From, DateOnly Until);

public sealed record StatusChangeView(InterventionStatus? From, InterventionStatus To, string Reason, DateOnly ChangedOn, string RecordedBy);

/// <summary>One intervention with the money on it: committed and spent from its budget lines, and what no committed money covers yet.</summary>
public sealed record InterventionView(
    Guid Id,
    Guid PeriodId,
    string Title,
    string Description,
    InterventionKind Kind,
    IReadOnlyList<NamedRef> Owners,
    IReadOnlyList<NamedRef> Ambitions,
    IReadOnlyList<NamedRef> Opgaven,
    IReadOnlyList<NamedRef> Indicators,
    decimal Budget,
    DateOnly StartDate,
    DateOnly? EndDate,
    InterventionStatus Status,
    IReadOnlyList<StatusChangeView> History,
    decimal Committed,
    decimal Spent,
    decimal Uncovered,
    uint Version)
{
    /// <summary>Stopped and finished interventions keep their status (the domain refuses a change).</summary>
    public bool HasEnded => Status is InterventionStatus.Gestopt or InterventionStatus.Afgerond;
}

/// <summary>The execution programme page: the periods, the interventions of the chosen one, and what the forms choose from.</summary>
public sealed record ExecutionView(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    DateOnly Today,
    IReadOnlyList<PeriodView> Periods,
    Guid? SelectedPeriodId,
    IReadOnlyList<InterventionView> Interventions,
    IReadOnlyList<NamedRef> Ambitions,
    IReadOnlyList<NamedRef> Organisations,
    IReadOnlyList<NamedRef> Indicators,
    bool CanEdit);

public sealed record BudgetLineView(
    Guid Id,
    FundingSource Source,
    NationalScheme? Scheme,
    Guid? FunderId,
    string? FunderName,
    string Description,
    bool IsAdditional,
    int Year,
    decimal Committed,
    decimal Spent,
    Guid? InterventionId,
    string? InterventionTitle,
    uint Version)
{
    public string PaysFor => InterventionTitle ?? "Kosten programmabureau";
}

/// <summary>An intervention whose budget is more than the money committed to it.</summary>
public sealed record UncoveredView(Guid InterventionId, string Title, decimal Budget, decimal Committed, decimal Gap);

public sealed record AmbitionTotalView(Guid AmbitionId, string Ambition, MoneyTotal Total);

/// <summary>The financing page: the lines and the figures of §5.5 derived from them.</summary>
public sealed record FinancingView(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    IReadOnlyList<BudgetLineView> Lines,
    IReadOnlyDictionary<FundingSource, MoneyTotal> PerSource,
    IReadOnlyDictionary<int, MoneyTotal> PerYear,
    IReadOnlyList<AmbitionTotalView> PerAmbition,
    IReadOnlyList<UncoveredView> Uncovered,
    IReadOnlyList<NamedRef> Interventions,
    IReadOnlyList<NamedRef> Organisations,
    bool CanEdit)
{
    public MoneyTotal Total => new(Lines.Sum(line => line.Committed), Lines.Sum(line => line.Spent));

    /// <summary>Committed money per year and source, for the chart and the table beside it.</summary>
    public decimal CommittedIn(int year, FundingSource source) =>
        Lines.Where(line => line.Year == year && line.Source == source).Sum(line => line.Committed);
}

/// <summary>A file to download: its bytes, content type and a Dutch file name.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

public enum ExportFormat
{
    Xlsx,
    Csv,
}
