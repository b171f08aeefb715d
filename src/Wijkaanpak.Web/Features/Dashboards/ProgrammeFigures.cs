using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Features.Checklists;

namespace Wijkaanpak.Web.Features.Dashboards;

/// <summary>An indicator with its newest value for its own area and the domain's verdict on it.</summary>
internal sealed record IndicatorReading(Indicator Indicator, YearValue? Latest, IndicatorTrend Trend)
{
    /// <summary>Moving the right way: better than the baseline, or at the target.</summary>
    public bool IsOnTrack => Trend is IndicatorTrend.Improving or IndicatorTrend.TargetReached;
}

/// <summary>
/// What the dashboards know about a programme, read for any number of programmes in the same fixed
/// number of queries (one per kind of record), so that the portfolio of 500 programmes costs what
/// one programme costs. The aggregates are read whole where the domain derives a figure from them
/// (alliance today, contract in force, budget totals, indicator trend), so that the dashboards use
/// the domain's rules instead of copies of them in SQL. <see cref="LoadTotalsAsync"/> leaves out
/// what only a single programme's pages show (alliance, contract, the interventions themselves).
/// </summary>
internal sealed record ProgrammeFigures(
    Programme Programme,
    IReadOnlyDictionary<string, BlockChecklistState> Blocks,
    Domain.Alliances.Alliance? Alliance,
    LocalContract? Contract,
    IReadOnlyList<BudgetLine> Lines,
    IReadOnlyDictionary<Guid, decimal> InterventionBudgets,
    IReadOnlyList<Intervention> Interventions,
    IReadOnlyList<IndicatorReading> Indicators)
{
    public ProcessCompletion Completion =>
        ProcessCompletion.FromBlocks(Blocks.ToDictionary(block => block.Key, block => block.Value.Completion, StringComparer.Ordinal));

    public decimal Committed => Lines.Sum(line => line.Committed);

    public decimal Spent => Lines.Sum(line => line.Spent);

    /// <summary>What the interventions plan to spend that no committed money covers yet (§5.5).</summary>
    public decimal Uncovered => BudgetTotals.Uncovered(Lines, InterventionBudgets).Values.Sum();

    /// <summary>Everything, for the pages about one programme or a user's few (dashboard, worklist).</summary>
    public static Task<IReadOnlyList<ProgrammeFigures>> LoadAsync(WijkaanpakDbContext db, IQueryable<ProgrammeId> programmeIds, CancellationToken cancellationToken) =>
        LoadAsync(db, programmeIds, withDetails: true, cancellationToken);

    /// <summary>
    /// Only what the totals need (completion, money, indicator trends), for the portfolio of every
    /// programme: <see cref="Alliance"/> and <see cref="Contract"/> stay empty and
    /// <see cref="Interventions"/> is empty; their budgets are read as a projection. Reading 100,000
    /// interventions with their status history for a sum was most of the portfolio's time.
    /// </summary>
    public static Task<IReadOnlyList<ProgrammeFigures>> LoadTotalsAsync(WijkaanpakDbContext db, IQueryable<ProgrammeId> programmeIds, CancellationToken cancellationToken) =>
        LoadAsync(db, programmeIds, withDetails: false, cancellationToken);

    private static async Task<IReadOnlyList<ProgrammeFigures>> LoadAsync(
        WijkaanpakDbContext db,
        IQueryable<ProgrammeId> programmeIds,
        bool withDetails,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var programmes = await db.Programmes.AsNoTracking()
            .Where(programme => programmeIds.Contains(programme.Id))
            .OrderBy(programme => programme.Name)
            .ToListAsync(cancellationToken);
        if (programmes.Count == 0)
        {
            return [];
        }

        var ids = programmes.Select(programme => programme.Id).ToList();
        var blocks = await ChecklistProgress.OfProgrammesAsync(db, programmes, cancellationToken);
        var alliances = withDetails
            ? await db.Alliances.AsNoTracking().Where(alliance => ids.Contains(alliance.ProgrammeId))
                .ToDictionaryAsync(alliance => alliance.ProgrammeId, cancellationToken)
            : [];
        var contracts = withDetails
            ? await db.LocalContracts.AsNoTracking().Where(contract => ids.Contains(contract.ProgrammeId))
                .ToDictionaryAsync(contract => contract.ProgrammeId, cancellationToken)
            : [];
        var lines = (await db.BudgetLines.AsNoTracking().Where(line => ids.Contains(line.ProgrammeId)).ToListAsync(cancellationToken))
            .ToLookup(line => line.ProgrammeId);
        var interventions = withDetails
            ? (await db.Interventions.AsNoTracking().Where(intervention => ids.Contains(intervention.ProgrammeId))
                .OrderBy(intervention => intervention.Title).ToListAsync(cancellationToken))
                .ToLookup(intervention => intervention.ProgrammeId)
            : Enumerable.Empty<Intervention>().ToLookup(intervention => intervention.ProgrammeId);
        var budgets = withDetails
            ? interventions.ToDictionary(group => group.Key, group => (IReadOnlyDictionary<Guid, decimal>)group.ToDictionary(intervention => intervention.Id, intervention => intervention.Budget))
            : (await db.Interventions.AsNoTracking().Where(intervention => ids.Contains(intervention.ProgrammeId))
                .Select(intervention => new { intervention.ProgrammeId, intervention.Id, intervention.Budget })
                .ToListAsync(cancellationToken))
                .GroupBy(intervention => intervention.ProgrammeId)
                .ToDictionary(group => group.Key, group => (IReadOnlyDictionary<Guid, decimal>)group.ToDictionary(intervention => intervention.Id, intervention => intervention.Budget));
        IReadOnlyDictionary<Guid, decimal> noBudgets = new Dictionary<Guid, decimal>();
        var indicators = (await db.Indicators.AsNoTracking().Where(indicator => ids.Contains(indicator.ProgrammeId))
            .OrderBy(indicator => indicator.Kind).ThenBy(indicator => indicator.Name).ToListAsync(cancellationToken))
            .ToLookup(indicator => indicator.ProgrammeId);

        // The newest value per indicator for its own area, in one query: a cell with no later cell beside it.
        var latest = await db.Measurements.AsNoTracking()
            .Where(measurement => db.Indicators.Any(indicator =>
                indicator.Id == measurement.IndicatorId && ids.Contains(indicator.ProgrammeId) && indicator.AreaCode == measurement.AreaCode))
            .Where(measurement => !db.Measurements.Any(later =>
                later.IndicatorId == measurement.IndicatorId && later.AreaCode == measurement.AreaCode && later.Year > measurement.Year))
            .Select(measurement => new { measurement.IndicatorId, measurement.Year, measurement.Value })
            .ToDictionaryAsync(measurement => measurement.IndicatorId, measurement => new YearValue(measurement.Year, measurement.Value), cancellationToken);

        return programmes.Select(programme => new ProgrammeFigures(
                programme,
                blocks[programme.Id],
                alliances.GetValueOrDefault(programme.Id),
                contracts.GetValueOrDefault(programme.Id),
                lines[programme.Id].ToList(),
                budgets.GetValueOrDefault(programme.Id, noBudgets),
                interventions[programme.Id].ToList(),
                indicators[programme.Id].Select(indicator =>
                {
                    var value = latest.GetValueOrDefault(indicator.Id);
                    return new IndicatorReading(indicator, value, indicator.TrendOf(value));
                }).ToList()))
            .ToList();
    }
}
