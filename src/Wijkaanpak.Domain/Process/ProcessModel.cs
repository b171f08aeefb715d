using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Process;

/// <summary>
/// The handbook's process model (Slagkracht in de wijk, §3.1): four phases, each with its building
/// blocks in order. The model is a guide, not a timetable: phases overlap and work may go back.
/// The handbook prints its nineteenth checklist after §8.1 under a heading that repeats §6.4's;
/// its questions are about steering and coordination (§8.1), so 8.1 has it and §7.3 has none.
/// </summary>
public static class ProcessModel
{
    public static IReadOnlyList<Phase> Phases { get; } = Enum.GetValues<Phase>();

    public static IReadOnlyList<BuildingBlock> BuildingBlocks { get; } =
    [
        new("4.1", Phase.Orienteren, "Urgentie afwegen", HasChecklist: true),
        new("4.2", Phase.Orienteren, "Grip op de opgaven: tellen en vertellen", HasChecklist: true),
        new("4.3", Phase.Orienteren, "Lopend beleid in kaart", HasChecklist: true),
        new("4.4", Phase.Orienteren, "Systeem- en leefwereld verbinden", HasChecklist: true),
        new("4.5", Phase.Orienteren, "Stakeholders in kaart", HasChecklist: true),
        new("4.6", Phase.Orienteren, "Go/no-go-besluit", HasChecklist: true),
        new("5.1", Phase.Opstarten, "Lokale alliantie vormen", HasChecklist: true),
        new("5.2", Phase.Opstarten, "Gedeelde visie en ambities", HasChecklist: true),
        new("5.3", Phase.Opstarten, "Lokaal contract", HasChecklist: true),
        new("5.4-5.5", Phase.Opstarten, "Sturing en financiering", HasChecklist: true),
        new("6.1", Phase.Ontwerpen, "Procesregie", HasChecklist: true),
        new("6.2", Phase.Ontwerpen, "Organisatie- en participatiestructuur", HasChecklist: true),
        new("6.3", Phase.Ontwerpen, "Uitvoeringsprogramma", HasChecklist: true),
        new("6.4", Phase.Ontwerpen, "Monitoringstructuur", HasChecklist: true),
        new("7.1", Phase.UitvoerenEnHerijken, "Samenwerken in de uitvoering", HasChecklist: true),
        new("7.2", Phase.UitvoerenEnHerijken, "Participatie in de uitvoering", HasChecklist: true),
        new("7.3", Phase.UitvoerenEnHerijken, "Monitoren, evalueren en effect meten", HasChecklist: false),
        new("8.1", Phase.UitvoerenEnHerijken, "Wendbaar bijsturen", HasChecklist: true),
        new("8.2", Phase.UitvoerenEnHerijken, "Uitvoeringsprogramma vernieuwen", HasChecklist: true),
        new("8.3", Phase.UitvoerenEnHerijken, "Evaluatie en nazorg", HasChecklist: true),
    ];

    public static IEnumerable<BuildingBlock> BlocksOf(Phase phase) => BuildingBlocks.Where(block => block.Phase == phase);
}
