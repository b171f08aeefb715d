using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Execution;

/// <summary>
/// The execution programme (§6.3): its periods and the interventions in them, with owners, ambitions,
/// indicators, budget and a status whose every change says why. Everyone who may see the programme
/// reads and exports it; programme staff plan and change.
/// </summary>
public sealed class ExecutionService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<PeriodEditModel> periodValidator,
    IValidator<InterventionEditModel> interventionValidator,
    IValidator<StatusChangeEditModel> statusValidator,
    AccessGuard access,
    TimeProvider clock,
    ILogger<ExecutionService> logger)
{
    private const string ConflictMessage =
        "Iemand anders heeft deze interventie intussen gewijzigd. Uw invoer staat nog in het formulier: laad de nieuwste stand, controleer uw wijziging en sla opnieuw op.";

    // Rules of the model that concern one field of a form: their message is shown next to that field.
    private static readonly Dictionary<string, string> PeriodRuleFields = new()
    {
        ["PeriodThreeToFourYears"] = nameof(PeriodEditModel.Until),
        ["PeriodWithinHorizon"] = nameof(PeriodEditModel.From),
        ["PeriodsDoNotOverlap"] = nameof(PeriodEditModel.From),
        ["PeriodNameRequired"] = nameof(PeriodEditModel.Name),
    };

    private static readonly Dictionary<string, string> InterventionRuleFields = new()
    {
        ["InterventionServesAnAmbition"] = nameof(InterventionEditModel.AmbitionIds),
        ["AmbitionMustExist"] = nameof(InterventionEditModel.AmbitionIds),
        ["IndicatorOfTheProgramme"] = nameof(InterventionEditModel.IndicatorIds),
        ["OrganisationMustExist"] = nameof(InterventionEditModel.OwnerOrganisationIds),
        ["PeriodOfTheProgramme"] = nameof(InterventionEditModel.PeriodId),
        ["InterventionKindKnown"] = nameof(InterventionEditModel.Kind),
        ["InterventionBudgetPlausible"] = nameof(InterventionEditModel.Budget),
        ["InterventionEndsAfterStart"] = nameof(InterventionEditModel.EndDate),
        ["InterventionTitleRequired"] = nameof(InterventionEditModel.Title),
        ["InterventionDescriptionTooLong"] = nameof(InterventionEditModel.Description),
    };

    private static readonly Dictionary<string, string> StatusRuleFields = new()
    {
        ["StatusChangeNeedsReason"] = nameof(StatusChangeEditModel.Reason),
        ["InterventionStatusKnown"] = nameof(StatusChangeEditModel.To),
        ["StatusMustChange"] = nameof(StatusChangeEditModel.To),
        ["NoBackToPlanned"] = nameof(StatusChangeEditModel.To),
        [DateRules.StatusChangeWithinProgrammeLife] = nameof(StatusChangeEditModel.On),
    };

    /// <summary>The periods and the interventions of <paramref name="periodId"/>, or of the period running today (else the latest).</summary>
    public async Task<Result<ExecutionView>> GetAsync(ProgrammeId programmeId, Guid? periodId = null, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ExecutionView>();
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmeName = await db.Programmes.AsNoTracking().Where(programme => programme.Id == programmeId)
            .Select(programme => programme.Name).SingleOrDefaultAsync(cancellationToken);
        if (programmeName is null)
        {
            return Result.ProgrammeNotFound().As<ExecutionView>();
        }

        var today = clock.TodayInNetherlands();
        var periods = await db.ExecutionPeriods.AsNoTracking().Where(period => period.ProgrammeId == programmeId).OrderBy(period => period.From)
            .Select(period => new PeriodView(period.Id, period.Name, period.From, period.Until)).ToListAsync(cancellationToken);
        var selected = periods.FirstOrDefault(period => period.Id == periodId)
            ?? periods.FirstOrDefault(period => period.From <= today && today <= period.Until)
            ?? periods.LastOrDefault();
        var names = await ExecutionNames.LoadAsync(db, programmeId, cancellationToken);
        var interventions = selected is null
            ? []
            : await InterventionsAsync(db, programmeId, names, intervention => intervention.PeriodId == selected.Id, cancellationToken);
        var canEdit = await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken);
        return new ExecutionView(programmeId, programmeName, today, periods, selected?.Id, interventions, names.Ambitions, names.Organisations, names.Indicators, canEdit);
    }

    /// <summary>Staff add an execution period: three to four years, within the horizon, overlapping no other.</summary>
    public async Task<Result> AddPeriodAsync(ProgrammeId programmeId, PeriodEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await periodValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(programme => programme.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound();
        }

        return await SaveAsync(db, PeriodRuleFields, async () =>
        {
            var existing = await db.ExecutionPeriods.AsNoTracking().Where(period => period.ProgrammeId == programmeId).ToListAsync(cancellationToken);
            db.ExecutionPeriods.Add(ExecutionPeriod.Plan(programme, existing, model.Name, DateOnly.FromDateTime(model.From!.Value), DateOnly.FromDateTime(model.Until!.Value)));
        }, cancellationToken);
    }

    /// <summary>Staff plan an intervention in a period; it must serve at least one ambition of the vision.</summary>
    public async Task<Result> PlanInterventionAsync(ProgrammeId programmeId, InterventionEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await interventionValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Programmes.AnyAsync(programme => programme.Id == programmeId, cancellationToken))
        {
            return Result.ProgrammeNotFound();
        }

        return await SaveAsync(db, InterventionRuleFields, async () =>
        {
            var period = await db.ExecutionPeriods.AsNoTracking().SingleOrDefaultAsync(period => period.Id == model.PeriodId, cancellationToken)
                ?? throw new DomainRuleException("PeriodOfTheProgramme", "Kies een uitvoeringsprogramma van dit programma.");
            await EnsureChoicesOfTheProgrammeAsync(db, programmeId, model, cancellationToken);
            db.Interventions.Add(Intervention.Plan(programmeId, period, model.ToDetails(), user.ToUserRef(), clock.GetUtcNow()));
        }, cancellationToken);
    }

    /// <summary>Staff change what an intervention is: title, kind, owners, ambitions, indicators, budget, dates. The period stays.</summary>
    public async Task<Result> ChangeInterventionAsync(ProgrammeId programmeId, Guid interventionId, InterventionEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await interventionValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var intervention = await db.Interventions.SingleOrDefaultAsync(intervention => intervention.Id == interventionId && intervention.ProgrammeId == programmeId, cancellationToken);
        if (intervention is null)
        {
            return Result.NotFound("Deze interventie bestaat niet (meer).");
        }

        db.Entry(intervention).Property(intervention => intervention.Version).OriginalValue = model.Version;
        return await SaveAsync(db, InterventionRuleFields, async () =>
        {
            await EnsureChoicesOfTheProgrammeAsync(db, programmeId, model, cancellationToken);
            intervention.Change(model.ToDetails());
        }, cancellationToken);
    }

    /// <summary>Staff change the status of an intervention, with the reason and the day; the history keeps every change.</summary>
    public async Task<Result> ChangeStatusAsync(ProgrammeId programmeId, Guid interventionId, StatusChangeEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await statusValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var intervention = await db.Interventions.SingleOrDefaultAsync(intervention => intervention.Id == interventionId && intervention.ProgrammeId == programmeId, cancellationToken);
        if (intervention is null)
        {
            return Result.NotFound("Deze interventie bestaat niet (meer).");
        }

        var calendar = await db.CalendarOfAsync(programmeId, clock, cancellationToken);
        if (calendar is null)
        {
            return Result.ProgrammeNotFound();
        }

        db.Entry(intervention).Property(intervention => intervention.Version).OriginalValue = model.Version;
        return await SaveAsync(db, StatusRuleFields, () =>
        {
            intervention.ChangeStatus(model.To!.Value, model.Reason, DateOnly.FromDateTime(model.On!.Value), calendar, user.ToUserRef(), clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>All interventions of the programme, every period, as a spreadsheet or a semicolon CSV for Dutch Excel.</summary>
    public async Task<Result<ExportFile>> ExportInterventionsAsync(ProgrammeId programmeId, ExportFormat format, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ExportFile>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmeName = await db.Programmes.AsNoTracking().Where(programme => programme.Id == programmeId)
            .Select(programme => programme.Name).SingleOrDefaultAsync(cancellationToken);
        if (programmeName is null)
        {
            return Result.ProgrammeNotFound().As<ExportFile>();
        }

        var names = await ExecutionNames.LoadAsync(db, programmeId, cancellationToken);
        var periods = await db.ExecutionPeriods.AsNoTracking().Where(period => period.ProgrammeId == programmeId)
            .ToDictionaryAsync(period => period.Id, period => period.Name, cancellationToken);
        var interventions = await InterventionsAsync(db, programmeId, names, _ => true, cancellationToken);
        var table = ExportTables.Interventions(interventions, periods);
        return ExportTables.Write(table, format, $"Interventies-{ExportTables.FileNamePart(programmeName)}");
    }

    /// <summary>
    /// The interventions matching <paramref name="filter"/> with their money. Three queries whatever the
    /// number of interventions: the interventions, their budget lines, and (before) the names.
    /// </summary>
    internal static async Task<List<InterventionView>> InterventionsAsync(
        WijkaanpakDbContext db,
        ProgrammeId programmeId,
        ExecutionNames names,
        System.Linq.Expressions.Expression<Func<Intervention, bool>> filter,
        CancellationToken cancellationToken)
    {
        var interventions = await db.Interventions.AsNoTracking().Where(intervention => intervention.ProgrammeId == programmeId).Where(filter)
            .OrderBy(intervention => intervention.StartDate).ThenBy(intervention => intervention.Title).ToListAsync(cancellationToken);
        var lines = await db.BudgetLines.AsNoTracking().Where(line => line.ProgrammeId == programmeId && line.InterventionId != null).ToListAsync(cancellationToken);
        var uncovered = BudgetTotals.Uncovered(lines, interventions.ToDictionary(intervention => intervention.Id, intervention => intervention.Budget));
        var money = lines.GroupBy(line => line.InterventionId!.Value).ToDictionary(group => group.Key, group => group.Aggregate(MoneyTotal.Zero, (total, line) => total.Add(line)));
        return interventions.Select(intervention =>
        {
            var total = money.GetValueOrDefault(intervention.Id, MoneyTotal.Zero);
            return new InterventionView(
                intervention.Id,
                intervention.PeriodId,
                intervention.Title,
                intervention.Description,
                intervention.Kind,
                intervention.OwnerOrganisationIds.Select(names.Organisation).ToList(),
                intervention.AmbitionIds.Select(names.Ambition).ToList(),
                names.OpgavenBehind(intervention.AmbitionIds),
                intervention.IndicatorIds.Select(names.Indicator).ToList(),
                intervention.Budget,
                intervention.StartDate,
                intervention.EndDate,
                intervention.Status,
                intervention.StatusHistory.Select(change => new StatusChangeView(change.From, change.To, change.Reason, change.ChangedOn, change.RecordedBy.DisplayName)).ToList(),
                total.Committed,
                total.Spent,
                uncovered.GetValueOrDefault(intervention.Id),
                intervention.Version);
        }).ToList();
    }

    /// <summary>The ambitions must be of this programme's vision, the indicators of this programme, the owners in the register.</summary>
    private static async Task EnsureChoicesOfTheProgrammeAsync(WijkaanpakDbContext db, ProgrammeId programmeId, InterventionEditModel model, CancellationToken cancellationToken)
    {
        var names = await ExecutionNames.LoadAsync(db, programmeId, cancellationToken);
        if (model.AmbitionIds.Any(id => names.Ambitions.All(ambition => ambition.Id != id)))
        {
            throw new DomainRuleException("AmbitionMustExist", "Kies ambities uit de visie van dit programma.");
        }

        if (model.IndicatorIds.Any(id => names.Indicators.All(indicator => indicator.Id != id)))
        {
            throw new DomainRuleException("IndicatorOfTheProgramme", "Kies indicatoren van dit programma.");
        }

        if (model.OwnerOrganisationIds.Any(id => names.Organisations.All(organisation => organisation.Id != id)))
        {
            throw new DomainRuleException("OrganisationMustExist", "Deze organisatie staat niet (meer) in het register.");
        }
    }

    /// <summary>Applies a change and saves it, turning broken rules and concurrent edits into results.</summary>
    private async Task<Result> SaveAsync(WijkaanpakDbContext db, IReadOnlyDictionary<string, string> ruleFields, Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
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
            logger.LogInformation("Gelijktijdige wijziging van een interventie geweigerd");
            return Result.Conflict(ConflictMessage);
        }
    }
}
