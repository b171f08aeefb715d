using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Seeding;

/// <summary>
/// Example programmes so that a newcomer sees a living application on first start. Development
/// only: the caller decides that, this class only refuses to seed a database that has data.
/// </summary>
public static class DemoData
{
    public static async Task<bool> SeedAsync(WijkaanpakDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (await db.Programmes.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        db.Programmes.AddRange(
            Programme.RegisterRunning(
                new ProgrammeDetails(
                    "Westwijk Vooruit",
                    "Vlaardingen",
                    ["WK062203", "BU06220301", "BU06220302"],
                    UrgencyKind.Meervoudig,
                    new DateOnly(2019, 9, 1),
                    20,
                    "Samen met bewoners, woningcorporaties, scholen en zorgpartners werken aan een Westwijk waar kinderen " +
                    "kansrijk opgroeien en volwassenen meedoen. Het tweede uitvoeringsprogramma loopt."),
                Phase.UitvoerenEnHerijken,
                cycle: 2,
                now),
            Programme.RegisterRunning(
                new ProgrammeDetails(
                    "Kanaleneiland Samen Sterker",
                    "Utrecht",
                    ["WK034407", "BU03440701", "BU03440702"],
                    UrgencyKind.Acuut,
                    new DateOnly(2025, 3, 1),
                    15,
                    "Na een reeks incidenten in 2024 sloegen gemeente, politie, corporaties en bewonersorganisaties de handen " +
                    "ineen. De alliantie wordt gevormd en het lokaal contract is in voorbereiding."),
                Phase.Opstarten,
                cycle: 1,
                now),
            Programme.RegisterRunning(
                new ProgrammeDetails(
                    "Noord aan Zet",
                    "Zwolle",
                    ["WK019303", "BU01930301"],
                    UrgencyKind.Meervoudig,
                    new DateOnly(2024, 1, 15),
                    12,
                    "Ambities en verandertheorie zijn vastgesteld; het eerste uitvoeringsprogramma wordt uitgewerkt met " +
                    "de kernpartners."),
                Phase.Ontwerpen,
                cycle: 1,
                now),
            Programme.Create(
                new ProgrammeDetails(
                    "Perspectief Schilderswijk",
                    "Den Haag",
                    ["WK051828"],
                    UrgencyKind.Sluimerend,
                    new DateOnly(2026, 6, 1),
                    15,
                    "Verkenning of een integrale wijkaanpak nodig is: cijfers en verhalen verzamelen, beleid en partijen " +
                    "in kaart brengen, en dan het go/no-go-besluit."),
                now));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
