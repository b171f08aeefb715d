namespace Wijkaanpak.Web.Features.Checklists;

/// <summary>
/// Where in the app the work behind a checklist is recorded: answering "have we mapped the
/// stakeholders?" points at the stakeholder inventory, and so on. Paths are relative to the
/// programme's own address.
/// </summary>
public static class WorkingMaterial
{
    private static readonly Dictionary<string, (string Label, string Path)[]> ByBlock = new(StringComparer.Ordinal)
    {
        ["4.2"] = [("Opgaven met cijfers en verhalen", "opgaven"), ("Indicatoren en metingen", "indicatoren")],
        ["4.3"] = [("Beleidsinventarisatie", "inventarisatie#policy-heading")],
        ["4.5"] = [("Stakeholderinventarisatie", "inventarisatie#stakeholders-heading")],
        ["5.1"] = [("Alliantie", "alliantie")],
        ["5.2"] = [("Visie, ambities en verandertheorie", "visie")],
        ["5.3"] = [("Lokaal contract", "contract")],
        ["5.4-5.5"] = [("Financiering", "financiering")],
        ["6.2"] = [("Alliantie en bewonersparticipatie", "alliantie")],
        ["6.3"] = [("Uitvoeringsprogramma", "uitvoering")],
        ["6.4"] = [("Indicatoren en metingen", "indicatoren")],
        ["7.2"] = [("Bewonersparticipatie", "alliantie")],
        ["8.2"] = [("Uitvoeringsprogramma", "uitvoering"), ("Visie en ambities", "visie")],
    };

    public static IReadOnlyList<(string Label, string Path)> For(string buildingBlockCode) =>
        ByBlock.TryGetValue(buildingBlockCode, out var material) ? material : [];
}
