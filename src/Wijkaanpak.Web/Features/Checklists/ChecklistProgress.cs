using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Checklists;

/// <summary>The state of one building block's checklist in a programme's current cycle.</summary>
public sealed record BlockChecklistState(string Code, bool IsStarted, Completion Completion, int? TemplateVersion);

/// <summary>
/// Completion of a programme's checklists per block, phase and programme, counted in the database:
/// per checklist the number of questions and of counting answers (one row per checklist), and per
/// block the question count of the newest template version. No answers or templates are loaded.
/// One programme or hundreds: the number of queries stays two.
/// Also for other features that need it (the go/no-go gate weighs Oriënteren's completion).
/// </summary>
public static class ChecklistProgress
{
    public static async Task<IReadOnlyDictionary<string, BlockChecklistState>> OfProgrammeAsync(
        WijkaanpakDbContext db,
        Programme programme,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return (await OfProgrammesAsync(db, [programme], cancellationToken))[programme.Id];
    }

    /// <summary>
    /// The same for many programmes at once, in the same two queries whatever their number (the
    /// dashboards and the portfolio read hundreds of programmes side by side).
    /// </summary>
    public static async Task<IReadOnlyDictionary<ProgrammeId, IReadOnlyDictionary<string, BlockChecklistState>>> OfProgrammesAsync(
        WijkaanpakDbContext db,
        IReadOnlyCollection<Programme> programmes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(programmes);

        var ids = programmes.Select(programme => programme.Id).ToList();
        var counting = AnswerStatusNames.CountingAsAnswered.ToList();
        var checklists = await db.ProgrammeChecklists.AsNoTracking()
            .Where(checklist => ids.Contains(checklist.ProgrammeId))
            .Select(checklist => new
            {
                checklist.ProgrammeId,
                checklist.BuildingBlockCode,
                checklist.Cycle,
                checklist.TemplateVersionNumber,
                Total = checklist.QuestionKeys.Count,
                Answered = checklist.Answers.Count(answer => counting.Contains(answer.Status) && checklist.QuestionKeys.Contains(answer.QuestionKey)),
            })
            .ToListAsync(cancellationToken);
        var newestQuestionCounts = await NewestTemplates(db)
            .Select(template => new { template.BuildingBlockCode, Questions = EF.Property<List<ChecklistQuestion>>(template, "_questions").Count })
            .ToDictionaryAsync(template => template.BuildingBlockCode, template => template.Questions, cancellationToken);

        var byProgramme = checklists.ToLookup(checklist => checklist.ProgrammeId);
        var result = new Dictionary<ProgrammeId, IReadOnlyDictionary<string, BlockChecklistState>>();
        foreach (var programme in programmes)
        {
            var states = new Dictionary<string, BlockChecklistState>(StringComparer.Ordinal);
            foreach (var block in ProcessModel.BuildingBlocks.Where(block => block.HasChecklist))
            {
                // The checklist in force is the latest cycle's (ProcessCompletion.InForce), unless the
                // herijking of the current cycle re-opened the block and nobody has answered it since.
                var inForce = byProgramme[programme.Id]
                    .Where(checklist => checklist.BuildingBlockCode == block.Code && checklist.Cycle <= programme.Cycle)
                    .MaxBy(checklist => checklist.Cycle);
                states[block.Code] = inForce is not null && !NeedsReopening(programme, block.Code, inForce.Cycle)
                    ? new BlockChecklistState(block.Code, true, new Completion(inForce.Answered, inForce.Total), inForce.TemplateVersionNumber)
                    : new BlockChecklistState(block.Code, false, new Completion(0, newestQuestionCounts.GetValueOrDefault(block.Code)), null);
            }

            result[programme.Id] = states;
        }

        return result;
    }

    /// <summary>Per block, the template version with the highest number.</summary>
    public static IQueryable<ChecklistTemplate> NewestTemplates(WijkaanpakDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ChecklistTemplates.AsNoTracking()
            .Where(template => !db.ChecklistTemplates.Any(newer => newer.BuildingBlockCode == template.BuildingBlockCode && newer.VersionNumber > template.VersionNumber));
    }

    /// <summary>
    /// The block's newest checklist up to the programme's cycle, tracked for a change, or null; whether it is
    /// still the one to answer or sign is <see cref="NeedsReopening"/>'s question. Its answers, their
    /// revisions and its sign-offs come in queries of their own: in one, every revision would be repeated
    /// for every sign-off.
    /// </summary>
    public static Task<ProgrammeChecklist?> LatestUpToCycleAsync(WijkaanpakDbContext db, Programme programme, string buildingBlockCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(programme);
        return db.ProgrammeChecklists.AsSplitQuery()
            .Where(checklist => checklist.ProgrammeId == programme.Id && checklist.BuildingBlockCode == buildingBlockCode && checklist.Cycle <= programme.Cycle)
            .OrderByDescending(checklist => checklist.Cycle)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>True when a checklist of an earlier cycle stands for a block that this cycle's herijking re-opened.</summary>
    public static bool NeedsReopening(Programme programme, string buildingBlockCode, int checklistCycle)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return checklistCycle < programme.Cycle && programme.IsReopenedInCurrentCycle(buildingBlockCode);
    }
}
