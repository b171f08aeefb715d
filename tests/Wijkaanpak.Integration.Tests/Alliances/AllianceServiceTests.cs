using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Alliance;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Integration.Tests.Alliances;

/// <summary>The alliance through its service, as staff and readers use it, against PostgreSQL.</summary>
public sealed class AllianceServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    private AppFixture App => fixture.App;

    [Fact]
    public async Task BoardOnADate_AfterJoinsAndAnEnd_NamesWhoSatOnItThatDay()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var alliance = App.ServiceFor<AllianceService>(scope);

        await JoinAsync(alliance, world, world.Municipality, AllianceRole.Voorzitter, new DateTime(2020, 1, 1));
        await JoinAsync(alliance, world, world.Corporation, AllianceRole.LidAlliantiebestuur, new DateTime(2020, 1, 1));
        await JoinAsync(alliance, world, world.Police, AllianceRole.Kernpartner, new DateTime(2021, 5, 1));
        var corporationSeat = (await alliance.GetAsync(world.Programme)).Value!.Current
            .Single(membership => membership.OrganisationId == world.Corporation.Value && membership.Role == AllianceRole.LidAlliantiebestuur);
        var ended = await alliance.EndMembershipAsync(world.Programme, corporationSeat.Id, await OpenedNowAsync(world.Programme, new EndMembershipEditModel
        {
            Until = new DateTime(2023, 6, 30),
            Note = "Zetel gaat naar de politie.",
        }));
        Assert.True(ended.IsOk, ended.Message);
        await JoinAsync(alliance, world, world.Police, AllianceRole.LidAlliantiebestuur, new DateTime(2023, 7, 1));

        var lastDayOfTheCorporation = (await alliance.GetCompositionAsync(world.Programme, new DateOnly(2023, 6, 30))).Value!;
        var firstDayOfThePolice = (await alliance.GetCompositionAsync(world.Programme, new DateOnly(2023, 7, 1))).Value!;
        var beforeEveryone = (await alliance.GetCompositionAsync(world.Programme, new DateOnly(2019, 12, 31))).Value!;

        Assert.Equal(new[] { world.Municipality.Value, world.Corporation.Value }, lastDayOfTheCorporation.Board.Select(membership => membership.OrganisationId));
        Assert.Equal(AllianceRole.Voorzitter, lastDayOfTheCorporation.Board[0].Role);
        Assert.Equal(new[] { world.Municipality.Value, world.Police.Value }, firstDayOfThePolice.Board.Select(membership => membership.OrganisationId));
        Assert.Equal(3, firstDayOfThePolice.Members.Count);
        Assert.Empty(beforeEveryone.Members);

        var view = (await alliance.GetAsync(world.Programme)).Value!;
        var former = Assert.Single(view.Former);
        Assert.Equal(world.Corporation.Value, former.OrganisationId);
        Assert.Equal(new DateOnly(2023, 6, 30), former.Until);
        Assert.Equal("Zetel gaat naar de politie.", former.Note);
        Assert.DoesNotContain(view.Current, membership => membership.Id == former.Id);
        Assert.True(view.CanEdit);
    }

    [Fact]
    public async Task AnOverlappingMembership_IsRefusedNextToTheStartDate_AndNothingIsStored()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var alliance = App.ServiceFor<AllianceService>(scope);
        await JoinAsync(alliance, world, world.Corporation, AllianceRole.Kernpartner, new DateTime(2020, 1, 1));

        var overlapping = await alliance.JoinAsync(world.Programme, await OpenedNowAsync(world.Programme, Membership(world.Corporation, AllianceRole.Kernpartner, new DateTime(2022, 1, 1))));

        Assert.Equal(ResultStatus.Invalid, overlapping.Status);
        Assert.Contains("mogen niet overlappen", Assert.Single(overlapping.Errors[nameof(MembershipEditModel.From)]), StringComparison.Ordinal);

        var endsBeforeItStarts = Membership(world.Police, AllianceRole.Kernpartner, new DateTime(2022, 1, 1));
        endsBeforeItStarts.Until = new DateTime(2021, 1, 1);
        var backwards = await alliance.JoinAsync(world.Programme, await OpenedNowAsync(world.Programme, endsBeforeItStarts));
        Assert.Equal(ResultStatus.Invalid, backwards.Status);
        Assert.Contains(nameof(MembershipEditModel.Until), backwards.Errors.Keys);

        await using var db = App.Database.CreateContext();
        var stored = await db.Alliances.AsNoTracking().SingleAsync(row => row.ProgrammeId == world.Programme);
        Assert.Equal(world.Corporation, Assert.Single(stored.Memberships).OrganisationId);
    }

    [Fact]
    public async Task ASaveFromAStaleScreen_IsAConflict_AndTheFirstSaveStands()
    {
        var world = await ArrangeAsync();
        var colleague = await App.CreateUserAsync(Role.Programmabureau, null, world.Programme);
        await using var first = App.ScopeFor(world.Staff);
        await using var second = App.ScopeFor(colleague);
        var mine = App.ServiceFor<AllianceService>(first);
        var theirs = App.ServiceFor<AllianceService>(second);
        await JoinAsync(mine, world, world.Municipality, AllianceRole.Voorzitter, new DateTime(2020, 1, 1));

        var openedByTheColleague = await OpenedNowAsync(world.Programme, Membership(world.Police, AllianceRole.Kernpartner, new DateTime(2021, 1, 1)));
        Assert.True((await mine.AddSubAllianceAsync(world.Programme, await OpenedNowAsync(world.Programme, new SubAllianceEditModel { Name = "Veilig thuis" }))).IsOk);
        var stale = await theirs.JoinAsync(world.Programme, openedByTheColleague);

        Assert.Equal(ResultStatus.Conflict, stale.Status);
        Assert.Contains("intussen gewijzigd", stale.Message, StringComparison.Ordinal);
        var view = (await theirs.GetAsync(world.Programme)).Value!;
        Assert.Equal(world.Municipality.Value, Assert.Single(view.Current).OrganisationId);
        Assert.Equal("Veilig thuis", Assert.Single(view.SubAlliances).Name);

        // Reloaded onto the newest version, the same input saves.
        openedByTheColleague.Version = view.Version;
        Assert.True((await theirs.JoinAsync(world.Programme, openedByTheColleague)).IsOk);
    }

    [Fact]
    public async Task TwoFirstChangesAtOnce_FormOneAlliance_AndTheOtherIsAConflict()
    {
        var world = await ArrangeAsync();
        var colleague = await App.CreateUserAsync(Role.Programmabureau, null, world.Programme);
        await using var first = App.ScopeFor(world.Staff);
        await using var second = App.ScopeFor(colleague);

        // Both screens were opened before the programme had an alliance (version 0).
        var results = await Task.WhenAll(
            App.ServiceFor<AllianceService>(first).JoinAsync(world.Programme, Membership(world.Municipality, AllianceRole.Voorzitter, new DateTime(2020, 1, 1))),
            App.ServiceFor<AllianceService>(second).JoinAsync(world.Programme, Membership(world.Corporation, AllianceRole.Kernpartner, new DateTime(2020, 1, 1))));

        Assert.Equal([ResultStatus.Ok, ResultStatus.Conflict], results.Select(result => result.Status).Order());
        await using var db = App.Database.CreateContext();
        Assert.Single(await db.Alliances.AsNoTracking().Where(row => row.ProgrammeId == world.Programme).ToListAsync());
    }

    [Fact]
    public async Task ParticipationLevels_FollowEachOther_AndTheOneOfADateIsShown()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var alliance = App.ServiceFor<AllianceService>(scope);
        Assert.True((await alliance.RecordParticipationAsync(world.Programme, await OpenedNowAsync(world.Programme, new ParticipationEditModel
        {
            Level = ParticipationLevel.B,
            EffectiveFrom = new DateTime(2020, 1, 1),
            Explanation = "Een klankbordgroep van bewoners.",
        }))).IsOk);
        var withoutReason = await alliance.RecordParticipationAsync(world.Programme, await OpenedNowAsync(world.Programme, new ParticipationEditModel
        {
            Level = ParticipationLevel.E,
            EffectiveFrom = new DateTime(2024, 1, 1),
        }));
        Assert.Equal(ResultStatus.Invalid, withoutReason.Status);
        Assert.Contains(nameof(ParticipationEditModel.Explanation), withoutReason.Errors.Keys);
        Assert.True((await alliance.RecordParticipationAsync(world.Programme, await OpenedNowAsync(world.Programme, new ParticipationEditModel
        {
            Level = ParticipationLevel.E,
            EffectiveFrom = new DateTime(2024, 1, 1),
            Explanation = "Het bewonersplatform zit in het bestuur.",
        }))).IsOk);

        var view = (await alliance.GetAsync(world.Programme)).Value!;
        Assert.Equal(ParticipationLevel.E, view.Participation!.Level);
        Assert.Equal([ParticipationLevel.E, ParticipationLevel.B], view.ParticipationHistory.Select(record => record.Level));
        Assert.Equal(ParticipationLevel.B, (await alliance.GetCompositionAsync(world.Programme, new DateOnly(2023, 12, 31))).Value!.Participation!.Level);
    }

    [Fact]
    public async Task AParticipationLevelOf1980_IsRefusedNextToItsDate_AndNothingIsStored()
    {
        var world = await ArrangeAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var alliance = App.ServiceFor<AllianceService>(scope);

        var result = await alliance.RecordParticipationAsync(world.Programme, await OpenedNowAsync(world.Programme, new ParticipationEditModel
        {
            Level = ParticipationLevel.C,
            EffectiveFrom = new DateTime(1980, 1, 1),
            Explanation = "Een partnerraad met bewoners.",
        }));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(["De ingangsdatum kan niet vóór de start van de wijkaanpak (1-9-2019) liggen."], result.Errors[nameof(ParticipationEditModel.EffectiveFrom)]);
        Assert.Empty((await alliance.GetAsync(world.Programme)).Value!.ParticipationHistory);
    }

    [Theory]
    [InlineData(Role.Alliantiepartner)]
    [InlineData(Role.Raadslid)]
    public async Task PartnersAndCouncillors_ReadTheAlliance_ButEveryChangeIsForbidden(Role role)
    {
        var world = await ArrangeAsync();
        await using (var staff = App.ScopeFor(world.Staff))
        {
            await JoinAsync(App.ServiceFor<AllianceService>(staff), world, world.Municipality, AllianceRole.Voorzitter, new DateTime(2020, 1, 1));
        }

        var reader = await App.CreateUserAsync(role, role == Role.Alliantiepartner ? world.Corporation.Value : null, world.Programme);
        await using var scope = App.ScopeFor(reader);
        var alliance = App.ServiceFor<AllianceService>(scope);
        var view = (await alliance.GetAsync(world.Programme)).Value!;
        Assert.False(view.CanEdit);
        var membership = Assert.Single(view.Current);

        var changes = new[]
        {
            await alliance.JoinAsync(world.Programme, await OpenedNowAsync(world.Programme, Membership(world.Corporation, AllianceRole.Kernpartner, new DateTime(2021, 1, 1)))),
            await alliance.ChangeMembershipAsync(world.Programme, membership.Id, MembershipEditModel.Of(membership, view.Version)),
            await alliance.EndMembershipAsync(world.Programme, membership.Id, new EndMembershipEditModel { Version = view.Version, Until = new DateTime(2024, 1, 1) }),
            await alliance.AddSubAllianceAsync(world.Programme, new SubAllianceEditModel { Version = view.Version, Name = "Kansrijk opgroeien" }),
            await alliance.RecordParticipationAsync(world.Programme, new ParticipationEditModel { Version = view.Version, Level = ParticipationLevel.C, EffectiveFrom = new DateTime(2024, 1, 1), Explanation = "Netwerk." }),
        };

        Assert.All(changes, result => Assert.Equal(ResultStatus.Forbidden, result.Status));
        await using var db = App.Database.CreateContext();
        var stored = await db.Alliances.AsNoTracking().SingleAsync(row => row.ProgrammeId == world.Programme);
        Assert.Equal(view.Version, stored.Version);
    }

    private static MembershipEditModel Membership(OrganisationId organisation, AllianceRole role, DateTime from) => new()
    {
        OrganisationId = organisation.Value,
        Role = role,
        Level = role.SitsOnBoard() ? AllianceLevel.Bestuurlijk : AllianceLevel.Tactisch,
        From = from,
    };

    private async Task JoinAsync(AllianceService alliance, World world, OrganisationId organisation, AllianceRole role, DateTime from)
    {
        var result = await alliance.JoinAsync(world.Programme, await OpenedNowAsync(world.Programme, Membership(organisation, role, from)));
        Assert.True(result.IsOk, result.Message ?? string.Join(" ", result.Errors.SelectMany(error => error.Value)));
    }

    /// <summary>The form as a user opens it now: on the alliance's current row version (0 while there is none).</summary>
    private async Task<TModel> OpenedNowAsync<TModel>(ProgrammeId programme, TModel model)
        where TModel : IAllianceEdit
    {
        await using var db = App.Database.CreateContext();
        model.Version = await db.Alliances.AsNoTracking().Where(row => row.ProgrammeId == programme).Select(row => row.Version).SingleOrDefaultAsync();
        return model;
    }

    private async Task<World> ArrangeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var programme = Programme.Create(new ProgrammeDetails("Alliantie", "Vlaardingen", ["WK062203"], UrgencyKind.Meervoudig, new DateOnly(2019, 9, 1), 20, null), now);
        var municipality = Organisation.Create($"Gemeente {Guid.NewGuid():N}", OrganisationType.Gemeente, now);
        var corporation = Organisation.Create($"Corporatie {Guid.NewGuid():N}", OrganisationType.Woningcorporatie, now);
        var police = Organisation.Create($"Politie {Guid.NewGuid():N}", OrganisationType.Politie, now);
        await using (var db = App.Database.CreateContext())
        {
            db.AddRange(programme, municipality, corporation, police);
            await db.SaveChangesAsync();
        }

        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme.Id);
        return new World(programme.Id, staff, municipality.Id, corporation.Id, police.Id);
    }

    private sealed record World(ProgrammeId Programme, CurrentUser Staff, OrganisationId Municipality, OrganisationId Corporation, OrganisationId Police);
}
