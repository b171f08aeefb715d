using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Checklists;

/// <summary>
/// The checklists of a programme: the overview per phase and block, one block's checklist, answering
/// a question and moving a checklist to a newer template version. One DbContext per operation,
/// access checked on each.
/// </summary>
public sealed class ChecklistService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<AnswerEditModel> validator,
    AccessGuard access,
    TimeProvider clock,
    ILogger<ChecklistService> logger)
{
    private const string ConflictMessage =
        "Iemand anders heeft deze checklist gewijzigd nadat u hem opende. Uw antwoord is niet opgeslagen en staat nog in het formulier. " +
        "Laad de nieuwste antwoorden en sla daarna opnieuw op.";

    /// <summary>Every phase and building block of the programme's current cycle with its completion.</summary>
    public async Task<Result<ChecklistOverview>> GetOverviewAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ChecklistOverview>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(programme => programme.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound().As<ChecklistOverview>();
        }

        var states = await ChecklistProgress.OfProgrammeAsync(db, programme, cancellationToken);
        var completion = ProcessCompletion.FromBlocks(states.ToDictionary(state => state.Key, state => state.Value.Completion, StringComparer.Ordinal));
        var phases = ProcessModel.Phases
            .Select(phase => new PhaseProgress(
                phase,
                phase == programme.CurrentPhase,
                phase < programme.CurrentPhase,
                completion.OfPhase(phase),
                ProcessModel.BlocksOf(phase)
                    .Select(block => new BlockProgress(
                        block.Code,
                        block.Title,
                        block.SourceSection,
                        block.HasChecklist,
                        states.TryGetValue(block.Code, out var state) && state.IsStarted,
                        completion.OfBlock(block.Code)))
                    .ToList()))
            .ToList();
        return new ChecklistOverview(programme.Id, programme.CurrentPhase, programme.Cycle, completion.OfProgramme, phases);
    }

    /// <summary>
    /// One building block's checklist: by default the one the programme works on in its current
    /// cycle; with <paramref name="cycle"/> the one of that cycle, read only when it is an earlier one.
    /// </summary>
    public async Task<Result<ChecklistView>> GetChecklistAsync(ProgrammeId programmeId, string buildingBlockCode, int? cycle = null, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ChecklistView>();
        }

        if (BlockWithChecklist(buildingBlockCode) is not { } block)
        {
            return NoChecklist(buildingBlockCode).As<ChecklistView>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(programme => programme.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound().As<ChecklistView>();
        }

        var checklists = await db.ProgrammeChecklists.AsNoTracking()
            .Where(checklist => checklist.ProgrammeId == programmeId && checklist.BuildingBlockCode == block.Code)
            .Select(checklist => new ChecklistRow(checklist.Id, checklist.Cycle, checklist.TemplateId, checklist.Version, checklist.ClosedAt != null))
            .ToListAsync(cancellationToken);
        var working = WorkingChecklist(programme, block.Code, checklists);
        var shown = working;
        if (cycle is { } asked && asked != working?.Cycle)
        {
            shown = checklists.SingleOrDefault(checklist => checklist.Cycle == asked);
            if (shown is null && asked != programme.Cycle)
            {
                return Result.NotFound($"In cyclus {asked} is de checklist van bouwsteen {block.Code} niet ingevuld.").As<ChecklistView>();
            }
        }

        var isWorking = shown == working;
        var newest = await ChecklistProgress.NewestTemplates(db).SingleOrDefaultAsync(template => template.BuildingBlockCode == block.Code, cancellationToken);
        if (newest is null)
        {
            return NoChecklist(block.Code).As<ChecklistView>();
        }

        var answers = shown is null ? [] : await db.ProgrammeChecklists.AsNoTracking()
            .Where(checklist => checklist.Id == shown.Id)
            .SelectMany(checklist => checklist.Answers)
            .Select(answer => new AnswerRow(answer.QuestionKey, answer.Status, answer.Explanation, answer.EvidenceLinks, answer.AnsweredBy.DisplayName, answer.AnsweredAt))
            .ToListAsync(cancellationToken);
        var revisions = shown is null ? [] : await db.ProgrammeChecklists.AsNoTracking()
            .Where(checklist => checklist.Id == shown.Id)
            .SelectMany(checklist => checklist.AnswerHistory)
            .OrderByDescending(revision => revision.Revision)
            .Select(revision => new RevisionRow(
                revision.Revision,
                revision.TemplateId,
                revision.QuestionKey,
                revision.Status,
                revision.Explanation,
                revision.EvidenceLinks,
                revision.AnsweredBy.DisplayName,
                revision.AnsweredAt))
            .ToListAsync(cancellationToken);

        // The versions involved: the one answered, the newest, and those the history's answers answered.
        var templateIds = revisions.Select(revision => revision.TemplateId).Append(shown?.TemplateId ?? newest.Id).Distinct().Where(id => id != newest.Id).ToList();
        var templates = (await db.ChecklistTemplates.AsNoTracking().Where(template => templateIds.Contains(template.Id)).ToListAsync(cancellationToken))
            .Append(newest)
            .ToDictionary(template => template.Id);
        var template = templates[shown?.TemplateId ?? newest.Id];

        var answerByKey = answers.ToDictionary(answer => answer.QuestionKey, StringComparer.Ordinal);
        var questions = template.Questions
            .Select(question => new QuestionView(
                question.Key,
                question.Position,
                question.Text,
                question.Help,
                answerByKey.TryGetValue(question.Key, out var answer)
                    ? new AnswerView(answer.Status, answer.Explanation, answer.EvidenceLinks, answer.AnsweredBy, answer.AnsweredAt)
                    : null))
            .ToList();
        var history = revisions
            .Select(revision => new AnswerRevisionView(
                revision.Revision,
                templates[revision.TemplateId].VersionNumber,
                revision.QuestionKey,
                templates[revision.TemplateId].Question(revision.QuestionKey)?.Text ?? revision.QuestionKey,
                revision.Status,
                revision.Explanation,
                revision.EvidenceLinks,
                revision.AnsweredBy,
                revision.AnsweredAt))
            .ToList();

        NewerTemplateView? newer = null;
        if (shown is not null && newest.VersionNumber > template.VersionNumber)
        {
            var changes = template.ChangesTo(newest);
            var carried = answers.Count(answer => changes.Unchanged.Contains(answer.QuestionKey, StringComparer.Ordinal));
            newer = new NewerTemplateView(newest.VersionNumber, newest.ChangeNote, newest.CreatedAt, changes, carried, answers.Count - carried);
        }

        var user = await access.CurrentUserAsync();
        var isOpen = isWorking && shown?.IsClosed != true;
        var entity = shown is null ? null : await db.ProgrammeChecklists.AsNoTracking().AsSplitQuery().SingleAsync(checklist => checklist.Id == shown.Id, cancellationToken);
        var signOffs = await SignOffStatus.OfAsync(
            db,
            programmeId,
            entity,
            isOpen,
            user,
            await access.PermitsAsync(user, Capability.SignChecklist, programmeId, cancellationToken),
            clock.TodayInNetherlands(),
            cancellationToken);
        return new ChecklistView(
            programme.Id,
            programme.Name,
            block,
            template.Title,
            template.Purpose,
            template.SourceSection,
            shown?.Cycle ?? programme.Cycle,
            template.VersionNumber,
            shown is not null,
            !isOpen,
            shown?.Version ?? 0,
            questions,
            history,
            checklists.Select(checklist => checklist.Cycle).Where(other => other != (shown?.Cycle ?? programme.Cycle)).Order().ToList())
        {
            ProgrammeCycle = programme.Cycle,
            NewerTemplate = newer,
            CanAnswer = isOpen && await access.PermitsAsync(user, Capability.AnswerChecklist, programmeId, cancellationToken),
            CanMoveToNewerTemplate = isOpen && newer is not null && await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken),
            SignOffs = signOffs,
        };
    }

    /// <summary>
    /// Answers one question. The first answer of a block in a cycle starts the programme's checklist
    /// on the newest template version (or re-opens the earlier cycle's one when a herijking asked for
    /// that). Conflicts when the checklist changed after <see cref="AnswerEditModel.Version"/>.
    /// </summary>
    public async Task<Result<AnswerSaved>> AnswerAsync(ProgrammeId programmeId, string buildingBlockCode, AnswerEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.AnswerChecklist, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<AnswerSaved>();
        }

        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors).As<AnswerSaved>();
        }

        if (BlockWithChecklist(buildingBlockCode) is not { } block)
        {
            return NoChecklist(buildingBlockCode).As<AnswerSaved>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(programme => programme.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound().As<AnswerSaved>();
        }

        var user = await access.CurrentUserAsync();
        var now = clock.GetUtcNow();
        try
        {
            var inForce = await ChecklistProgress.LatestUpToCycleAsync(db, programme, block.Code, cancellationToken);
            ProgrammeChecklist checklist;
            if (inForce is null || ChecklistProgress.NeedsReopening(programme, block.Code, inForce.Cycle))
            {
                if (model.Version != 0)
                {
                    // The page showed a checklist that is no longer the one to answer (a herijking re-opened the block).
                    return (await ConflictAsync(programmeId, block.Code, model, cancellationToken)).As<AnswerSaved>();
                }

                var newest = await ChecklistProgress.NewestTemplates(db).SingleAsync(template => template.BuildingBlockCode == block.Code, cancellationToken);
                checklist = inForce is null
                    ? ProgrammeChecklist.Start(programme, newest, now)
                    : ProgrammeChecklist.Reopen(inForce, programme, newest, now);
                db.ProgrammeChecklists.Add(checklist);
            }
            else
            {
                checklist = inForce;

                // A conflict is per question: someone else's answer to another question since model.Version
                // is no reason to refuse this one, and saving this one leaves theirs as it is. Only when this
                // question's answer is no longer the one the user started from would saving revert it.
                // The version read here still guards against a change between this read and the save.
                if (checklist.Version != model.Version && !SameAnswer(checklist.AnswerTo(model.QuestionKey), model.Loaded))
                {
                    logger.LogInformation("Antwoord op vraag {QuestionKey} van checklist {BuildingBlock} van programma {ProgrammeId} intussen gewijzigd; geweigerd", model.QuestionKey, block.Code, programmeId);
                    return (await ConflictAsync(programmeId, block.Code, model, cancellationToken)).As<AnswerSaved>();
                }
            }

            var changed = checklist.Answer(model.QuestionKey, model.Status!.Value, model.Explanation, model.EvidenceLinkList(), user.ToUserRef(), now);
            if (!changed)
            {
                // Nothing new to store; the page keeps the version it has, so later saves stay checked.
                return new AnswerSaved(model.Version, checklist.Completion, ToView(checklist.AnswerTo(model.QuestionKey)!));
            }

            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation(
                "Vraag {QuestionKey} van checklist {BuildingBlock} van programma {ProgrammeId} beantwoord door {UserId}",
                model.QuestionKey,
                block.Code,
                programmeId,
                user.UserId);

            // The change outdates earlier signatures: the page shows that at once, not after a reload.
            var signOffs = await SignOffStatus.OfAsync(
                db,
                programmeId,
                checklist,
                isOpen: true,
                user,
                await access.PermitsAsync(user, Capability.SignChecklist, programmeId, cancellationToken),
                clock.TodayInNetherlands(),
                cancellationToken);
            return new AnswerSaved(checklist.Version, checklist.Completion, ToView(checklist.AnswerTo(model.QuestionKey)!)) { SignOffs = signOffs };
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message).As<AnswerSaved>();
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Gelijktijdige wijziging van checklist {BuildingBlock} van programma {ProgrammeId} geweigerd", block.Code, programmeId);
            return (await ConflictAsync(programmeId, block.Code, model, cancellationToken)).As<AnswerSaved>();
        }
        catch (DbUpdateException duplicate) when (duplicate.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two first answers at once: the checklist or the answer already exists (see ProgrammeChecklistConfiguration).
            logger.LogInformation("Gelijktijdig eerste antwoord op checklist {BuildingBlock} van programma {ProgrammeId} geweigerd", block.Code, programmeId);
            return (await ConflictAsync(programmeId, block.Code, model, cancellationToken)).As<AnswerSaved>();
        }
    }

    /// <summary>
    /// Moves the programme's checklist of a block to the newest template version: answers to
    /// unchanged questions come along with their author and time, the others stay in the history.
    /// </summary>
    public async Task<Result<TemplateMoved>> MoveToNewestTemplateAsync(ProgrammeId programmeId, string buildingBlockCode, uint version, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<TemplateMoved>();
        }

        if (BlockWithChecklist(buildingBlockCode) is not { } block)
        {
            return NoChecklist(buildingBlockCode).As<TemplateMoved>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(programme => programme.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound().As<TemplateMoved>();
        }

        var checklist = await ChecklistProgress.LatestUpToCycleAsync(db, programme, block.Code, cancellationToken);
        if (checklist is null || ChecklistProgress.NeedsReopening(programme, block.Code, checklist.Cycle))
        {
            return Result.RuleBroken("Deze checklist is nog niet begonnen; het eerste antwoord gebruikt vanzelf de nieuwste versie.").As<TemplateMoved>();
        }

        var current = await db.ChecklistTemplates.AsNoTracking().SingleAsync(template => template.Id == checklist.TemplateId, cancellationToken);
        var newest = await ChecklistProgress.NewestTemplates(db).SingleAsync(template => template.BuildingBlockCode == block.Code, cancellationToken);
        if (newest.VersionNumber <= current.VersionNumber)
        {
            return Result.RuleBroken($"Deze checklist gebruikt al de nieuwste versie (versie {current.VersionNumber}).").As<TemplateMoved>();
        }

        try
        {
            db.Entry(checklist).Property(checklist => checklist.Version).OriginalValue = version;
            var moved = checklist.MoveToTemplateVersion(current, newest, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation(
                "Checklist {BuildingBlock} van programma {ProgrammeId} naar versie {Version}: {Carried} antwoorden meegenomen, {Dropped} niet",
                block.Code,
                programmeId,
                newest.VersionNumber,
                moved.CarriedOver.Count,
                moved.Dropped.Count);
            return new TemplateMoved(newest.VersionNumber, checklist.Version, moved.CarriedOver.Count, moved.Dropped.Count);
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message).As<TemplateMoved>();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(
                "Iemand anders heeft deze checklist gewijzigd nadat u hem opende. Laad de nieuwste antwoorden en kies daarna opnieuw voor de nieuwe versie.")
                .As<TemplateMoved>();
        }
    }

    /// <summary>The conflict, with what is stored now for the question next to the user's input.</summary>
    private async Task<Result> ConflictAsync(ProgrammeId programmeId, string buildingBlockCode, AnswerEditModel yours, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ProgrammeChecklists.AsNoTracking()
            .Where(checklist => checklist.ProgrammeId == programmeId && checklist.BuildingBlockCode == buildingBlockCode)
            .OrderByDescending(checklist => checklist.Cycle)
            .Take(1)
            .SelectMany(checklist => checklist.Answers)
            .Where(answer => answer.QuestionKey == yours.QuestionKey)
            .Select(answer => new { answer.Status, answer.Explanation, answer.EvidenceLinks, answer.AnsweredBy.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);

        var differences = new List<FieldDifference>();
        void Compare(string field, string storedText, string yourText)
        {
            if (!string.Equals(storedText, yourText, StringComparison.Ordinal))
            {
                differences.Add(new FieldDifference(field, AnswerEditModel.Labels[field], storedText, yourText));
            }
        }

        Compare(nameof(AnswerEditModel.Status), stored is null ? "(nog geen antwoord)" : $"{stored.Status.DisplayName()} (door {stored.DisplayName})", yours.Status?.DisplayName() ?? "(leeg)");
        Compare(nameof(AnswerEditModel.Explanation), Shown(stored?.Explanation), Shown(yours.Explanation.Trim()));
        Compare(nameof(AnswerEditModel.EvidenceLinks), Shown(string.Join(", ", stored?.EvidenceLinks ?? [])), Shown(string.Join(", ", yours.EvidenceLinkList())));
        return Result.Conflict(ConflictMessage, differences);
    }

    private static bool SameAnswer(ChecklistAnswer? stored, AnswerView? loaded) =>
        stored is null
            ? loaded is null
            : loaded is not null
                && stored.Status == loaded.Status
                && string.Equals(stored.Explanation, loaded.Explanation, StringComparison.Ordinal)
                && stored.EvidenceLinks.SequenceEqual(loaded.EvidenceLinks, StringComparer.Ordinal);

    private static string Shown(string? text) => string.IsNullOrEmpty(text) ? "(leeg)" : text;

    /// <summary>The checklist to answer in the current cycle; null when the next answer starts (or re-opens) one.</summary>
    private static ChecklistRow? WorkingChecklist(Programme programme, string buildingBlockCode, IEnumerable<ChecklistRow> checklists)
    {
        var inForce = checklists.Where(checklist => checklist.Cycle <= programme.Cycle).MaxBy(checklist => checklist.Cycle);
        return inForce is not null && !ChecklistProgress.NeedsReopening(programme, buildingBlockCode, inForce.Cycle) ? inForce : null;
    }

    private static BuildingBlock? BlockWithChecklist(string? code) =>
        ProcessModel.BuildingBlocks.SingleOrDefault(block => block.HasChecklist && block.Code == code?.Trim());

    private static AnswerView ToView(ChecklistAnswer answer) =>
        new(answer.Status, answer.Explanation, answer.EvidenceLinks.ToList(), answer.AnsweredBy.DisplayName, answer.AnsweredAt);

    private static Result NoChecklist(string? code) => Result.NotFound($"Bouwsteen '{code}' heeft geen checklist.");


    private sealed record ChecklistRow(ProgrammeChecklistId Id, int Cycle, ChecklistTemplateId TemplateId, uint Version, bool IsClosed);

    private sealed record AnswerRow(string QuestionKey, AnswerStatus Status, string Explanation, IReadOnlyList<string> EvidenceLinks, string AnsweredBy, DateTimeOffset AnsweredAt);

    private sealed record RevisionRow(
        int Revision,
        ChecklistTemplateId TemplateId,
        string QuestionKey,
        AnswerStatus Status,
        string Explanation,
        IReadOnlyList<string> EvidenceLinks,
        string AnsweredBy,
        DateTimeOffset AnsweredAt);
}
