using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Checklists;

/// <summary>
/// Completion of one programme's checklists per building block, per phase and overall, computed
/// from the answers each time it is asked for. Blocks without a checklist (7.3) do not count.
/// </summary>
public sealed class ProcessCompletion
{
    private readonly Dictionary<string, Completion> _byBlock;

    private ProcessCompletion(Dictionary<string, Completion> byBlock) => _byBlock = byBlock;

    /// <summary>Per building block code; blocks with a checklist only.</summary>
    public IReadOnlyDictionary<string, Completion> ByBlock => _byBlock;

    public Completion OfProgramme => Completion.Sum(_byBlock.Values);

    /// <summary>
    /// From one programme's checklists as of <paramref name="cycle"/>. A block counts its checklist
    /// in force; a block without one yet counts all questions of the newest template version given
    /// for it as open, so that an untouched block pulls the phase down instead of vanishing.
    /// </summary>
    public static ProcessCompletion Calculate(int cycle, IEnumerable<ProgrammeChecklist> checklists, IEnumerable<ChecklistTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(checklists);
        ArgumentNullException.ThrowIfNull(templates);

        var list = checklists.ToList();
        if (list.Select(checklist => checklist.ProgrammeId).Distinct().Count() > 1)
        {
            throw new ArgumentException("Pass the checklists of one programme.", nameof(checklists));
        }

        var newestTemplates = templates
            .GroupBy(template => template.BuildingBlockCode, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.MaxBy(template => template.VersionNumber)!, StringComparer.Ordinal);

        var byBlock = new Dictionary<string, Completion>(StringComparer.Ordinal);
        foreach (var block in ProcessModel.BuildingBlocks.Where(block => block.HasChecklist))
        {
            byBlock[block.Code] = InForce(list, block.Code, cycle)?.Completion
                ?? (newestTemplates.TryGetValue(block.Code, out var template) ? new Completion(0, template.Questions.Count) : Completion.None);
        }

        return new ProcessCompletion(byBlock);
    }

    /// <summary>
    /// From completions per block that were computed elsewhere, e.g. by a database projection.
    /// Codes of blocks without a checklist or unknown codes are ignored.
    /// </summary>
    public static ProcessCompletion FromBlocks(IReadOnlyDictionary<string, Completion> byBlock)
    {
        ArgumentNullException.ThrowIfNull(byBlock);
        return new ProcessCompletion(ProcessModel.BuildingBlocks
            .Where(block => block.HasChecklist)
            .ToDictionary(block => block.Code, block => byBlock.GetValueOrDefault(block.Code), StringComparer.Ordinal));
    }

    /// <summary>
    /// The checklist that counts for a block in a cycle: the one of the latest cycle up to that
    /// cycle. A block that a herijking did not re-open keeps its earlier cycle's checklist.
    /// </summary>
    public static ProgrammeChecklist? InForce(IEnumerable<ProgrammeChecklist> checklists, string buildingBlockCode, int cycle)
    {
        ArgumentNullException.ThrowIfNull(checklists);
        return checklists
            .Where(checklist => checklist.BuildingBlockCode == buildingBlockCode && checklist.Cycle <= cycle)
            .MaxBy(checklist => checklist.Cycle);
    }

    public Completion OfBlock(string buildingBlockCode) => _byBlock.GetValueOrDefault(buildingBlockCode);

    public Completion OfPhase(Phase phase) =>
        Completion.Sum(ProcessModel.BlocksOf(phase).Select(block => OfBlock(block.Code)));
}
