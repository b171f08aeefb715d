using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data.Seeding;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.Integration.Tests.Alliances;

/// <summary>The alliance, sign-offs and the lokaal contract as PostgreSQL stores and returns them.</summary>
public sealed class AlliancePersistenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserRef Staff = new(Guid.CreateVersion7(), "Pim van het programmabureau");

    // The programme SeedAsync stores: started 1-9-2019, for twenty years.
    private static readonly ProgrammeCalendar Calendar = ProgrammeCalendar.For(new DateOnly(2019, 9, 1), 20, new DateOnly(2026, 11, 25));

    [Fact]
    public async Task BoardOnADate_ComesBackFromTheDatabase_WithEndedMembershipsKept()
    {
        var database = await TestDatabase.CreateAsync();
        var (programme, municipality, corporation, police) = await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            var alliance = Alliance.Form(programme, Now);
            alliance.Join(new MembershipInput(municipality, AllianceRole.Voorzitter, AllianceLevel.Bestuurlijk, new DateOnly(2020, 1, 1), null, null, []), Calendar, Staff, Now);
            var corporationSeat = alliance.Join(new MembershipInput(corporation, AllianceRole.LidAlliantiebestuur, AllianceLevel.Bestuurlijk, new DateOnly(2020, 1, 1), null, null, []), Calendar, Staff, Now);
            alliance.Join(new MembershipInput(police, AllianceRole.Kernpartner, AllianceLevel.Tactisch, new DateOnly(2021, 5, 1), null, null, []), Calendar, Staff, Now);
            alliance.EndMembership(corporationSeat.Id, new DateOnly(2023, 6, 30), "Zetel overgedragen.", Calendar, Now);
            alliance.Join(new MembershipInput(police, AllianceRole.LidAlliantiebestuur, AllianceLevel.Bestuurlijk, new DateOnly(2023, 7, 1), null, null, []), Calendar, Staff, Now);
            alliance.RecordParticipationLevel(ParticipationLevel.B, new DateOnly(2020, 1, 1), "Klankbordgroep.", Calendar, Staff, Now);
            db.Alliances.Add(alliance);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var stored = await read.Alliances.AsNoTracking().SingleAsync(alliance => alliance.ProgrammeId == programme);
        Assert.Equal([municipality, corporation], stored.BoardOn(new DateOnly(2023, 6, 30)).Select(membership => membership.OrganisationId).OrderBy(id => id == corporation));
        Assert.Equal([municipality, police], stored.BoardOn(new DateOnly(2023, 7, 1)).Select(membership => membership.OrganisationId).OrderBy(id => id == police));
        Assert.Equal(4, stored.Memberships.Count);
        Assert.Equal(ParticipationLevel.B, stored.ParticipationOn(new DateOnly(2024, 1, 1))!.Level);

        // The same question asked of the table itself, as reports across programmes will.
        var day = new DateOnly(2022, 1, 1);
        var boardInSql = await read.Alliances.Where(alliance => alliance.ProgrammeId == programme)
            .SelectMany(alliance => alliance.Memberships)
            .Where(membership => (membership.Role == AllianceRole.Voorzitter || membership.Role == AllianceRole.LidAlliantiebestuur)
                && membership.From <= day && (membership.Until == null || membership.Until >= day))
            .Select(membership => membership.OrganisationId)
            .ToListAsync();
        Assert.Equal(new HashSet<OrganisationId> { municipality, corporation }, boardInSql.ToHashSet());
    }

    [Fact]
    public async Task SignedContract_WithCommitmentsPerYear_RoundTrips()
    {
        var database = await TestDatabase.CreateAsync();
        var (programme, municipality, corporation, _) = await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            var contract = LocalContract.Draw(programme, ContractKind.Convenant, "Wijkdeal", new ContractSections("Samen.", "Kansrijk opgroeien.", null, null), 4, Now);
            contract.SetCommitment(1, new CommitmentInput(municipality, "Gemeente", [new YearlyAmount(2026, 1_250_000.50m), new YearlyAmount(2027, 900_000m)], 2.5m, null), Now);
            contract.SetCommitment(1, new CommitmentInput(corporation, "Woonstichting", [new YearlyAmount(2026, 400_000m)], 0m, "Twee wijkbeheerders"), Now);
            contract.RecordSignature(1, new ContractSignatureInput(municipality, "W. Wethouder", "Wethouder", new DateOnly(2026, 11, 1)), Staff, Calendar, Now);
            contract.RecordSignature(1, new ContractSignatureInput(corporation, "D. Directeur", "Bestuurder", new DateOnly(2026, 11, 3)), Staff, Calendar, Now);
            db.LocalContracts.Add(contract);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var stored = await read.LocalContracts.AsNoTracking().SingleAsync(contract => contract.ProgrammeId == programme);
        var version = stored.InForce!;
        Assert.Equal(ContractVersionStatus.Ondertekend, version.Status);
        Assert.Equal(new DateOnly(2030, 11, 3), version.EvaluationDue);
        Assert.Equal(2_150_000.50m, version.Commitments.Single(commitment => commitment.OrganisationId == municipality).TotalEuros);
        Assert.Equal("Twee wijkbeheerders", version.Commitments.Single(commitment => commitment.OrganisationId == corporation).OtherCapacity);
        Assert.Equal(["W. Wethouder", "D. Directeur"], version.Signatures.Select(signature => signature.SignatoryName));
    }

    [Fact]
    public async Task SignOff_IsStoredWithTheChecklist_AndOutdatedByALaterAnswer()
    {
        var database = await TestDatabase.CreateAsync();
        var (programme, _, corporation, _) = await SeedAsync(database);
        ProgrammeChecklistId checklistId;
        await using (var db = database.CreateContext())
        {
            var owner = await db.Programmes.SingleAsync(candidate => candidate.Id == programme);
            var template = await db.ChecklistTemplates.SingleAsync(template => template.Id == ChecklistSeed.FirstVersionIdOf("4.1"));
            var checklist = ProgrammeChecklist.Start(owner, template, Now);
            checklist.Answer(checklist.QuestionKeys[0], AnswerStatus.Ja, null, null, Staff, Now);
            checklist.SignOff(new Signatory(Staff, corporation), corporation, "Woonstichting", new HashSet<OrganisationId> { corporation }, checklist.ContentRevision, "Akkoord", Now);
            db.ProgrammeChecklists.Add(checklist);
            await db.SaveChangesAsync();
            checklistId = checklist.Id;
        }

        await using (var db = database.CreateContext())
        {
            var checklist = await db.ProgrammeChecklists.SingleAsync(candidate => candidate.Id == checklistId);
            Assert.Equal(SignOffState.Signed, checklist.SignOffStateOf(corporation));
            checklist.Answer(checklist.QuestionKeys[1], AnswerStatus.Nee, null, null, Staff, Now.AddHours(1));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var stored = await read.ProgrammeChecklists.AsNoTracking().SingleAsync(candidate => candidate.Id == checklistId);
        Assert.Equal(SignOffState.Outdated, stored.SignOffStateOf(corporation));
        Assert.Equal("Akkoord", Assert.Single(stored.SignOffs).Remark);
    }

    private static async Task<(ProgrammeId Programme, OrganisationId Municipality, OrganisationId Corporation, OrganisationId Police)> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var programme = Programme.Create(
            new ProgrammeDetails("Westwijk", "Vlaardingen", ["WK062203"], UrgencyKind.Meervoudig, new DateOnly(2019, 9, 1), 20, null), Now);
        var municipality = Organisation.Create("Gemeente Vlaardingen", OrganisationType.Gemeente, Now);
        var corporation = Organisation.Create("Woonstichting De Waterweg", OrganisationType.Woningcorporatie, Now);
        var police = Organisation.Create("Politie Rotterdam", OrganisationType.Politie, Now);
        db.AddRange(programme, municipality, corporation, police);
        await db.SaveChangesAsync();
        return (programme.Id, municipality.Id, corporation.Id, police.Id);
    }
}
