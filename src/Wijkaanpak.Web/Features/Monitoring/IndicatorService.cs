using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Features.Execution;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Monitoring;

/// <summary>
/// The indicators of a programme (§6.4) and their yearly figures and interpretations (§7.3): define
/// and change an indicator, record a value by hand, write the duiding of a year. Bulk figures arrive
/// through the import, which writes the same measurement cells.
/// </summary>
public sealed class IndicatorService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<IndicatorEditModel> indicatorValidator,
    IValidator<MeasurementEditModel> measurementValidator,
    IValidator<InterpretationEditModel> interpretationValidator,
    AccessGuard access,
    TimeProvider clock,
    ILogger<IndicatorService> logger)
{
    private const string GoneMessage = "Deze indicator bestaat niet (meer) in dit programma.";
    private const string ChangedMeanwhile =
        "Iemand anders heeft deze indicator gewijzigd nadat u hem opende. Uw invoer staat nog in het formulier; hieronder ziet u wat er intussen is opgeslagen.";

    private static readonly Dictionary<string, string> IndicatorRuleFields = new()
    {
        ["IndicatorNameRequired"] = nameof(IndicatorEditModel.Name),
        ["IndicatorKindAndDirectionKnown"] = nameof(IndicatorEditModel.Kind),
        ["IndicatorUnitTooLong"] = nameof(IndicatorEditModel.Unit),
        ["IndicatorSourceTooLong"] = nameof(IndicatorEditModel.Source),
        ["IndicatorDefinitionTooLong"] = nameof(IndicatorEditModel.Definition),
        ["AreaCodeMustBeCbsCode"] = nameof(IndicatorEditModel.AreaCode),
        ["TargetAfterBaseline"] = nameof(IndicatorEditModel.TargetYear),
        ["IndicatorYearPlausible"] = nameof(IndicatorEditModel.BaselineYear),
        ["MeasurementValuePlausible"] = nameof(IndicatorEditModel.BaselineValue),
    };

    private static readonly Dictionary<string, string> MeasurementRuleFields = new()
    {
        ["AreaCodeMustBeCbsCode"] = nameof(MeasurementEditModel.AreaCode),
        ["IndicatorYearPlausible"] = nameof(MeasurementEditModel.Year),
        [DateRules.MeasurementYearNotInFuture] = nameof(MeasurementEditModel.Year),
        ["MeasurementValuePlausible"] = nameof(MeasurementEditModel.Value),
    };

    private static readonly Dictionary<string, string> InterpretationRuleFields = new()
    {
        ["IndicatorYearPlausible"] = nameof(InterpretationEditModel.Year),
        ["InterpretationRequired"] = nameof(InterpretationEditModel.Text),
    };

    public async Task<Result<IndicatorListView>> GetIndicatorsAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<IndicatorListView>();
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await ProgrammeOfAsync(db, programmeId, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound().As<IndicatorListView>();
        }

        // Whole indicators (few per programme) so that the trend is the domain's own TrendOf, not a copy of it in SQL.
        var indicators = await db.Indicators.AsNoTracking()
            .Where(indicator => indicator.ProgrammeId == programmeId)
            .OrderBy(indicator => indicator.Kind).ThenBy(indicator => indicator.Name)
            .ToListAsync(cancellationToken);

        // The newest value per indicator for its own area, in one query: a cell with no later cell beside it.
        var latest = await db.Measurements.AsNoTracking()
            .Where(measurement => db.Indicators.Any(indicator =>
                indicator.Id == measurement.IndicatorId && indicator.ProgrammeId == programmeId && indicator.AreaCode == measurement.AreaCode))
            .Where(measurement => !db.Measurements.Any(later =>
                later.IndicatorId == measurement.IndicatorId && later.AreaCode == measurement.AreaCode && later.Year > measurement.Year))
            .Select(measurement => new { measurement.IndicatorId, measurement.Year, measurement.Value })
            .ToDictionaryAsync(measurement => measurement.IndicatorId, measurement => new YearValue(measurement.Year, measurement.Value), cancellationToken);

        var currentYear = clock.TodayInNetherlands().Year;
        return new IndicatorListView(
            programmeId,
            programme.Name,
            programme.AreaCodes,
            currentYear,
            indicators.Select(indicator => Summary(indicator, latest.GetValueOrDefault(indicator.Id), currentYear)).ToList(),
            await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken));
    }

    /// <summary>Every measurement of the programme's indicators, in the long format the import reads back.</summary>
    public async Task<Result<ExportFile>> ExportMeasurementsAsync(ProgrammeId programmeId, ExportFormat format, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ExportFile>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await ProgrammeOfAsync(db, programmeId, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound().As<ExportFile>();
        }

        var rows = await db.Measurements.AsNoTracking()
            .Join(db.Indicators.Where(indicator => indicator.ProgrammeId == programmeId), measurement => measurement.IndicatorId, indicator => indicator.Id,
                (measurement, indicator) => new { measurement, indicator })
            .OrderBy(pair => pair.indicator.Name).ThenBy(pair => pair.measurement.AreaCode).ThenBy(pair => pair.measurement.Year)
            .Select(pair => new MeasurementExportRow(
                pair.indicator.Name, pair.indicator.Unit, pair.measurement.AreaCode, pair.measurement.Year, pair.measurement.Value, pair.measurement.SourceName, pair.measurement.SourceColumn))
            .ToListAsync(cancellationToken);
        return ExportTables.Write(ExportTables.Measurements(rows), format, $"Metingen-{ExportTables.FileNamePart(programme.Name)}");
    }

    public async Task<Result<IndicatorDetailView>> GetIndicatorAsync(ProgrammeId programmeId, IndicatorId indicatorId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<IndicatorDetailView>();
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await ProgrammeOfAsync(db, programmeId, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound().As<IndicatorDetailView>();
        }

        var indicator = await db.Indicators.AsNoTracking()
            .SingleOrDefaultAsync(row => row.Id == indicatorId && row.ProgrammeId == programmeId, cancellationToken);
        if (indicator is null)
        {
            return Result.NotFound(GoneMessage).As<IndicatorDetailView>();
        }

        // The page is about the indicator's own area; other areas (an imported file can hold thousands) are
        // counted here and read a page at a time when the user asks for them (GetOtherAreaMeasurementsAsync).
        var measurements = await db.Measurements.AsNoTracking()
            .Where(measurement => measurement.IndicatorId == indicatorId && measurement.AreaCode == indicator.AreaCode)
            .OrderBy(measurement => measurement.Year)
            .Select(measurement => new { measurement.AreaCode, measurement.Year, measurement.Value, measurement.SourceName, measurement.SourceColumn })
            .ToListAsync(cancellationToken);
        var otherAreaMeasurements = await db.Measurements
            .CountAsync(measurement => measurement.IndicatorId == indicatorId && measurement.AreaCode != indicator.AreaCode, cancellationToken);
        var interventions = await db.Interventions.AsNoTracking()
            .Where(intervention => intervention.ProgrammeId == programmeId && intervention.IndicatorIds.Contains(indicatorId.Value))
            .OrderBy(intervention => intervention.Title)
            .Select(intervention => new LinkedIntervention(intervention.Id, intervention.Title, intervention.Status))
            .ToListAsync(cancellationToken);

        // The vision is one small JSON tree per programme: read it whole and pick the goals here.
        var vision = await db.Visions.AsNoTracking().SingleOrDefaultAsync(row => row.ProgrammeId == programmeId, cancellationToken);
        var goals = vision is null
            ? []
            : vision.Ambitions
                .SelectMany(ambition => ambition.Goals.Where(goal => goal.IndicatorIds.Contains(indicatorId.Value)).Select(goal => new LinkedGoal(ambition.Title, goal.Text)))
                .ToList();

        var currentYear = clock.TodayInNetherlands().Year;
        var own = measurements.LastOrDefault();
        return new IndicatorDetailView(
            programmeId,
            programme.Name,
            programme.AreaCodes,
            currentYear,
            Summary(indicator, own is null ? null : new YearValue(own.Year, own.Value), currentYear),
            measurements.Select(measurement => new MeasurementView(
                measurement.AreaCode,
                measurement.Year,
                measurement.Value,
                measurement.SourceName,
                measurement.SourceColumn,
                indicator.Baseline is { } baseline ? measurement.Value - baseline.Value : null)).ToList(),
            otherAreaMeasurements,
            indicator.Interpretations.OrderByDescending(interpretation => interpretation.Year)
                .Select(interpretation => new InterpretationView(interpretation.Year, interpretation.Text, interpretation.WrittenBy.DisplayName, interpretation.WrittenAt)).ToList(),
            interventions,
            goals,
            await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken));
    }

    /// <summary>
    /// One page of the indicator's measurements in areas other than its own, by area and year, with the
    /// number of them all: for comparison, read only when the user opens it.
    /// </summary>
    public async Task<Result<MeasurementPage>> GetOtherAreaMeasurementsAsync(ProgrammeId programmeId, IndicatorId indicatorId, int skip, int take, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<MeasurementPage>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ownArea = await db.Indicators.AsNoTracking().Where(row => row.Id == indicatorId && row.ProgrammeId == programmeId)
            .Select(row => row.AreaCode).SingleOrDefaultAsync(cancellationToken);
        if (ownArea is null)
        {
            return Result.NotFound(GoneMessage).As<MeasurementPage>();
        }

        var others = db.Measurements.AsNoTracking().Where(measurement => measurement.IndicatorId == indicatorId && measurement.AreaCode != ownArea);
        var total = await others.CountAsync(cancellationToken);
        var rows = await others.OrderBy(measurement => measurement.AreaCode).ThenBy(measurement => measurement.Year)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MeasurementPage.LargestPage))
            .Select(measurement => new MeasurementView(measurement.AreaCode, measurement.Year, measurement.Value, measurement.SourceName, measurement.SourceColumn, null))
            .ToListAsync(cancellationToken);
        return new MeasurementPage(rows, total);
    }

    /// <summary>Defines a new indicator; returns its id.</summary>
    public async Task<Result<Guid>> DefineAsync(ProgrammeId programmeId, IndicatorEditModel model, CancellationToken cancellationToken = default)
    {
        Indicator? defined = null;
        var result = await SaveAsync(programmeId, model, indicatorValidator, IndicatorRuleFields, (db, _) =>
        {
            defined = Indicator.Define(programmeId, model.ToDetails());
            db.Indicators.Add(defined);
            return Task.FromResult(true);
        }, conflict: null, cancellationToken);
        return result.IsOk ? Result<Guid>.Ok(defined!.Id.Value) : result.As<Guid>();
    }

    public async Task<Result> ChangeAsync(ProgrammeId programmeId, IndicatorId indicatorId, IndicatorEditModel model, CancellationToken cancellationToken = default) =>
        await SaveAsync(programmeId, model, indicatorValidator, IndicatorRuleFields, async (db, user) =>
        {
            var indicator = await FindAsync(db, programmeId, indicatorId, cancellationToken);
            db.Entry(indicator).Property(row => row.Version).OriginalValue = model.Version;
            indicator.Change(model.ToDetails());
            return true;
        }, (fresh, token) => DifferencesAsync(fresh, programmeId, indicatorId, model, token), cancellationToken);

    /// <summary>Writes or rewrites the interpretation of one year; the indicator's version guards against overwriting a colleague's text unseen.</summary>
    public async Task<Result> InterpretAsync(ProgrammeId programmeId, IndicatorId indicatorId, InterpretationEditModel model, CancellationToken cancellationToken = default) =>
        await SaveAsync(programmeId, model, interpretationValidator, InterpretationRuleFields, async (db, user) =>
        {
            var indicator = await FindAsync(db, programmeId, indicatorId, cancellationToken);
            db.Entry(indicator).Property(row => row.Version).OriginalValue = model.Version;
            indicator.Interpret(model.Year!.Value, model.Text, user.ToUserRef(), clock.GetUtcNow());
            return true;
        }, conflict: null, cancellationToken);

    /// <summary>
    /// Records a value typed in by hand ("handmatig"): a new cell, or a correction of the cell for that
    /// area and year. The same value again changes nothing and says so.
    /// </summary>
    public async Task<Result<MeasurementOutcome>> RecordMeasurementAsync(ProgrammeId programmeId, IndicatorId indicatorId, MeasurementEditModel model, CancellationToken cancellationToken = default)
    {
        var outcome = MeasurementOutcome.Unchanged;
        var result = await SaveAsync(programmeId, model, measurementValidator, MeasurementRuleFields, async (db, _) =>
        {
            var indicator = await FindAsync(db, programmeId, indicatorId, cancellationToken);
            var input = model.ToInput(indicator.Name);
            var areaCode = AreaCode.Parse(model.AreaCode).Value;
            var cell = await db.Measurements.SingleOrDefaultAsync(
                measurement => measurement.IndicatorId == indicatorId && measurement.AreaCode == areaCode && measurement.Year == input.Year, cancellationToken);
            if (cell is null)
            {
                db.Measurements.Add(Measurement.Record(indicatorId, input, clock.GetUtcNow()));
                outcome = MeasurementOutcome.Recorded;
                return true;
            }

            outcome = cell.Correct(input, clock.GetUtcNow()) ? MeasurementOutcome.Corrected : MeasurementOutcome.Unchanged;
            return outcome == MeasurementOutcome.Corrected;
        }, conflict: null, cancellationToken);
        return result.IsOk ? Result<MeasurementOutcome>.Ok(outcome) : result.As<MeasurementOutcome>();
    }

    /// <summary>Access, validation, one context, the change (false: nothing to save), and the failures turned into results.</summary>
    private async Task<Result> SaveAsync<TModel>(
        ProgrammeId programmeId,
        TModel model,
        IValidator<TModel> validator,
        IReadOnlyDictionary<string, string> ruleFields,
        Func<WijkaanpakDbContext, CurrentUser, Task<bool>> change,
        Func<WijkaanpakDbContext, CancellationToken, Task<IReadOnlyList<FieldDifference>>>? conflict,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Programmes.AnyAsync(programme => programme.Id == programmeId, cancellationToken))
        {
            return Result.ProgrammeNotFound();
        }

        try
        {
            if (await change(db, user))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return Result.Ok();
        }
        catch (IndicatorGoneException)
        {
            return Result.NotFound(GoneMessage);
        }
        catch (DomainRuleException broken) when (ruleFields.TryGetValue(broken.Rule, out var field))
        {
            return Result.Invalid(new Dictionary<string, string[]> { [field] = [broken.Message] });
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Gelijktijdige wijziging van een indicator van programma {ProgrammeId} geweigerd", programmeId);
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return Result.Conflict(ChangedMeanwhile, conflict is null ? [] : await conflict(fresh, cancellationToken));
        }
        catch (DbUpdateException duplicate) when (duplicate.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: var constraint })
        {
            // Two unique indexes can refuse: the indicator's name within the programme, and the measurement cell.
            logger.LogInformation("Dubbele invoer ({Constraint}) bij de indicatoren van programma {ProgrammeId} geweigerd", constraint, programmeId);
            return constraint?.Contains("measurements", StringComparison.Ordinal) == true
                ? Result.Conflict("Iemand anders heeft zojuist een meting voor dit gebied en jaar vastgelegd. Laad de pagina opnieuw en kijk of uw waarde nog nodig is.")
                : Result.Invalid(new Dictionary<string, string[]> { [nameof(IndicatorEditModel.Name)] = ["Dit programma heeft al een indicator met deze naam."] });
        }
    }

    private static async Task<Indicator> FindAsync(WijkaanpakDbContext db, ProgrammeId programmeId, IndicatorId indicatorId, CancellationToken cancellationToken) =>
        await db.Indicators.SingleOrDefaultAsync(row => row.Id == indicatorId && row.ProgrammeId == programmeId, cancellationToken)
        ?? throw new IndicatorGoneException();

    private static async Task<ProgrammeHeader?> ProgrammeOfAsync(WijkaanpakDbContext db, ProgrammeId programmeId, CancellationToken cancellationToken) =>
        await db.Programmes.AsNoTracking()
            .Where(programme => programme.Id == programmeId)
            .Select(programme => new ProgrammeHeader(programme.Name, EF.Property<List<string>>(programme, "_areaCodes")))
            .SingleOrDefaultAsync(cancellationToken);

    private static IndicatorSummary Summary(Indicator indicator, YearValue? latest, int currentYear) => new(
        indicator.Id.Value,
        indicator.Name,
        indicator.Kind,
        indicator.Unit,
        indicator.Source,
        indicator.Definition,
        indicator.AreaCode,
        indicator.Direction,
        indicator.Baseline,
        indicator.Target,
        latest,
        indicator.TrendOf(latest),
        Indicator.IsBehind(latest, currentYear),
        indicator.Version);

    private static async Task<IReadOnlyList<FieldDifference>> DifferencesAsync(WijkaanpakDbContext db, ProgrammeId programmeId, IndicatorId indicatorId, IndicatorEditModel yours, CancellationToken cancellationToken)
    {
        var stored = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(row => row.Id == indicatorId && row.ProgrammeId == programmeId, cancellationToken);
        return stored is null ? [] : EditConflicts.Between(IndicatorEditModel.From(Summary(stored, null, 0)), yours, IndicatorEditModel.Labels);
    }

    private sealed record ProgrammeHeader(string Name, List<string> AreaCodes);

    /// <summary>The indicator was removed or belongs to another programme; becomes NotFound.</summary>
    private sealed class IndicatorGoneException : Exception;
}
