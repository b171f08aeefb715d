using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Features.Checklists;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Decisions;

/// <summary>
/// The go/no-go gate (§4.6), phase moves and the besluitenlijst. Every decision the programme
/// makes is stored in the same transaction as the change it records.
/// </summary>
public sealed class DecisionService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    ChecklistService checklists,
    IValidator<WeighingEditModel> weighingValidator,
    IValidator<GoNoGoEditModel> goNoGoValidator,
    IValidator<PhaseMoveEditModel> phaseMoveValidator,
    IValidator<DecisionEditModel> decisionValidator,
    IValidator<HerijkingEditModel> herijkingValidator,
    GoNoGoCorrectionValidator correctionValidator,
    AccessGuard access,
    TimeProvider clock,
    ILogger<DecisionService> logger)
{
    private const string ConflictMessage =
        "Iemand anders heeft dit programma intussen gewijzigd. Uw invoer staat nog in het formulier: bekijk de nieuwste stand en sla dan opnieuw op.";

    // Rules of the model about the date of a decision: shown next to the date field, which every
    // decision form (go/no-go, phase move, herijking, other decision) names DecidedOn.
    private static readonly HashSet<string> DecidedOnRules =
    [
        DateRules.DecisionNotInFuture,
        DateRules.DecisionNotBeforeProgrammeStart,
        DateRules.PhaseMoveNotBeforePreviousMove,
    ];

    public async Task<Result<GateView>> GetGateAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<GateView>();
        }

        var user = await access.CurrentUserAsync();
        var overview = await checklists.GetOverviewAsync(programmeId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(programme => programme.Id == programmeId, cancellationToken);
        if (programme is null || !overview.IsOk)
        {
            return Result.ProgrammeNotFound().As<GateView>();
        }

        var standing = programme.GoNoGoDecisionId is { } decisionId
            ? await db.Decisions.AsNoTracking().SingleOrDefaultAsync(decision => decision.Id == decisionId, cancellationToken)
            : null;
        var canWeigh = await access.PermitsAsync(user, Capability.AnswerChecklist, programmeId, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(organisation => organisation.Name)
            .Select(organisation => new OrganisationChoice(organisation.Id.Value, organisation.Name))
            .ToListAsync(cancellationToken);
        if (!user.IsInRole(Role.Programmabureau))
        {
            // A partner weighs for their own organisation only; staff record any party's weighing.
            organisations = organisations.Where(organisation => organisation.Id == user.OrganisationId).ToList();
        }

        var orienteren = overview.Value!.Phases.Single(phase => phase.Phase == Phase.Orienteren);
        return new GateView(
            programme.Id,
            programme.Name,
            programme.CurrentPhase,
            programme.Status,
            programme.Urgency,
            programme.GoNoGoWeighings.Select(weighing => new WeighingView(
                weighing.OrganisationId,
                weighing.OrganisationName,
                weighing.Considerations.ToDictionary(consideration => consideration.Question, consideration => (consideration.Answer, consideration.Explanation)),
                weighing.RecordedBy.DisplayName,
                weighing.RecordedAt)).ToList(),
            orienteren.Blocks,
            orienteren.Completion,
            standing is null ? null : ToView(standing),
            organisations,
            canWeigh && programme.GoNoGo is null,
            await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken),
            programme.Version);
    }

    /// <summary>Records (or replaces) one organisation's weighing; a partner only for their own organisation.</summary>
    public async Task<Result> RecordWeighingAsync(ProgrammeId programmeId, WeighingEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await access.CurrentUserAsync();
        if (!user.IsInRole(Role.Programmabureau) && model.OrganisationId is { } organisationId && organisationId != user.OrganisationId)
        {
            logger.LogWarning("Geweigerd: {UserId} wilde afwegen namens organisatie {OrganisationId}", user.UserId, organisationId);
            return Result.Forbidden();
        }

        return await ChangeProgrammeAsync(programmeId, Capability.AnswerChecklist, model, weighingValidator, async change =>
        {
            var organisation = await change.Db.Organisations.AsNoTracking()
                .SingleOrDefaultAsync(organisation => organisation.Id == new Domain.Organisations.OrganisationId(model.OrganisationId!.Value), cancellationToken)
                ?? throw new DomainRuleException("OrganisationMustExist", "Deze organisatie bestaat niet (meer).");
            change.Programme.RecordGoNoGoWeighing(
                organisation.Id.Value,
                organisation.Name,
                model.Considerations.Select(pair => new ConsiderationInput(pair.Key, pair.Value.Answer!.Value, pair.Value.Explanation)).ToList(),
                change.By,
                change.Now);
            return [];
        }, cancellationToken);
    }

    /// <summary>Takes the go/no-go decision; with a go and <see cref="GoNoGoEditModel.StartOpstarten"/> the programme moves on.</summary>
    public Task<Result> RecordGoNoGoAsync(ProgrammeId programmeId, GoNoGoEditModel model, CancellationToken cancellationToken = default) =>
        ChangeProgrammeAsync(programmeId, Capability.EditProgramme, model, goNoGoValidator, async change =>
        {
            var input = model.ToInput();
            List<Decision> decisions = [change.Programme.RecordGoNoGoDecision(input, await OrienterenCompletionAsync(programmeId, cancellationToken), change.By, change.Now)];
            if (input.Outcome == GoNoGoOutcome.Go && model.StartOpstarten && change.Programme.CurrentPhase == Phase.Orienteren)
            {
                decisions.Add(change.Programme.MoveToPhase(
                    new PhaseMoveInput(Phase.Opstarten, "Go-besluit genomen: de alliantie, de visie, het uitvoeringsplan en de middelen worden opgezet.", input.DecidedOn, input.DecidedBy),
                    change.By,
                    change.Now));
            }

            return decisions;
        }, cancellationToken);

    /// <summary>
    /// Corrects the standing go/no-go decision by a new one that supersedes it, with the reason; the
    /// earlier decision stays in the log, marked as replaced.
    /// </summary>
    public Task<Result> CorrectGoNoGoAsync(ProgrammeId programmeId, GoNoGoEditModel model, CancellationToken cancellationToken = default) =>
        ChangeProgrammeAsync(programmeId, Capability.EditProgramme, model, correctionValidator, async change =>
        {
            var standing = change.Programme.GoNoGoDecisionId is { } standingId
                ? await change.Db.Decisions.SingleOrDefaultAsync(decision => decision.Id == standingId, cancellationToken)
                : null;
            return standing is null
                ? throw new DomainRuleException("NothingToCorrect", "Er is nog geen go/no-go-besluit om te corrigeren.")
                : [change.Programme.CorrectGoNoGoDecision(standing, model.ToInput(), model.CorrectionReason, await OrienterenCompletionAsync(programmeId, cancellationToken), change.By, change.Now)];
        }, cancellationToken);

    /// <summary>Starts the next cycle (§8.2), re-opening the chosen blocks; earlier cycles stay readable.</summary>
    public Task<Result> StartHerijkingAsync(ProgrammeId programmeId, HerijkingEditModel model, CancellationToken cancellationToken = default) =>
        ChangeProgrammeAsync(programmeId, Capability.EditProgramme, model, herijkingValidator, async change =>
        {
            var revisits = model.RevisitsDecisionId is { } revisitsId
                ? await change.Db.Decisions.AsNoTracking().SingleOrDefaultAsync(decision => decision.Id == new DecisionId(revisitsId), cancellationToken)
                : null;
            return [change.Programme.RecordHerijking(
                new HerijkingInput(model.Reason, model.ReopenedBuildingBlockCodes.ToList(), DateOnly.FromDateTime(model.DecidedOn!.Value), model.DecidedBy),
                revisits,
                change.By,
                change.Now)];
        }, cancellationToken);

    public Task<Result> MovePhaseAsync(ProgrammeId programmeId, PhaseMoveEditModel model, CancellationToken cancellationToken = default) =>
        ChangeProgrammeAsync(programmeId, Capability.EditProgramme, model, phaseMoveValidator, change =>
            Task.FromResult<IReadOnlyList<Decision>>([change.Programme.MoveToPhase(
                new PhaseMoveInput(model.To!.Value, model.Reason, DateOnly.FromDateTime(model.DecidedOn!.Value), model.DecidedBy),
                change.By,
                change.Now)]), cancellationToken);

    public Task<Result> RecordDecisionAsync(ProgrammeId programmeId, DecisionEditModel model, CancellationToken cancellationToken = default) =>
        ChangeProgrammeAsync(programmeId, Capability.EditProgramme, model, decisionValidator, change =>
            Task.FromResult<IReadOnlyList<Decision>>([Decision.Record(
                change.Programme,
                new DecisionDetails(DateOnly.FromDateTime(model.DecidedOn!.Value), model.DecidedBy, model.Title, model.Rationale),
                model.BuildingBlockCodes,
                related: null,
                change.By,
                change.Now)]), cancellationToken);

    /// <summary>The besluitenlijst: every decision of the programme, newest first, corrections next to what they replace.</summary>
    public async Task<Result<DecisionLogView>> GetLogAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<DecisionLogView>();
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking()
            .Where(programme => programme.Id == programmeId)
            .Select(programme => new { programme.Name, programme.CurrentPhase, programme.Status, programme.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound().As<DecisionLogView>();
        }

        var decisions = await db.Decisions.AsNoTracking()
            .Where(decision => decision.ProgrammeId == programmeId)
            .OrderByDescending(decision => decision.DecidedOn).ThenByDescending(decision => decision.RecordedAt)
            .ToListAsync(cancellationToken);
        return new DecisionLogView(
            programmeId,
            programme.Name,
            programme.CurrentPhase,
            programme.Status,
            decisions.Select(ToView).ToList(),
            await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken),
            programme.Version);
    }

    /// <summary>
    /// The one way this feature changes a programme: check access, validate, load the programme,
    /// apply the domain change, and save it together with the decisions it produced.
    /// </summary>
    private async Task<Result> ChangeProgrammeAsync<TModel>(
        ProgrammeId programmeId,
        Capability capability,
        TModel model,
        IValidator<TModel> validator,
        Func<ProgrammeChange, Task<IReadOnlyList<Decision>>> change,
        CancellationToken cancellationToken)
        where TModel : IProgrammeEdit
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(capability, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.SingleOrDefaultAsync(programme => programme.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound();
        }

        try
        {
            // The form was opened on this version: a save against a later one is a conflict.
            db.Entry(programme).Property(programme => programme.Version).OriginalValue = model.ProgrammeVersion;
            db.Decisions.AddRange(await change(new ProgrammeChange(db, programme, user.ToUserRef(), clock.GetUtcNow())));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DomainRuleException broken) when (DecidedOnRules.Contains(broken.Rule))
        {
            return Result.Invalid(new Dictionary<string, string[]> { [nameof(DecisionEditModel.DecidedOn)] = [broken.Message] });
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(ConflictMessage);
        }
    }

    /// <summary>How complete the Oriënteren checklists are now: the gate figure a go/no-go decision keeps.</summary>
    private async Task<Completion> OrienterenCompletionAsync(ProgrammeId programmeId, CancellationToken cancellationToken)
    {
        var overview = await checklists.GetOverviewAsync(programmeId, cancellationToken);
        return overview.Value?.Phases.Single(phase => phase.Phase == Phase.Orienteren).Completion
            ?? throw new DomainRuleException("ProgrammeMustBeVisible", overview.Message ?? Result.ProgrammeNotFoundMessage);
    }

    private sealed record ProgrammeChange(WijkaanpakDbContext Db, Programme Programme, UserRef By, DateTimeOffset Now);

    private static DecisionView ToView(Decision decision) => new(
        decision.Id,
        decision.Kind,
        decision.DecidedOn,
        decision.DecidedBy,
        decision.Title,
        decision.Rationale,
        decision.Cycle,
        decision.BuildingBlockCodes,
        decision.FromPhase,
        decision.ToPhase,
        decision.GoNoGo is { } details
            ? new GoNoGoView(
                details.Outcome,
                details.NextSteps,
                details.AlternativeMeasures.Members(),
                details.OtherMeasureDescription,
                details.WatchArrangement,
                details.IncompleteChecklistsReason,
                details.OrienterenCompletion)
            : null,
        decision.IsSuperseded,
        decision.SupersedesId,
        decision.CorrectionReason,
        decision.RecordedBy.DisplayName,
        decision.RecordedAt);

}
