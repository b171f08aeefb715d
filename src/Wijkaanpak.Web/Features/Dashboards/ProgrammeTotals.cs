using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Features.Checklists;

namespace Wijkaanpak.Web.Features.Dashboards;

/// <summary>
/// A programme's totals for the portfolio, where hundreds of programmes stand side by side. Unlike
/// <see cref="ProgrammeFigures"/>, no budget line or intervention crosses the network: money is summed
/// in the database, one row per programme. The sum of what no committed money covers is the SQL form of
/// the domain's <c>BudgetTotals.Uncovered</c>; <c>DashboardServiceTests.Portfolio_SumsInTheDatabase_…</c>
/// holds the two against each other on every case the rule distinguishes. Indicators are read as the few columns their trend needs,
/// and the trend itself comes from the domain.
/// </summary>
internal sealed record ProgrammeTotals(
    Programme Programme,
    Completion Completion,
    decimal Committed,
    decimal Spent,
    decimal Uncovered,
    IReadOnlyList<IndicatorTrend> Trends)
{
    /// <summary>
    /// The programmes <paramref name="visibleTo"/> picks, then their four kinds of totals side by side,
    /// each on a connection of its own: they do not depend on each other, and for the national portfolio
    /// each is a scan of its own table, so PostgreSQL works on them at once instead of one after another.
    /// </summary>
    public static async Task<IReadOnlyList<ProgrammeTotals>> LoadAsync(
        IDbContextFactory<WijkaanpakDbContext> dbFactory,
        Func<WijkaanpakDbContext, IQueryable<ProgrammeId>> visibleTo,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(visibleTo);
        var programmes = await ReadAsync(db =>
        {
            var visible = visibleTo(db);
            return db.Programmes.AsNoTracking()
                .Where(programme => visible.Contains(programme.Id))
                .OrderBy(programme => programme.Name)
                .ToListAsync(cancellationToken);
        });
        if (programmes.Count == 0)
        {
            return [];
        }

        var ids = programmes.Select(programme => programme.Id).ToList();
        var blocksRead = ReadAsync(db => ChecklistProgress.OfProgrammesAsync(db, programmes, cancellationToken));
        var moneyRead = ReadAsync(db => db.BudgetLines.AsNoTracking()
            .Where(line => ids.Contains(line.ProgrammeId))
            .GroupBy(line => line.ProgrammeId)
            .Select(programme => new { ProgrammeId = programme.Key, Committed = programme.Sum(line => line.Committed), Spent = programme.Sum(line => line.Spent) })
            .ToDictionaryAsync(programme => programme.ProgrammeId, cancellationToken));
        var uncoveredRead = ReadAsync(db => UncoveredAsync(db, ids, cancellationToken));
        var trendsRead = ReadAsync(db => TrendsAsync(db, ids, cancellationToken));
        await Task.WhenAll(blocksRead, moneyRead, uncoveredRead, trendsRead);
        var (blocks, money, uncovered, trends) = (await blocksRead, await moneyRead, await uncoveredRead, await trendsRead);

        return programmes.Select(programme => new ProgrammeTotals(
                programme,
                ProcessCompletion.FromBlocks(blocks[programme.Id].ToDictionary(block => block.Key, block => block.Value.Completion, StringComparer.Ordinal)).OfProgramme,
                money.GetValueOrDefault(programme.Id)?.Committed ?? 0,
                money.GetValueOrDefault(programme.Id)?.Spent ?? 0,
                uncovered.GetValueOrDefault(programme.Id),
                trends[programme.Id].ToList()))
            .ToList();

        async Task<T> ReadAsync<T>(Func<WijkaanpakDbContext, Task<T>> read)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await read(db);
        }
    }

    /// <summary>
    /// Per programme the trend of each indicator, from the few columns the domain's rule needs and the
    /// newest value for the indicator's own area (as <see cref="ProgrammeFigures.LatestValuesAsync"/>
    /// reads it), in one query of plain columns: read through EF Core's complex types, the 30,000
    /// indicators of the national portfolio took longer to materialise than to find.
    /// </summary>
    private static async Task<ILookup<ProgrammeId, IndicatorTrend>> TrendsAsync(
        WijkaanpakDbContext db,
        IReadOnlyCollection<ProgrammeId> ids,
        CancellationToken cancellationToken)
    {
        var programmes = ids.Select(id => id.Value).ToArray();
        var rows = await db.Database.SqlQuery<TrendRow>($"""
            SELECT i.programme_id AS programme, i.direction, i.baseline_year, i.baseline_value, i.target_year, i.target_value,
                   newest.year AS latest_year, newest.value AS latest_value
            FROM indicators i
            LEFT JOIN LATERAL (
                SELECT m.year, m.value FROM measurements m
                WHERE m.indicator_id = i.id AND m.area_code = i.area_code
                ORDER BY m.year DESC LIMIT 1) newest ON true
            WHERE i.programme_id = ANY({programmes})
            """).ToListAsync(cancellationToken);
        return rows.ToLookup(row => new ProgrammeId(row.Programme), row => Indicator.TrendOf(
            // The column holds the enum's name (MonitoringConfigurations: HasConversion<string>).
            Enum.Parse<ImprovementDirection>(row.Direction),
            YearValueOf(row.BaselineYear, row.BaselineValue),
            YearValueOf(row.TargetYear, row.TargetValue),
            YearValueOf(row.LatestYear, row.LatestValue)));
    }

    private static YearValue? YearValueOf(int? year, decimal? value) => year is { } y && value is { } v ? new YearValue(y, v) : null;

    /// <summary>
    /// Per programme, what its interventions plan to spend beyond the money committed to each of them
    /// (§5.5): an intervention with more committed than planned covers nothing of another one, and money
    /// committed to the bureau (a line without an intervention) covers no intervention.
    /// </summary>
    private static async Task<Dictionary<ProgrammeId, decimal>> UncoveredAsync(
        WijkaanpakDbContext db,
        IReadOnlyCollection<ProgrammeId> ids,
        CancellationToken cancellationToken)
    {
        // One hash join of the interventions with their lines' sums; LINQ's left join with a group on
        // top is not translated by EF Core, and a correlated sum per intervention probes the index
        // 100,000 times for the national portfolio.
        var programmes = ids.Select(id => id.Value).ToArray();
        var rows = await db.Database.SqlQuery<UncoveredRow>($"""
            SELECT i.programme_id AS programme, sum(i.budget - coalesce(c.committed, 0)) AS uncovered
            FROM interventions i
            LEFT JOIN (
                SELECT programme_id, intervention_id, sum(committed) AS committed
                FROM budget_lines
                WHERE intervention_id IS NOT NULL AND programme_id = ANY({programmes})
                GROUP BY programme_id, intervention_id) c
              ON c.intervention_id = i.id AND c.programme_id = i.programme_id
            WHERE i.programme_id = ANY({programmes}) AND i.budget > coalesce(c.committed, 0)
            GROUP BY i.programme_id
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(row => new ProgrammeId(row.Programme), row => row.Uncovered);
    }

    private sealed record UncoveredRow(Guid Programme, decimal Uncovered);

    private sealed record TrendRow(
        Guid Programme,
        string Direction,
        int? BaselineYear,
        decimal? BaselineValue,
        int? TargetYear,
        decimal? TargetValue,
        int? LatestYear,
        decimal? LatestValue);
}
