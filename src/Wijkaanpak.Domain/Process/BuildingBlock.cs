using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Process;

/// <summary>
/// One building block of the process model, e.g. "4.1 Urgentie afwegen". <see cref="Code"/> is the
/// handbook's section number ("5.4-5.5" for the two sections that share one checklist).
/// </summary>
public sealed record BuildingBlock(string Code, Phase Phase, string Title, bool HasChecklist)
{
    public string SourceSection => "§" + Code.Replace("-", "–§", StringComparison.Ordinal);
}
