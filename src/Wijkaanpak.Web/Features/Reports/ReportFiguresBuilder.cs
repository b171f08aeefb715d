using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Reports;
using Wijkaanpak.Web.Features.Checklists;

namespace Wijkaanpak.Web.Features.Reports;

/// <summary>
/// Generates the figures of a programme's progress report over one year from the data as it is
/// now: the process (§3.1), the indicators with that year's duiding (§6.4, §7.3), the interventions
/// per ambition with the status changes of the year (§6.3), the money (§5.5) and the year's
/// decisions. No access check here: the callers (the report service, the demo seeding) do that.
/// </summary>
public static class ReportFiguresBuilder
{
    private const string NoAmbition = "Zonder ambitie in de visie";

    public static async Task<ReportFigures?> BuildAsync(WijkaanpakDbContext db, ProgrammeId programmeId, int year, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(programme => programme.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return null;
        }

        // The state "at the end of the year", or today when the year is still running.
        var yearEnd = new DateOnly(year, 12, 31);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var reference = yearEnd < today ? yearEnd : today;

        return new ReportFigures(
            year,
            now,
            programme.Name,
            programme.Municipality,
            programme.AreaCodes.Select(code => code.Value).ToList(),
            await ProcessAsync(db, programme, reference, cancellationToken),
            await IndicatorsAsync(db, programmeId, year, cancellationToken),
            await AmbitionsAsync(db, programmeId, year, cancellationToken),
            await MoneyAsync(db, programmeId, cancellationToken),
            await db.Decisions.AsNoTracking()
                .Where(decision => decision.ProgrammeId == programmeId && decision.SupersededById == null
                    && decision.DecidedOn >= new DateOnly(year, 1, 1) && decision.DecidedOn <= yearEnd)
                .OrderBy(decision => decision.DecidedOn)
                .Select(decision => new { decision.DecidedOn, decision.Kind, decision.Title, decision.DecidedBy })
                .AsAsyncEnumerable()
                .Select(decision => new DecisionFigure(decision.DecidedOn, decision.Kind.DisplayName(), decision.Title, decision.DecidedBy))
                .ToListAsync(cancellationToken));
    }

    private static async Task<ProcessFigures> ProcessAsync(WijkaanpakDbContext db, Programme programme, DateOnly reference, CancellationToken cancellationToken)
    {
        var states = await ChecklistProgress.OfProgrammeAsync(db, programme, cancellationToken);
        var completion = ProcessCompletion.FromBlocks(states.ToDictionary(state => state.Key, state => state.Value.Completion, StringComparer.Ordinal));
        var alliance = await db.Alliances.AsNoTracking().SingleOrDefaultAsync(alliance => alliance.ProgrammeId == programme.Id, cancellationToken);
        var contract = await db.LocalContracts.AsNoTracking().SingleOrDefaultAsync(contract => contract.ProgrammeId == programme.Id, cancellationToken);
        var participation = alliance?.ParticipationOn(reference);
        return new ProcessFigures(
            programme.CurrentPhase.DisplayName(),
            programme.Cycle,
            completion.OfProgramme.Answered,
            completion.OfProgramme.Total,
            ProcessModel.Phases.Select(phase => new PhaseCompletion(phase.DisplayName(), completion.OfPhase(phase).Answered, completion.OfPhase(phase).Total)).ToList(),
            alliance?.OrganisationsOn(reference).Count ?? 0,
            alliance?.BoardOn(reference).Count ?? 0,
            participation is null ? null : $"Variant {participation.Level}",
            ContractState(contract));
    }

    private static string ContractState(LocalContract? contract)
    {
        if (contract is null)
        {
            return "Nog geen lokaal contract";
        }

        if (contract.InForce is { } inForce)
        {
            var signed = inForce.SignedOn is { } on ? on.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")) : "–";
            var draft = contract.Draft is { } concept ? $"; versie {concept.Number} is in bewerking" : string.Empty;
            return $"{inForce.Kind.DisplayName()}, versie {inForce.Number} ondertekend op {signed}{draft}";
        }

        return $"{contract.Latest.Kind.DisplayName()} in concept (versie {contract.Latest.Number})";
    }

    /// <summary>The indicators with their own area's figures up to and including <paramref name="year"/>.</summary>
    public static async Task<IReadOnlyList<IndicatorFigures>> IndicatorsAsync(WijkaanpakDbContext db, ProgrammeId programmeId, int year, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking()
            .Where(indicator => indicator.ProgrammeId == programmeId)
            .OrderBy(indicator => indicator.Kind).ThenBy(indicator => indicator.Name)
            .ToListAsync(cancellationToken);

        // Only the indicator's own area, the figures its baseline and target are about: an indicator
        // measured for twenty areas would otherwise bring nineteen areas' rows along for nothing.
        var measurements = (await db.Measurements.AsNoTracking()
                .Where(measurement => measurement.Year <= year && db.Indicators.Any(indicator =>
                    indicator.Id == measurement.IndicatorId && indicator.ProgrammeId == programmeId && indicator.AreaCode == measurement.AreaCode))
                .OrderBy(measurement => measurement.Year)
                .Select(measurement => new { measurement.IndicatorId, measurement.Year, measurement.Value })
                .ToListAsync(cancellationToken))
            .ToLookup(measurement => measurement.IndicatorId);
        return indicators.Select(indicator =>
        {
            var values = measurements[indicator.Id].Select(measurement => new ReportYearValue(measurement.Year, measurement.Value)).ToList();
            var latest = values.LastOrDefault();
            return new IndicatorFigures(
                indicator.Id.Value,
                indicator.Name,
                indicator.Kind.DisplayName(),
                indicator.Unit,
                indicator.Source,
                indicator.Direction.DisplayName(),
                indicator.Baseline is { } baseline ? new ReportYearValue(baseline.Year, baseline.Value) : null,
                indicator.Target is { } target ? new ReportYearValue(target.Year, target.Value) : null,
                values,
                indicator.TrendOf(latest is null ? null : new YearValue(latest.Year, latest.Value)).DisplayName(),
                indicator.Interpretations.SingleOrDefault(interpretation => interpretation.Year == year)?.Text);
        }).ToList();
    }

    private static async Task<IReadOnlyList<AmbitionProgress>> AmbitionsAsync(WijkaanpakDbContext db, ProgrammeId programmeId, int year, CancellationToken cancellationToken)
    {
        var vision = await db.Visions.AsNoTracking().SingleOrDefaultAsync(vision => vision.ProgrammeId == programmeId, cancellationToken);
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);

        // The interventions that ran in the year: started before its end, not ended before its start.
        var interventions = (await db.Interventions.AsNoTracking()
                .Where(intervention => intervention.ProgrammeId == programmeId && intervention.StartDate <= yearEnd)
                .OrderBy(intervention => intervention.StartDate).ThenBy(intervention => intervention.Title)
                .ToListAsync(cancellationToken))
            .Where(intervention => intervention.StatusHistory.All(change => change.To is not (InterventionStatus.Gestopt or InterventionStatus.Afgerond) || change.ChangedOn >= yearStart))
            .ToList();

        InterventionProgress Progress(Intervention intervention) => new(
            intervention.Id,
            intervention.Title,
            intervention.Kind.DisplayName(),
            StatusAtEndOf(intervention, yearEnd).DisplayName(),
            intervention.Budget,
            intervention.StatusHistory
                .Where(change => change.From is not null && change.ChangedOn >= yearStart && change.ChangedOn <= yearEnd)
                .Select(change => new StatusChangeFigure(change.ChangedOn, change.From!.Value.DisplayName(), change.To.DisplayName(), change.Reason))
                .ToList());

        var ambitions = (vision?.Ambitions ?? []).Where(ambition => ambition.ParentId is null).ToList();
        var subAmbitionsOf = (vision?.Ambitions ?? []).Where(ambition => ambition.ParentId is not null)
            .ToLookup(ambition => ambition.ParentId!.Value, ambition => ambition.Id);
        var progress = ambitions
            .Select(ambition =>
            {
                var served = subAmbitionsOf[ambition.Id].Append(ambition.Id).ToHashSet();
                return new AmbitionProgress(ambition.Title, interventions.Where(intervention => intervention.AmbitionIds.Any(served.Contains)).Select(Progress).ToList());
            })
            .ToList();
        var known = (vision?.Ambitions ?? []).Select(ambition => ambition.Id).ToHashSet();
        var orphans = interventions.Where(intervention => !intervention.AmbitionIds.Any(known.Contains)).Select(Progress).ToList();
        if (orphans.Count > 0)
        {
            progress.Add(new AmbitionProgress(NoAmbition, orphans));
        }

        return progress;
    }

    /// <summary>The status an intervention had at the end of the year: its last recorded change on or before that day.</summary>
    private static InterventionStatus StatusAtEndOf(Intervention intervention, DateOnly yearEnd) =>
        intervention.StatusHistory.LastOrDefault(change => change.ChangedOn <= yearEnd)?.To ?? InterventionStatus.Gepland;

    /// <summary>The money as it stands now: per source and year, committed, spent and not covered.</summary>
    public static async Task<MoneyFigures> MoneyAsync(WijkaanpakDbContext db, ProgrammeId programmeId, CancellationToken cancellationToken)
    {
        var lines = await db.BudgetLines.AsNoTracking().Where(line => line.ProgrammeId == programmeId).ToListAsync(cancellationToken);
        // Projected first: ToDictionaryAsync's selectors run after materialising, which would read every
        // intervention whole, status history included.
        var budgets = await db.Interventions.AsNoTracking().Where(intervention => intervention.ProgrammeId == programmeId)
            .Select(intervention => new { intervention.Id, intervention.Budget })
            .ToDictionaryAsync(intervention => intervention.Id, intervention => intervention.Budget, cancellationToken);
        return new MoneyFigures(
            BudgetTotals.PerSource(lines).OrderBy(pair => pair.Key).Select(pair => new MoneyRow(pair.Key.DisplayName(), pair.Value.Committed, pair.Value.Spent)).ToList(),
            BudgetTotals.PerYear(lines).Select(pair => new MoneyRow(pair.Key.ToString(CultureInfo.InvariantCulture), pair.Value.Committed, pair.Value.Spent)).ToList(),
            lines.Sum(line => line.Committed),
            lines.Sum(line => line.Spent),
            BudgetTotals.Uncovered(lines, budgets).Values.Sum());
    }
}
