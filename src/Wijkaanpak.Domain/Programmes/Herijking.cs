using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Decisions;

namespace Wijkaanpak.Domain.Programmes;

/// <summary>
/// A herijking (§8.2): the reconsideration that starts the next cycle and re-opens chosen building
/// blocks of Opstarten and Ontwerpen. Part of <see cref="Programme"/>. The earlier cycle's
/// checklists are not touched; new ones are started for the re-opened blocks.
/// </summary>
public sealed class Herijking
{
    private readonly List<string> _reopenedBuildingBlockCodes = [];

    private Herijking()
    {
        Reason = string.Empty;
        RecordedBy = null!;
    }

    internal Herijking(
        int startsCycle,
        string reason,
        IEnumerable<string> reopenedBuildingBlockCodes,
        DecisionId decisionId,
        DecisionId? revisitedDecisionId,
        UserRef recordedBy,
        DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        StartsCycle = startsCycle;
        Reason = reason;
        _reopenedBuildingBlockCodes.AddRange(reopenedBuildingBlockCodes);
        DecisionId = decisionId;
        RevisitedDecisionId = revisitedDecisionId;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The cycle this herijking started (2 for the first herijking).</summary>
    public int StartsCycle { get; private set; }

    public string Reason { get; private set; }

    public IReadOnlyList<string> ReopenedBuildingBlockCodes => _reopenedBuildingBlockCodes;

    /// <summary>The besluitenlijst entry for this herijking.</summary>
    public DecisionId DecisionId { get; private set; }

    /// <summary>The earlier decision this herijking revisits, e.g. the go decision, if any.</summary>
    public DecisionId? RevisitedDecisionId { get; private set; }

    public UserRef RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
