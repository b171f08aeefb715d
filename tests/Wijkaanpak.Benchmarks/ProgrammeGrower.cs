using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// Grows the one programme that the data set copies (Westwijk Vooruit) to the size the issue asks
/// for in the parts that only the domain can make valid: a full alliance, every checklist answered
/// with history and signed, and five contract versions. Made through the aggregates' own methods and
/// EF Core, so every JSON column and rule is as the app writes it; the bulk copying comes after.
/// </summary>
internal sealed class ProgrammeGrower(Func<WijkaanpakDbContext> createContext, Action<string> log)
{
    /// <summary>Organisations in the alliance after growing (the issue: 15–40).</summary>
    public const int AllianceOrganisations = 35;

    /// <summary>Times every question is answered: the last is current, the others are history.</summary>
    public const int AnswersPerQuestion = 3;

    /// <summary>Organisations that sign every checklist.</summary>
    public const int SignersPerChecklist = 3;

    public const int ContractVersions = 5;

    private static readonly DateTimeOffset Start = new(2024, 1, 8, 9, 0, 0, TimeSpan.Zero);

    private static readonly (OrganisationType Type, string Name)[] Kinds =
    [
        (OrganisationType.Welzijn, "Buurtwerk"),
        (OrganisationType.Zorg, "Wijkzorg"),
        (OrganisationType.Onderwijs, "Basisschool"),
        (OrganisationType.Ondernemers, "Ondernemersvereniging"),
        (OrganisationType.Woningcorporatie, "Wooncoöperatie"),
    ];

    public async Task GrowAsync(ProgrammeId programmeId, UserRef actor)
    {
        await GrowAllianceAsync(programmeId, actor);
        await AnswerChecklistsAsync(programmeId, actor);
        await ReviseContractAsync(programmeId, actor);
    }

    private async Task GrowAllianceAsync(ProgrammeId programmeId, UserRef actor)
    {
        await using var db = createContext();
        var alliance = await db.Alliances.SingleAsync(candidate => candidate.ProgrammeId == programmeId);
        var calendar = ProgrammeCalendar.Of(await db.Programmes.AsNoTracking().SingleAsync(candidate => candidate.Id == programmeId), DateOnly.FromDateTime(DateTime.Today));
        var members = alliance.Memberships.Select(membership => membership.OrganisationId).ToHashSet();
        var from = new DateOnly(2022, 1, 1);
        for (var number = 1; members.Count < AllianceOrganisations; number++)
        {
            var (type, name) = Kinds[number % Kinds.Length];
            var organisation = Organisation.Create($"{name} Westwijk {number}", type, Start);
            db.Organisations.Add(organisation);
            alliance.Join(new MembershipInput(organisation.Id, AllianceRole.Kernpartner, AllianceLevel.Operationeel, from.AddDays(number * 7), null, null, []), calendar, actor, Start);
            members.Add(organisation.Id);
        }

        await db.SaveChangesAsync();
        log($"  alliantie: {members.Count} organisaties");
    }

    private async Task AnswerChecklistsAsync(ProgrammeId programmeId, UserRef actor)
    {
        await using var db = createContext();
        var programme = await db.Programmes.SingleAsync(candidate => candidate.Id == programmeId);
        var alliance = await db.Alliances.AsNoTracking().SingleAsync(candidate => candidate.ProgrammeId == programmeId);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var signers = alliance.OrganisationsOn(today).Take(SignersPerChecklist).ToList();
        var names = await db.Organisations.AsNoTracking().Where(organisation => signers.Contains(organisation.Id)).ToDictionaryAsync(organisation => organisation.Id, organisation => organisation.Name);
        var allianceMembers = alliance.OrganisationsOn(today);
        var templates = (await db.ChecklistTemplates.AsNoTracking().ToListAsync())
            .GroupBy(template => template.BuildingBlockCode)
            .Select(versions => versions.MaxBy(template => template.VersionNumber)!)
            .ToList();
        var existing = await db.ProgrammeChecklists.Where(checklist => checklist.ProgrammeId == programmeId).ToListAsync();
        var statuses = Enum.GetValues<AnswerStatus>();
        var now = Start;
        foreach (var template in templates)
        {
            var checklist = existing.SingleOrDefault(candidate => candidate.BuildingBlockCode == template.BuildingBlockCode && candidate.Cycle == programme.Cycle);
            if (checklist is null)
            {
                checklist = ProgrammeChecklist.Start(programme, template, now);
                db.ProgrammeChecklists.Add(checklist);
            }

            if (checklist.IsClosed)
            {
                continue;
            }

            var position = 0;
            foreach (var question in template.Questions)
            {
                for (var round = 1; round <= AnswersPerQuestion; round++)
                {
                    now = now.AddMinutes(17);
                    checklist.Answer(
                        question.Key,
                        statuses[(position + round) % statuses.Length],
                        $"Besproken in de kernpartnertafel van week {round + position % 40}; afspraken staan in het verslag.",
                        [$"https://intranet.example/westwijk/verslag-{position}-{round}"],
                        actor,
                        now);
                }

                position++;
            }

            foreach (var signer in signers.Where(signer => checklist.SignOffStateOf(signer) != SignOffState.Signed))
            {
                checklist.SignOff(new Signatory(actor, signer), signer, names[signer], allianceMembers, checklist.ContentRevision, "Akkoord namens de organisatie.", now);
            }
        }

        await db.SaveChangesAsync();
        log($"  checklists: {templates.Count} beantwoord ({AnswersPerQuestion}× per vraag) en door {signers.Count} organisaties afgetekend");
    }

    private async Task ReviseContractAsync(ProgrammeId programmeId, UserRef actor)
    {
        await using var db = createContext();
        var contract = await db.LocalContracts.SingleAsync(candidate => candidate.ProgrammeId == programmeId);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var calendar = ProgrammeCalendar.Of(await db.Programmes.AsNoTracking().SingleAsync(candidate => candidate.Id == programmeId), today);
        while (contract.Versions.Count < ContractVersions)
        {
            if (contract.Draft is { } draft)
            {
                foreach (var party in draft.Commitments.ToList())
                {
                    contract.RecordSignature(draft.Number, new ContractSignatureInput(party.OrganisationId, "A. Bestuurder", "Bestuurder", today.AddDays(-30)), actor, calendar, Start);
                }
            }

            contract.Revise($"Jaarlijkse herijking {contract.Versions.Count}: inzet en bijdragen bijgesteld.", Start);
        }

        await db.SaveChangesAsync();
        log($"  lokaal contract: {contract.Versions.Count} versies");
    }
}
