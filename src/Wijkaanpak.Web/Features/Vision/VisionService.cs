using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Vision;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Vision;

/// <summary>
/// The shared vision of a programme (§5.2) and the chain it starts: opgave → ambition → goal →
/// intervention → money → indicator. Everyone who may see the programme reads it; programme staff
/// change it. The vision is written on its first change.
/// </summary>
public sealed class VisionService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<MissionEditModel> missionValidator,
    IValidator<AmbitionEditModel> ambitionValidator,
    IValidator<GoalEditModel> goalValidator,
    AccessGuard access,
    TimeProvider clock,
    ILogger<VisionService> logger)
{
    private const string ConflictMessage =
        "Iemand anders heeft de visie intussen gewijzigd. Uw invoer staat nog in het formulier: laad de nieuwste stand, controleer uw wijziging en sla opnieuw op.";

    // Rules of the model that concern one field of a form: their message is shown next to that field.
    private static readonly Dictionary<string, string> MissionRuleFields = new()
    {
        ["MissionTooLong"] = nameof(MissionEditModel.Mission),
    };

    private static readonly Dictionary<string, string> AddAmbitionRuleFields = new()
    {
        ["AmbitionTitleRequired"] = nameof(AmbitionEditModel.Title),
        ["AmbitionDescriptionTooLong"] = nameof(AmbitionEditModel.Description),
        ["SubAmbitionOneLevel"] = nameof(AmbitionEditModel.ParentId),
        ["AmbitionMustExist"] = nameof(AmbitionEditModel.ParentId),
        ["OpgaveMustExist"] = nameof(AmbitionEditModel.OpgaveIds),
    };

    private static readonly Dictionary<string, string> ChangeAmbitionRuleFields = new()
    {
        ["AmbitionTitleRequired"] = nameof(AmbitionEditModel.Title),
        ["AmbitionDescriptionTooLong"] = nameof(AmbitionEditModel.Description),
        ["OpgaveMustExist"] = nameof(AmbitionEditModel.OpgaveIds),
    };

    private static readonly Dictionary<string, string> GoalRuleFields = new()
    {
        ["GoalTextRequired"] = nameof(GoalEditModel.Text),
        ["AmbitionMustExist"] = nameof(GoalEditModel.AmbitionId),
        ["IndicatorMustExist"] = nameof(GoalEditModel.IndicatorIds),
    };

    public async Task<Result<VisionView>> GetAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<VisionView>();
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmeName = await db.Programmes.AsNoTracking().Where(programme => programme.Id == programmeId)
            .Select(programme => programme.Name).SingleOrDefaultAsync(cancellationToken);
        if (programmeName is null)
        {
            return Result.ProgrammeNotFound().As<VisionView>();
        }

        var chain = await ChainData.LoadAsync(db, programmeId, cancellationToken);
        var canEdit = await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken);
        var ambitions = chain.Vision?.Ambitions ?? [];
        var money = BudgetTotals.PerAmbition(chain.Lines, chain.Interventions.ToDictionary(intervention => intervention.Id, intervention => (IReadOnlyList<Guid>)intervention.AmbitionIds));
        var titles = ambitions.ToDictionary(ambition => ambition.Id, ambition => ambition.Title);

        var views = ambitions.Select(ambition =>
        {
            var goals = ambition.Goals.Select(goal => new GoalView(goal.Id, goal.Text, chain.IndicatorsOf(goal.IndicatorIds))).ToList();
            var serving = chain.Interventions.Where(intervention => intervention.AmbitionIds.Contains(ambition.Id)).ToList();
            var indicatorIds = ambition.Goals.SelectMany(goal => goal.IndicatorIds).Concat(serving.SelectMany(intervention => intervention.IndicatorIds));
            return new AmbitionView(
                ambition.Id,
                ambition.ParentId,
                ambition.ParentId is { } parent ? titles.GetValueOrDefault(parent) : null,
                ambition.Title,
                ambition.Description,
                chain.OpgavenOf(ambition.OpgaveIds),
                goals,
                serving.Select(intervention => intervention.Ref).ToList(),
                chain.IndicatorsOf(indicatorIds),
                money.GetValueOrDefault(ambition.Id, MoneyTotal.Zero));
        }).ToList();

        var opgaven = chain.Opgaven.Values
            .Select(opgave => new OpgaveAnswerView(
                opgave.Id,
                opgave.Title,
                opgave.Domain,
                ambitions.Where(ambition => ambition.OpgaveIds.Contains(opgave.Id)).Select(ambition => new AmbitionRef(ambition.Id, ambition.Title)).ToList()))
            .ToList();

        return new VisionView(
            programmeId,
            programmeName,
            chain.Vision is not null,
            chain.Vision?.Mission ?? string.Empty,
            views,
            opgaven,
            chain.Indicators.Values.Select(indicator => new IndicatorChoice(indicator.Id, indicator.Name, indicator.Kind)).ToList(),
            canEdit,
            chain.Vision?.Version ?? 0);
    }

    /// <summary>
    /// The chain both ways, for any page that links along it: per intervention the ambitions it serves
    /// (with the opgaven they answer), the money committed and spent on it and the indicators it should
    /// move; per indicator the interventions aiming at it.
    /// </summary>
    public async Task<Result<ChainView>> GetChainAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ChainView>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Programmes.AnyAsync(programme => programme.Id == programmeId, cancellationToken))
        {
            return Result.ProgrammeNotFound().As<ChainView>();
        }

        var chain = await ChainData.LoadAsync(db, programmeId, cancellationToken);
        var ambitions = (chain.Vision?.Ambitions ?? []).ToDictionary(ambition => ambition.Id);
        var moneyPerIntervention = chain.Lines
            .GroupBy(line => line.InterventionId!.Value)
            .ToDictionary(group => group.Key, group => group.Aggregate(MoneyTotal.Zero, (total, line) => total.Add(line)));

        var interventions = chain.Interventions.Select(intervention => new InterventionChainView(
            intervention.Id,
            intervention.Title,
            intervention.Status,
            intervention.AmbitionIds.Where(ambitions.ContainsKey)
                .Select(id => new AmbitionChainView(id, ambitions[id].Title, chain.OpgavenOf(ambitions[id].OpgaveIds)))
                .ToList(),
            moneyPerIntervention.GetValueOrDefault(intervention.Id, MoneyTotal.Zero),
            chain.IndicatorsOf(intervention.IndicatorIds))).ToList();
        var indicators = chain.Indicators.Values.Select(indicator => new IndicatorChainView(
            indicator.Id,
            indicator.Name,
            indicator.Kind,
            chain.Interventions.Where(intervention => intervention.IndicatorIds.Contains(indicator.Id)).Select(intervention => intervention.Ref).ToList())).ToList();
        return new ChainView(interventions, indicators);
    }

    public Task<Result> ChangeMissionAsync(ProgrammeId programmeId, MissionEditModel model, CancellationToken cancellationToken = default) =>
        ChangeVisionAsync(programmeId, model, missionValidator, MissionRuleFields, change =>
        {
            change.Vision.ChangeMission(model.Mission, change.Now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Adds an ambition, or with a parent a sub-ambition, answering some of the programme's opgaven.</summary>
    public Task<Result> AddAmbitionAsync(ProgrammeId programmeId, AmbitionEditModel model, CancellationToken cancellationToken = default) =>
        ChangeVisionAsync(programmeId, model, ambitionValidator, AddAmbitionRuleFields, async change =>
        {
            await EnsureOpgavenAsync(change.Db, programmeId, model.OpgaveIds, cancellationToken);
            change.Vision.AddAmbition(model.Title, model.Description, model.ParentId, model.OpgaveIds, change.Now);
        }, cancellationToken);

    public Task<Result> ChangeAmbitionAsync(ProgrammeId programmeId, Guid ambitionId, AmbitionEditModel model, CancellationToken cancellationToken = default) =>
        ChangeVisionAsync(programmeId, model, ambitionValidator, ChangeAmbitionRuleFields, async change =>
        {
            await EnsureOpgavenAsync(change.Db, programmeId, model.OpgaveIds, cancellationToken);
            change.Vision.ChangeAmbition(ambitionId, model.Title, model.Description, model.OpgaveIds, change.Now);
        }, cancellationToken);

    public Task<Result> AddGoalAsync(ProgrammeId programmeId, GoalEditModel model, CancellationToken cancellationToken = default) =>
        ChangeVisionAsync(programmeId, model, goalValidator, GoalRuleFields, async change =>
        {
            var indicators = await IndicatorChecks.OfProgrammeAsync(change.Db, programmeId, model.IndicatorIds, cancellationToken);
            change.Vision.AddGoal(model.AmbitionId!.Value, model.Text, indicators, change.Now);
        }, cancellationToken);

    /// <summary>
    /// The one way this feature changes a vision: check access, validate, load the vision (or write it on
    /// the first change), apply the domain change on the version the form was opened on, save.
    /// </summary>
    private async Task<Result> ChangeVisionAsync<TModel>(
        ProgrammeId programmeId,
        TModel model,
        IValidator<TModel> validator,
        IReadOnlyDictionary<string, string> ruleFields,
        Func<VisionChange, Task> change,
        CancellationToken cancellationToken)
        where TModel : IVisionEdit
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

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Programmes.AnyAsync(programme => programme.Id == programmeId, cancellationToken))
        {
            return Result.ProgrammeNotFound();
        }

        try
        {
            var vision = await db.Visions.SingleOrDefaultAsync(vision => vision.ProgrammeId == programmeId, cancellationToken);
            if (vision is null)
            {
                // The first change writes the vision. Two first changes at once meet the unique index on
                // programme_id: the second is a conflict, like any other concurrent edit.
                vision = VisionStatement.Write(programmeId, null, now);
                db.Visions.Add(vision);
            }
            else
            {
                // The form was opened on this version (0: before the vision existed); a save against a later one is a conflict.
                db.Entry(vision).Property(vision => vision.Version).OriginalValue = model.Version;
            }

            await change(new VisionChange(db, vision, now));
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
            logger.LogInformation("Gelijktijdige wijziging van de visie van programma {ProgrammeId} geweigerd", programmeId);
            return Result.Conflict(ConflictMessage);
        }
        catch (DbUpdateException writtenTwice) when (writtenTwice.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            logger.LogInformation("De visie van programma {ProgrammeId} werd tegelijk door een ander vastgelegd", programmeId);
            return Result.Conflict(ConflictMessage);
        }
    }

    private static async Task EnsureOpgavenAsync(WijkaanpakDbContext db, ProgrammeId programmeId, IReadOnlyCollection<Guid> opgaveIds, CancellationToken cancellationToken)
    {
        var ids = opgaveIds.Distinct().ToList();
        var found = await db.Opgaven.CountAsync(opgave => opgave.ProgrammeId == programmeId && ids.Contains(opgave.Id), cancellationToken);
        if (found != ids.Count)
        {
            throw new DomainRuleException("OpgaveMustExist", "Kies alleen opgaven van dit programma.");
        }
    }

    private sealed record VisionChange(WijkaanpakDbContext Db, VisionStatement Vision, DateTimeOffset Now);
}

/// <summary>Indicators picked in a form must be the programme's own.</summary>
internal static class IndicatorChecks
{
    public static async Task<IReadOnlyList<IndicatorId>> OfProgrammeAsync(WijkaanpakDbContext db, ProgrammeId programmeId, IReadOnlyCollection<Guid> indicatorIds, CancellationToken cancellationToken)
    {
        var ids = indicatorIds.Distinct().Select(id => new IndicatorId(id)).ToList();
        var found = await db.Indicators.CountAsync(indicator => indicator.ProgrammeId == programmeId && ids.Contains(indicator.Id), cancellationToken);
        if (found != ids.Count)
        {
            throw new DomainRuleException("IndicatorMustExist", "Kies alleen indicatoren van dit programma.");
        }

        return ids;
    }

    /// <summary>
    /// The latest measurement of each of the programme's indicators in the indicator's own area: one
    /// query, whatever the number of indicators.
    /// </summary>
    public static async Task<Dictionary<Guid, YearValue>> LatestAsync(WijkaanpakDbContext db, ProgrammeId programmeId, CancellationToken cancellationToken)
    {
        var latest = await (
            from measurement in db.Measurements.AsNoTracking()
            join indicator in db.Indicators on measurement.IndicatorId equals indicator.Id
            where indicator.ProgrammeId == programmeId
                && measurement.AreaCode == indicator.AreaCode
                && !db.Measurements.Any(later => later.IndicatorId == measurement.IndicatorId && later.AreaCode == measurement.AreaCode && later.Year > measurement.Year)
            select new { measurement.IndicatorId, measurement.Year, measurement.Value })
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(row => row.IndicatorId.Value, row => new YearValue(row.Year, row.Value));
    }
}

/// <summary>
/// What the vision page and the chain read, in a fixed number of queries: the vision, the opgaven and
/// indicators by id, the interventions with their links, and the budget lines paying for interventions.
/// </summary>
internal sealed record ChainData(
    VisionStatement? Vision,
    IReadOnlyDictionary<Guid, OpgaveRef> Opgaven,
    IReadOnlyDictionary<Guid, IndicatorRef> Indicators,
    IReadOnlyList<ChainData.InterventionRow> Interventions,
    IReadOnlyList<BudgetLine> Lines)
{
    public static async Task<ChainData> LoadAsync(WijkaanpakDbContext db, ProgrammeId programmeId, CancellationToken cancellationToken)
    {
        var vision = await db.Visions.AsNoTracking().SingleOrDefaultAsync(vision => vision.ProgrammeId == programmeId, cancellationToken);
        // The domain is stored by name: sorted here, in the order the handbook lists the domains.
        var opgaven = (await db.Opgaven.AsNoTracking().Where(opgave => opgave.ProgrammeId == programmeId)
            .Select(opgave => new OpgaveRef(opgave.Id, opgave.Title, opgave.Domain))
            .ToListAsync(cancellationToken))
            .OrderBy(opgave => opgave.Domain).ThenBy(opgave => opgave.Title, StringComparer.CurrentCulture).ToList();
        var indicators = (await db.Indicators.AsNoTracking().Where(indicator => indicator.ProgrammeId == programmeId)
            .Select(indicator => new IndicatorRef(indicator.Id.Value, indicator.Name, indicator.Kind))
            .ToListAsync(cancellationToken))
            .OrderBy(indicator => indicator.Kind).ThenBy(indicator => indicator.Name, StringComparer.CurrentCulture).ToList();
        var interventions = await db.Interventions.AsNoTracking().Where(intervention => intervention.ProgrammeId == programmeId)
            .OrderBy(intervention => intervention.StartDate).ThenBy(intervention => intervention.Title)
            .Select(intervention => new InterventionRow(intervention.Id, intervention.Title, intervention.Status, intervention.AmbitionIds.ToList(), intervention.IndicatorIds.ToList()))
            .ToListAsync(cancellationToken);
        var lines = await db.BudgetLines.AsNoTracking().Where(line => line.ProgrammeId == programmeId && line.InterventionId != null).ToListAsync(cancellationToken);
        return new ChainData(
            vision,
            opgaven.ToDictionary(opgave => opgave.Id),
            indicators.ToDictionary(indicator => indicator.Id),
            interventions,
            lines);
    }

    /// <summary>Known ids in their given order, once each; an id whose record is gone is left out.</summary>
    public IReadOnlyList<OpgaveRef> OpgavenOf(IEnumerable<Guid> ids) =>
        ids.Distinct().Where(Opgaven.ContainsKey).Select(id => Opgaven[id]).ToList();

    public IReadOnlyList<IndicatorRef> IndicatorsOf(IEnumerable<Guid> ids) =>
        ids.Distinct().Where(Indicators.ContainsKey).Select(id => Indicators[id]).ToList();

    internal sealed record InterventionRow(Guid Id, string Title, InterventionStatus Status, List<Guid> AmbitionIds, List<Guid> IndicatorIds)
    {
        public InterventionRef Ref => new(Id, Title, Status);
    }
}
