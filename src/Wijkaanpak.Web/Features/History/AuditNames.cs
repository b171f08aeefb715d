using System.Globalization;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;

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
        ["ChecklistAnswer"] = "Antwoord op checklistvraag",
        ["ChecklistAnswerRevision"] = "Eerder antwoord (geschiedenis)",
        ["ChecklistSignOff"] = "Aftekening van checklist",
        ["Representative"] = "Vertegenwoordiger",
        ["Alliance"] = "Alliantie",
        ["AllianceMembership"] = "Deelname aan de alliantie",
        ["Stakeholder"] = "Belanghebbende",
        ["PolicyLine"] = "Beleidslijn",
        ["LocalContract"] = "Lokaal contract",
        ["ContractVersion"] = "Versie van het lokaal contract",
        ["MeasurementImport"] = "Import van metingen",
        ["ImportMapping"] = "Koppeling voor het importeren van metingen",
        ["ProgressReport"] = "Voortgangsrapportage",
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
        ["GoNoGo"] = "Go/no-go",
        ["EndedOn"] = "Beëindigd op",
        ["Herijkingen"] = "Herijkingen",
        ["GoNoGoWeighings"] = "Afwegingen go/no-go",
        ["PhaseTransitions"] = "Faseovergangen",
        ["Role"] = "Rol",
        ["Level"] = "Niveau",
        ["From"] = "Vanaf",
        ["Until"] = "Tot en met",
        ["Note"] = "Toelichting",
        ["SubAllianceIds"] = "Deelallianties",
        ["SubAlliances"] = "Deelallianties",
        ["ParticipationHistory"] = "Bewonersparticipatie",
        ["Kind"] = "Soort",
        ["Interest"] = "Belang en inbreng",
        ["Contact"] = "Contact",
        ["Title"] = "Titel",
        ["Scale"] = "Schaal",
        ["FromYear"] = "Vanaf jaar",
        ["UntilYear"] = "Tot en met jaar",
        ["Owner"] = "Eigenaar",
        ["OutcomeSoFar"] = "Opbrengst tot nu toe",
        ["Remark"] = "Opmerking",
        ["SignedRevision"] = "Afgetekende stand",
        ["OrganisationName"] = "Organisatie",
        ["Number"] = "Versie",
        ["Principles"] = "Uitgangspunten",
        ["AmbitionsAndPriorities"] = "Ambities en prioriteiten",
        ["FinancialAgreements"] = "Financiële afspraken",
        ["ProcessDirection"] = "Procesregie",
        ["ChangeNote"] = "Reden van de herziening",
        ["EvaluateAfterYears"] = "Evaluatie na (jaren)",
        ["Commitments"] = "Inzet van partijen",
        ["Signatures"] = "Handtekeningen",
        ["SignedOn"] = "Ondertekend op",
        ["Function"] = "Functie",
        ["Phone"] = "Telefoon",
        ["FileName"] = "Bestand",
        ["Sha256"] = "Vingerafdruk (SHA-256)",
        ["Shape"] = "Soort bestand",
        ["RowsRead"] = "Regels gelezen",
        ["MissingValues"] = "Lege of geheime cellen",
        ["RowsOutsideProgramme"] = "Regels buiten het programma",
        ["New"] = "Nieuw",
        ["Changed"] = "Gewijzigd",
        ["Unchanged"] = "Ongewijzigd",
        ["ImportedBy"] = "Geïmporteerd door",
        ["ImportedAt"] = "Geïmporteerd op",
        ["HeaderHash"] = "Vorm van het bestand",
        ["AreaColumn"] = "Kolom met de gebiedscode",
        ["YearColumn"] = "Kolom met het jaar",
        ["IndicatorColumn"] = "Kolom met de indicator",
        ["ValueColumn"] = "Kolom met de waarde",
        ["Entries"] = "Koppelingen",
        ["Year"] = "Jaar",
        ["Summary"] = "Samenvatting",
        ["BestPractices"] = "Wat goed werkte",
        ["Lessons"] = "Lessen en reflectie",
        ["Outlook"] = "Vooruitblik",
        ["AdoptedOn"] = "Vastgesteld op",
        ["AdoptedByUserId"] = "Vastgelegd door (gebruiker)",
        ["AdoptedByName"] = "Vastgelegd door",
        ["AdoptedAt"] = "Vastgelegd op",
        ["AdoptedFiguresJson"] = "Vastgestelde cijfers",
    };

    // Bookkeeping that says nothing to a reader of the history.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "Id", "CreatedAt", "UpdatedAt", "AddedAt", "GoNoGoDecisionId", "ProgrammeId", "LastChangedAt",
    };

    public static bool IsShown(string property) => !Hidden.Contains(property);

    /// <summary>A stored value as the app shows it: Dutch phase and urgency names, dates in Dutch.</summary>
    public static string Value(string property, string value) => property switch
    {
        "CurrentPhase" when Enum.TryParse<Phase>(value, out var phase) => phase.DisplayName(),
        "Urgency" when Enum.TryParse<UrgencyKind>(value, out var urgency) => urgency.DisplayName(),
        "Status" when value == "Active" => "Actief",
        "Status" when value == "Ended" => "Beëindigd",
        "Status" when value == "Vastgesteld" => "Vastgesteld door het bestuur",
        _ when value.Length >= 20 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) =>
            moment.InNetherlands().ToString("d MMM yyyy HH:mm", Dutch),
        _ when value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) =>
            day.ToString("d MMMM yyyy", Dutch),
        _ => value,
    };

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Kind(string entityType) => Kinds.GetValueOrDefault(entityType, entityType);

    public static string Property(string property) => Properties.GetValueOrDefault(property, property);
}
