namespace Wijkaanpak.Web.Features.History;

/// <summary>Dutch names for what the audit trail records, so that the history reads as the app speaks.</summary>
public static class AuditNames
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["Programme"] = "Programma",
        ["ProgrammeMember"] = "Toegang tot programma",
        ["AppUser"] = "Gebruiker",
        ["IdentityUserRole`1"] = "Rol van gebruiker",
        ["Organisation"] = "Organisatie",
        ["Decision"] = "Besluit",
        ["ProgrammeChecklist"] = "Checklist",
        ["ChecklistTemplate"] = "Checklistsjabloon",
    };

    private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
    {
        ["Name"] = "Naam",
        ["Municipality"] = "Gemeente",
        ["AreaCodes"] = "Gebieden",
        ["Urgency"] = "Urgentie",
        ["StartDate"] = "Startdatum",
        ["HorizonYears"] = "Looptijd (jaren)",
        ["Description"] = "Omschrijving",
        ["CurrentPhase"] = "Fase",
        ["Cycle"] = "Cyclus",
        ["Status"] = "Status",
        ["CreatedAt"] = "Aangemaakt",
        ["UpdatedAt"] = "Gewijzigd",
        ["Id"] = "Kenmerk",
        ["UserId"] = "Gebruiker",
        ["ProgrammeId"] = "Programma",
        ["DisplayName"] = "Naam",
        ["Email"] = "E-mailadres",
        ["IsActive"] = "Actief",
        ["OrganisationId"] = "Organisatie",
        ["Type"] = "Soort",
    };

    public static string Kind(string entityType) => Kinds.GetValueOrDefault(entityType, entityType);

    public static string Property(string property) => Properties.GetValueOrDefault(property, property);
}
