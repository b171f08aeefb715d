using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Organisations;
using static Wijkaanpak.Domain.Tests.TestData;

namespace Wijkaanpak.Domain.Tests;

public sealed class AllianceTests
{
    private static readonly OrganisationId CorporationId = new(Corporation);
    private static readonly OrganisationId MunicipalityId = new(Municipality);

    private static Alliance NewAlliance() => Alliance.Form(NewProgramme().Id, Now);

    private static MembershipInput Member(OrganisationId organisation, AllianceRole role, DateOnly from, DateOnly? until = null, params Guid[] subAlliances) =>
        new(organisation, role, AllianceLevel.Bestuurlijk, from, until, null, subAlliances);

    [Fact]
    public void Join_InTheSameRoleForAnOverlappingPeriod_IsRefused()
    {
        var alliance = NewAlliance();
        alliance.Join(Member(CorporationId, AllianceRole.LidAlliantiebestuur, new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31)), Calendar, Staff, Now);

        Assert.Equal("MembershipPeriodsDoNotOverlap", Rule(() => alliance.Join(Member(CorporationId, AllianceRole.LidAlliantiebestuur, new DateOnly(2023, 6, 1)), Calendar, Staff, Now)));
        Assert.Single(alliance.Memberships);
    }

    [Fact]
    public void Join_InTheSameRoleAfterThePreviousPeriod_IsAllowed()
    {
        var alliance = NewAlliance();
        alliance.Join(Member(CorporationId, AllianceRole.LidAlliantiebestuur, new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31)), Calendar, Staff, Now);

        alliance.Join(Member(CorporationId, AllianceRole.LidAlliantiebestuur, new DateOnly(2024, 1, 1)), Calendar, Staff, Now);

        Assert.Equal(2, alliance.Memberships.Count);
    }

    [Fact]
    public void Join_InAnotherRoleForTheSamePeriod_IsAllowed()
    {
        var alliance = NewAlliance();
        alliance.Join(Member(CorporationId, AllianceRole.Kernpartner, new DateOnly(2022, 1, 1)), Calendar, Staff, Now);

        alliance.Join(Member(CorporationId, AllianceRole.LidAlliantiebestuur, new DateOnly(2022, 1, 1)), Calendar, Staff, Now);

        Assert.Equal(2, alliance.MembersOn(new DateOnly(2022, 6, 1)).Count);
    }

    [Fact]
    public void ChangeMembership_IntoAnOverlapWithAnother_IsRefused()
    {
        var alliance = NewAlliance();
        alliance.Join(Member(CorporationId, AllianceRole.Voorzitter, new DateOnly(2020, 1, 1), new DateOnly(2021, 12, 31)), Calendar, Staff, Now);
        var later = alliance.Join(Member(CorporationId, AllianceRole.Voorzitter, new DateOnly(2022, 1, 1)), Calendar, Staff, Now);

        Assert.Equal("MembershipPeriodsDoNotOverlap", Rule(() => alliance.ChangeMembership(later.Id, Member(CorporationId, AllianceRole.Voorzitter, new DateOnly(2021, 6, 1)), Calendar, Now)));
    }

    [Fact]
    public void BoardOn_ADate_ListsTheBoardRolesThatRanThatDay()
    {
        var alliance = NewAlliance();
        alliance.Join(Member(MunicipalityId, AllianceRole.Voorzitter, new DateOnly(2020, 1, 1)), Calendar, Staff, Now);
        var corporation = alliance.Join(Member(CorporationId, AllianceRole.LidAlliantiebestuur, new DateOnly(2020, 1, 1)), Calendar, Staff, Now);
        alliance.Join(Member(CorporationId, AllianceRole.Kernpartner, new DateOnly(2020, 1, 1)), Calendar, Staff, Now);
        alliance.EndMembership(corporation.Id, new DateOnly(2022, 12, 31), "Uitgetreden na fusie.", Calendar, Now);

        Assert.Equal(
            [MunicipalityId, CorporationId],
            alliance.BoardOn(new DateOnly(2022, 12, 31)).Select(membership => membership.OrganisationId));
        Assert.Equal([MunicipalityId], alliance.BoardOn(new DateOnly(2023, 1, 1)).Select(membership => membership.OrganisationId));
        Assert.Empty(alliance.BoardOn(new DateOnly(2019, 12, 31)));
        Assert.Equal(3, alliance.Memberships.Count);
    }

    [Fact]
    public void EndMembership_BeforeItsStart_IsRefused()
    {
        var alliance = NewAlliance();
        var membership = alliance.Join(Member(CorporationId, AllianceRole.Kernpartner, new DateOnly(2024, 1, 1)), Calendar, Staff, Now);

        Assert.Equal("MembershipEndsAfterStart", Rule(() => alliance.EndMembership(membership.Id, new DateOnly(2023, 1, 1), null, Calendar, Now)));
    }

    [Fact]
    public void EndMembership_Twice_IsRefused()
    {
        var alliance = NewAlliance();
        var membership = alliance.Join(Member(CorporationId, AllianceRole.Kernpartner, new DateOnly(2024, 1, 1)), Calendar, Staff, Now);
        alliance.EndMembership(membership.Id, new DateOnly(2025, 1, 1), null, Calendar, Now);

        Assert.Equal("MembershipAlreadyEnded", Rule(() => alliance.EndMembership(membership.Id, new DateOnly(2025, 6, 1), null, Calendar, Now)));
    }

    [Fact]
    public void Join_WithASubAllianceOfAnotherAlliance_IsRefused()
    {
        var alliance = NewAlliance();

        Assert.Equal("SubAllianceMustExist", Rule(() => alliance.Join(Member(CorporationId, AllianceRole.Kernpartner, new DateOnly(2024, 1, 1), null, Guid.CreateVersion7()), Calendar, Staff, Now)));
    }

    [Fact]
    public void AddSubAlliance_WithANameInUse_IsRefused()
    {
        var alliance = NewAlliance();
        alliance.AddSubAlliance("Veilig thuis", "Veiligheid", Now);

        Assert.Equal("SubAllianceNameUnique", Rule(() => alliance.AddSubAlliance("veilig thuis", null, Now)));
    }

    [Fact]
    public void ParticipationOn_ADate_IsTheLevelRecordedLastBeforeIt()
    {
        var alliance = NewAlliance();
        alliance.RecordParticipationLevel(ParticipationLevel.D, new DateOnly(2024, 3, 1), "Bewonersplatform schuift aan in de alliantie.", Calendar, Staff, Now);
        alliance.RecordParticipationLevel(ParticipationLevel.B, new DateOnly(2022, 1, 1), "Klankbordgroep via het wijkplatform.", Calendar, Staff, Now);

        Assert.Null(alliance.ParticipationOn(new DateOnly(2021, 12, 31)));
        Assert.Equal(ParticipationLevel.B, alliance.ParticipationOn(new DateOnly(2024, 2, 29))!.Level);
        Assert.Equal(ParticipationLevel.D, alliance.ParticipationOn(new DateOnly(2026, 1, 1))!.Level);
    }

    [Fact]
    public void RecordParticipationLevel_WithoutExplanation_IsRefused()
    {
        var alliance = NewAlliance();

        Assert.Equal("ParticipationExplanationRequired", Rule(() => alliance.RecordParticipationLevel(ParticipationLevel.C, Today, "  ", Calendar, Staff, Now)));
    }
}
