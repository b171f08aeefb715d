using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Features.Checklists;

namespace Wijkaanpak.Web.Features.Dashboards;

/// <summary>
/// The checklists that can be signed now, per programme: the one in force per block in the current
/// cycle, with answers, with its sign-offs (not its answers) loaded, in one query for any number of
/// programmes. The states themselves come from <see cref="ProgrammeChecklist.SignOffStateOf"/>.
/// </summary>
internal static class CurrentSignOffs
{
    public static async Task<IReadOnlyDictionary<ProgrammeId, IReadOnlyDictionary<string, ProgrammeChecklist>>> LoadAsync(
        WijkaanpakDbContext db,
        IReadOnlyCollection<Programme> programmes,
        CancellationToken cancellationToken)
    {
        var ids = programmes.Select(programme => programme.Id).ToList();
        var checklists = await db.ProgrammeChecklists.AsNoTracking()
            .IgnoreAutoIncludes()
            .Include(checklist => checklist.SignOffs)
            .Where(checklist => ids.Contains(checklist.ProgrammeId) && checklist.ClosedAt == null && checklist.Answers.Any())
            .ToListAsync(cancellationToken);
        var byProgramme = checklists.ToLookup(checklist => checklist.ProgrammeId);
        return programmes.ToDictionary(
            programme => programme.Id,
            programme => (IReadOnlyDictionary<string, ProgrammeChecklist>)byProgramme[programme.Id]
                .Where(checklist => checklist.Cycle <= programme.Cycle && !ChecklistProgress.NeedsReopening(programme, checklist.BuildingBlockCode, checklist.Cycle))
                .GroupBy(checklist => checklist.BuildingBlockCode, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.MaxBy(checklist => checklist.Cycle)!, StringComparer.Ordinal));
    }
}
