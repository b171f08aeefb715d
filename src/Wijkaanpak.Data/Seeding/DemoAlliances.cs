using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Inventories;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Seeding;

/// <summary>
/// Alliances, inventories, a lokaal contract and a checklist awaiting signatures for the demo
/// programmes, so that each page has something to show. Development only (the caller decides);
/// runs once: it does nothing when any alliance exists.
/// </summary>
public static class DemoAlliances
{
    private static readonly UserRef Seeder = new(Guid.Parse("00000000-0000-0000-0000-0000000000de"), "Voorbeeldgegevens");

    private static readonly (string Name, OrganisationType Type)[] Organisations =
    [
        ("Gemeente Vlaardingen", OrganisationType.Gemeente),
        ("Gemeente Utrecht", OrganisationType.Gemeente),
        ("Gemeente Zwolle", OrganisationType.Gemeente),
        ("Woonstichting De Waterweg", OrganisationType.Woningcorporatie),
        ("Woonstichting Zwolle Noord", OrganisationType.Woningcorporatie),
        ("Politie eenheid Rotterdam", OrganisationType.Politie),
        ("Politie eenheid Oost-Nederland", OrganisationType.Politie),
        ("Openbaar Ministerie Rotterdam", OrganisationType.OpenbaarMinisterie),
        ("Bewonersplatform Westwijk", OrganisationType.Bewonersorganisatie),
        ("Stichting Welzijn Vlaardingen", OrganisationType.Welzijn),
        ("Scholengroep Vlaardingen", OrganisationType.Onderwijs),
        ("GGD Rotterdam-Rijnmond", OrganisationType.Ggd),
        ("Ministerie van Volkshuisvesting en Ruimtelijke Ordening", OrganisationType.RijkMinisterie),
    ];

    public static async Task<bool> SeedAsync(WijkaanpakDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (await db.Alliances.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var programmes = await db.Programmes.ToDictionaryAsync(programme => programme.Name, cancellationToken).ConfigureAwait(false);
        if (!programmes.TryGetValue("Westwijk Vooruit", out var westwijk) || !programmes.TryGetValue("Noord aan Zet", out var noord))
        {
            return false;
        }

        var organisations = await db.Organisations.Include(organisation => organisation.Representatives)
            .ToDictionaryAsync(organisation => organisation.Name, cancellationToken).ConfigureAwait(false);
        foreach (var (name, type) in Organisations.Where(organisation => !organisations.ContainsKey(organisation.Name)))
        {
            organisations[name] = Organisation.Create(name, type, now);
            db.Organisations.Add(organisations[name]);
        }

        OrganisationId Id(string name) => organisations[name].Id;
        await AddRepresentativesAsync(db, organisations, now, cancellationToken).ConfigureAwait(false);

        db.Alliances.Add(WestwijkAlliance(westwijk.Id, ProgrammeCalendar.Of(westwijk, today), Id, now));
        db.Alliances.Add(NoordAlliance(noord.Id, ProgrammeCalendar.Of(noord, today), Id, now));
        db.LocalContracts.Add(WestwijkContract(westwijk.Id, organisations, ProgrammeCalendar.Of(westwijk, today), now));
        db.LocalContracts.Add(NoordConcept(noord.Id, organisations, now));
        if (programmes.TryGetValue("Perspectief Schilderswijk", out var schilderswijk))
        {
            db.Stakeholders.AddRange(SchilderswijkStakeholders(schilderswijk.Id));
            db.PolicyLines.AddRange(SchilderswijkPolicies(schilderswijk.Id));
        }

        var template = await db.ChecklistTemplates.SingleAsync(candidate => candidate.Id == ChecklistSeed.FirstVersionIdOf("7.1"), cancellationToken).ConfigureAwait(false);
        if (!await db.ProgrammeChecklists.AnyAsync(checklist => checklist.ProgrammeId == westwijk.Id && checklist.BuildingBlockCode == "7.1", cancellationToken).ConfigureAwait(false))
        {
            db.ProgrammeChecklists.Add(WestwijkCollaboration(westwijk, template, organisations["Gemeente Vlaardingen"], now));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task AddRepresentativesAsync(WijkaanpakDbContext db, Dictionary<string, Organisation> organisations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partner = await db.Users.AsNoTracking().Where(user => user.Email == "partner@wijkaanpak.example").Select(user => (Guid?)user.Id)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        (string Organisation, RepresentativeDetails Person)[] people =
        [
            ("Woonstichting De Waterweg", new("Anna Partner", "Manager wonen en leefbaarheid", "partner@wijkaanpak.example", null, partner)),
            ("Woonstichting De Waterweg", new("Dirk van Dam", "Directeur-bestuurder", "bestuur@dewaterweg.example", "010 123 45 67", null)),
            ("Gemeente Vlaardingen", new("Wilma Wethouder", "Wethouder wonen en wijken", "wethouder@vlaardingen.example", null, null)),
            ("Politie eenheid Rotterdam", new("Bas Bureauchef", "Teamchef basisteam", "teamchef@politie.example", null, null)),
            ("Bewonersplatform Westwijk", new("Fatima El Amrani", "Voorzitter", "platform@westwijk.example", null, null)),
            ("Stichting Welzijn Vlaardingen", new("Joost Visser", "Directeur", "directie@welzijn.example", null, null)),
            ("Gemeente Zwolle", new("Ellen Zwart", "Wethouder sociaal domein", "wethouder@zwolle.example", null, null)),
            ("Woonstichting Zwolle Noord", new("Peter Hoekstra", "Bestuurder", "bestuur@zwollenoord.example", null, null)),
        ];
        foreach (var (organisation, person) in people)
        {
            if (organisations[organisation].Representatives.All(existing => existing.Name != person.Name))
            {
                organisations[organisation].AddRepresentative(person, now);
            }
        }
    }

    private static Alliance WestwijkAlliance(ProgrammeId programme, ProgrammeCalendar calendar, Func<string, OrganisationId> id, DateTimeOffset now)
    {
        var alliance = Alliance.Form(programme, now);
        var veilig = alliance.AddSubAlliance("Veilig thuis in Westwijk", "Veiligheid, ondermijning en overlast", now).Id;
        var kansen = alliance.AddSubAlliance("Kansrijk opgroeien", "Onderwijs, jeugd en gezinnen", now).Id;
        var start = new DateOnly(2019, 9, 1);

        void Join(string organisation, AllianceRole role, AllianceLevel level, DateOnly from, DateOnly? until = null, string? note = null, params Guid[] subAlliances) =>
            alliance.Join(new MembershipInput(id(organisation), role, level, from, until, note, subAlliances), calendar, Seeder, now);

        Join("Gemeente Vlaardingen", AllianceRole.Voorzitter, AllianceLevel.Bestuurlijk, start);
        Join("Gemeente Vlaardingen", AllianceRole.Kernpartner, AllianceLevel.Tactisch, start, null, null, veilig, kansen);
        Join("Woonstichting De Waterweg", AllianceRole.LidAlliantiebestuur, AllianceLevel.Bestuurlijk, start);
        Join("Woonstichting De Waterweg", AllianceRole.Kernpartner, AllianceLevel.Operationeel, start, null, null, kansen);
        Join("Politie eenheid Rotterdam", AllianceRole.LidAlliantiebestuur, AllianceLevel.Bestuurlijk, start, new DateOnly(2023, 12, 31), "Zetel overgedragen aan het OM; de politie blijft kernpartner.");
        Join("Politie eenheid Rotterdam", AllianceRole.Kernpartner, AllianceLevel.Tactisch, start, null, null, veilig);
        Join("Openbaar Ministerie Rotterdam", AllianceRole.LidAlliantiebestuur, AllianceLevel.Bestuurlijk, new DateOnly(2024, 1, 1), null, null, veilig);
        Join("Stichting Welzijn Vlaardingen", AllianceRole.Kernpartner, AllianceLevel.Operationeel, new DateOnly(2020, 3, 1), null, null, kansen);
        Join("Scholengroep Vlaardingen", AllianceRole.Kernpartner, AllianceLevel.Tactisch, new DateOnly(2021, 9, 1), null, null, kansen);
        Join("Bewonersplatform Westwijk", AllianceRole.LidAlliantiebestuur, AllianceLevel.Bestuurlijk, new DateOnly(2024, 1, 1), null, "Bewoners kregen bij de herijking een zetel in het bestuur.");
        Join("GGD Rotterdam-Rijnmond", AllianceRole.ChangeAgent, AllianceLevel.Tactisch, new DateOnly(2022, 1, 1));

        alliance.RecordParticipationLevel(ParticipationLevel.B, start, "Bewoners praten mee via het wijkplatform en een klankbordgroep.", calendar, Seeder, now);
        alliance.RecordParticipationLevel(ParticipationLevel.D, new DateOnly(2022, 1, 1), "Het bewonersplatform is partner in de alliantie en in de deelalliantie Kansrijk opgroeien.", calendar, Seeder, now);
        alliance.RecordParticipationLevel(ParticipationLevel.E, new DateOnly(2024, 1, 1), "Sinds de herijking heeft het bewonersplatform een zetel in het alliantiebestuur.", calendar, Seeder, now);
        return alliance;
    }

    private static Alliance NoordAlliance(ProgrammeId programme, ProgrammeCalendar calendar, Func<string, OrganisationId> id, DateTimeOffset now)
    {
        var alliance = Alliance.Form(programme, now);
        var start = new DateOnly(2024, 4, 1);
        alliance.Join(new MembershipInput(id("Gemeente Zwolle"), AllianceRole.Voorzitter, AllianceLevel.Bestuurlijk, start, null, null, []), calendar, Seeder, now);
        alliance.Join(new MembershipInput(id("Woonstichting Zwolle Noord"), AllianceRole.LidAlliantiebestuur, AllianceLevel.Bestuurlijk, start, null, null, []), calendar, Seeder, now);
        alliance.Join(new MembershipInput(id("Politie eenheid Oost-Nederland"), AllianceRole.Kernpartner, AllianceLevel.Tactisch, start, null, null, []), calendar, Seeder, now);
        alliance.Join(new MembershipInput(id("Gemeente Zwolle"), AllianceRole.Kwartiermaker, AllianceLevel.Operationeel, new DateOnly(2024, 1, 15), new DateOnly(2024, 12, 31), "Kwartiermaker tot het programmabureau er stond.", []), calendar, Seeder, now);
        alliance.RecordParticipationLevel(ParticipationLevel.A, start, "Bewoners worden geïnformeerd en gepeild bij wijkavonden; nog geen vaste plek.", calendar, Seeder, now);
        return alliance;
    }

    private static LocalContract WestwijkContract(ProgrammeId programme, Dictionary<string, Organisation> organisations, ProgrammeCalendar calendar, DateTimeOffset now)
    {
        var contract = LocalContract.Draw(
            programme,
            ContractKind.Convenant,
            "Convenant Westwijk Vooruit",
            new ContractSections(
                "Partners werken additioneel aan wat ieder al doet, delen informatie en spreken elkaar aan op afspraken.",
                "Kinderen groeien kansrijk op, volwassenen doen mee, bewoners wonen veilig en prettig.",
                "Ieder draagt jaarlijks bij volgens de tabel van inzet; het Rijk draagt bij via de SPUK.",
                "Het programmabureau voert onafhankelijk de regie en rapporteert jaarlijks aan het alliantiebestuur."),
            4,
            now);
        (string Name, decimal PerYear, decimal Fte, string? Other)[] parties =
        [
            ("Gemeente Vlaardingen", 1_200_000m, 4m, null),
            ("Woonstichting De Waterweg", 650_000m, 2m, "Wijkbeheerders en een huismeester per complex"),
            ("Politie eenheid Rotterdam", 0m, 1m, "Extra wijkagent op vrijdagavond"),
        ];
        foreach (var (name, perYear, fte, other) in parties)
        {
            var amounts = perYear == 0 ? new List<YearlyAmount>() : Enumerable.Range(2020, 4).Select(year => new YearlyAmount(year, perYear)).ToList();
            contract.SetCommitment(1, new CommitmentInput(organisations[name].Id, name, amounts, fte, other), now);
        }

        var signedOn = new DateOnly(2020, 3, 2);
        contract.RecordSignature(1, new ContractSignatureInput(organisations["Gemeente Vlaardingen"].Id, "W. Wethouder", "Wethouder", signedOn), Seeder, calendar, now);
        contract.RecordSignature(1, new ContractSignatureInput(organisations["Woonstichting De Waterweg"].Id, "D. van Dam", "Directeur-bestuurder", signedOn), Seeder, calendar, now);
        contract.RecordSignature(1, new ContractSignatureInput(organisations["Politie eenheid Rotterdam"].Id, "B. Bureauchef", "Teamchef", signedOn), Seeder, calendar, now);
        contract.Revise("Herijking 2024: bewoners in het bestuur, het OM als partner, een nieuwe periode van inzet.", now);
        contract.SetCommitment(2, new CommitmentInput(
            organisations["Openbaar Ministerie Rotterdam"].Id, "Openbaar Ministerie Rotterdam", [], 0.5m, "Een vaste officier van justitie voor de wijk"), now);
        return contract;
    }

    private static LocalContract NoordConcept(ProgrammeId programme, Dictionary<string, Organisation> organisations, DateTimeOffset now)
    {
        var contract = LocalContract.Draw(
            programme,
            ContractKind.Intentieverklaring,
            "Intentieverklaring Noord aan Zet",
            new ContractSections(
                "Gemeente, corporatie en politie verklaren samen een langjarige aanpak voor Zwolle-Noord te willen.",
                "Meer bestaanszekerheid, een veilige openbare ruimte en een school die de wijk in trekt.",
                null,
                "Een kwartiermaker bereidt het programmabureau voor."),
            3,
            now);
        contract.SetCommitment(1, new CommitmentInput(organisations["Gemeente Zwolle"].Id, "Gemeente Zwolle", [new YearlyAmount(2025, 500_000m), new YearlyAmount(2026, 750_000m)], 2m, null), now);
        contract.SetCommitment(1, new CommitmentInput(organisations["Woonstichting Zwolle Noord"].Id, "Woonstichting Zwolle Noord", [new YearlyAmount(2025, 250_000m)], 1m, null), now);
        return contract;
    }

    private static ProgrammeChecklist WestwijkCollaboration(Programme westwijk, ChecklistTemplate template, Organisation municipality, DateTimeOffset now)
    {
        var checklist = ProgrammeChecklist.Start(westwijk, template, now);
        checklist.Answer(template.Questions[0].Key, AnswerStatus.Ja, "De programmadirecteur jaagt de uitvoering aan en zit de uitvoeringstafel voor.", null, Seeder, now);
        checklist.Answer(template.Questions[1].Key, AnswerStatus.Deels, "Corporatie en welzijn wel; bij de scholen nog niet.", null, Seeder, now);
        checklist.Answer(template.Questions[3].Key, AnswerStatus.Nee, "Te weinig jongerenwerkers op de avonden.", null, Seeder, now);
        var wethouder = new UserRef(Guid.Parse("00000000-0000-0000-0000-0000000000df"), "Wilma Wethouder");
        checklist.SignOff(new Signatory(wethouder, municipality.Id), municipality.Id, municipality.Name, new HashSet<OrganisationId> { municipality.Id }, checklist.ContentRevision, "Akkoord namens het college.", now);
        return checklist;
    }

    private static IEnumerable<Stakeholder> SchilderswijkStakeholders(ProgrammeId programme) =>
    [
        Stakeholder.Add(programme, new StakeholderDetails(StakeholderKind.Organisatie, "Haag Wonen", null, "Grootste verhuurder in de wijk; plannen voor renovatie.", "gebiedsmanager")),
        Stakeholder.Add(programme, new StakeholderDetails(StakeholderKind.Vereniging, "Winkeliersvereniging Hoefkade", null, "Overlast en leegstand in de winkelstraat.", null)),
        Stakeholder.Add(programme, new StakeholderDetails(StakeholderKind.InformeelInitiatief, "Moedersnetwerk Schilderswijk", null, "Moeders die elkaar helpen met school en opvoeding.", "via het buurthuis")),
        Stakeholder.Add(programme, new StakeholderDetails(StakeholderKind.Participatiekanaal, "Wijkberaad", null, "Vast overleg van bewoners met de gemeente.", null)),
        Stakeholder.Add(programme, new StakeholderDetails(StakeholderKind.Sleutelpersoon, "Imam van de wijkmoskee", null, "Bereikt gezinnen die de gemeente niet bereikt.", null)),
    ];

    private static IEnumerable<PolicyLine> SchilderswijkPolicies(ProgrammeId programme) =>
    [
        PolicyLine.Add(programme, new PolicyLineDetails("Krachtwijkenbeleid", PolicyKind.GebiedsgerichtBeleid, PolicyScale.Nationaal, 2007, 2012, "Rijk (toen WWI)", "Investeringen in woningen; sociale effecten vielen tegen.")),
        PolicyLine.Add(programme, new PolicyLineDetails("Wijkprogramma Centrum", PolicyKind.GebiedsgerichtWerken, PolicyScale.Lokaal, 2019, null, "Gemeente Den Haag, stadsdeel Centrum", "Jaarlijks wijkprogramma; weinig samenhang met partners.")),
        PolicyLine.Add(programme, new PolicyLineDetails("Aanpak ondermijning", PolicyKind.Opgavegericht, PolicyScale.Regionaal, 2021, null, "RIEC Haaglanden", null)),
    ];
}
