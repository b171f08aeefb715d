using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Inventories;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Alliance;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Integration.Tests.Alliances;

/// <summary>The policy and stakeholder inventories through their service, against PostgreSQL.</summary>
public sealed class InventoryServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    private AppFixture App => fixture.App;

    [Fact]
    public async Task AStakeholder_NamingARegisteredOrganisation_IsListedWithThatName_AndAStaleChangeShowsTheDifference()
    {
        var (programme, organisation) = await ArrangeAsync();
        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        var colleague = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        await using var mine = App.ScopeFor(staff);
        await using var theirs = App.ScopeFor(colleague);
        var inventories = App.ServiceFor<InventoryService>(mine);

        Assert.True((await inventories.AddStakeholderAsync(programme, new StakeholderEditModel
        {
            Kind = StakeholderKind.Organisatie,
            Name = "De corporatie",
            OrganisationId = organisation.Id.Value,
            Interest = "Leefbaarheid rond de flats.",
            Contact = "wijkbeheer@corporatie.example",
        })).IsOk);
        var listed = Assert.Single((await inventories.GetAsync(programme)).Value!.Stakeholders);
        Assert.Equal(organisation.Name, listed.OrganisationName);

        var opened = StakeholderEditModel.From(listed);
        var colleaguesEdit = StakeholderEditModel.From(listed);
        colleaguesEdit.Contact = "06 12345678";
        Assert.True((await App.ServiceFor<InventoryService>(theirs).ChangeStakeholderAsync(programme, listed.Id, colleaguesEdit)).IsOk);
        opened.Interest = "Leefbaarheid en schuldhulp.";
        var stale = await inventories.ChangeStakeholderAsync(programme, listed.Id, opened);

        Assert.Equal(ResultStatus.Conflict, stale.Status);
        var difference = Assert.Single(stale.Differences, difference => difference.Field == nameof(StakeholderEditModel.Contact));
        Assert.Equal("06 12345678", difference.Stored);
        Assert.Contains(stale.Differences, difference => difference.Field == nameof(StakeholderEditModel.Interest));
        Assert.Equal("Leefbaarheid rond de flats.", Assert.Single((await inventories.GetAsync(programme)).Value!.Stakeholders).Interest);
    }

    [Fact]
    public async Task APolicyLine_EndingBeforeItStarts_IsRefusedOnTheEndYear_AndACorrectOneIsListed()
    {
        var (programme, _) = await ArrangeAsync();
        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme);
        await using var scope = App.ScopeFor(staff);
        var inventories = App.ServiceFor<InventoryService>(scope);
        var line = new PolicyLineEditModel
        {
            Title = "Nationaal Programma Leefbaarheid en Veiligheid",
            Kind = PolicyKind.GebiedsgerichtBeleid,
            Scale = PolicyScale.Nationaal,
            FromYear = 2022,
            UntilYear = 2020,
            Owner = "Ministerie van VRO",
        };

        var backwards = await inventories.AddPolicyLineAsync(programme, line);
        Assert.Equal(ResultStatus.Invalid, backwards.Status);
        Assert.Contains(nameof(PolicyLineEditModel.UntilYear), backwards.Errors.Keys);
        await using (var db = App.Database.CreateContext())
        {
            Assert.False(await db.PolicyLines.AnyAsync(row => row.ProgrammeId == programme));
        }

        line.UntilYear = null;
        Assert.True((await inventories.AddPolicyLineAsync(programme, line)).IsOk);
        var listed = Assert.Single((await inventories.GetAsync(programme)).Value!.PolicyLines);
        Assert.Equal((2022, (int?)null), (listed.FromYear, listed.UntilYear));
    }

    [Theory]
    [InlineData(Role.Alliantiepartner)]
    [InlineData(Role.Raadslid)]
    public async Task PartnersAndCouncillors_ReadTheInventories_ButMayNotAdd(Role role)
    {
        var (programme, organisation) = await ArrangeAsync();
        var reader = await App.CreateUserAsync(role, role == Role.Alliantiepartner ? organisation.Id.Value : null, programme);
        await using var scope = App.ScopeFor(reader);
        var inventories = App.ServiceFor<InventoryService>(scope);

        Assert.False((await inventories.GetAsync(programme)).Value!.CanEdit);
        var added = await inventories.AddStakeholderAsync(programme, new StakeholderEditModel { Kind = StakeholderKind.Sleutelpersoon, Name = "Buurtvader" });

        Assert.Equal(ResultStatus.Forbidden, added.Status);
        await using var db = App.Database.CreateContext();
        Assert.False(await db.Stakeholders.AnyAsync(row => row.ProgrammeId == programme));
    }

    private async Task<(ProgrammeId Programme, Organisation Organisation)> ArrangeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var programme = Programme.Create(new ProgrammeDetails("Inventaris", "Tiel", ["WK028101"], UrgencyKind.Sluimerend, new DateOnly(2025, 1, 1), 15, null), now);
        var organisation = Organisation.Create($"Corporatie {Guid.NewGuid():N}", OrganisationType.Woningcorporatie, now);
        await using var db = App.Database.CreateContext();
        db.AddRange(programme, organisation);
        await db.SaveChangesAsync();
        return (programme.Id, organisation);
    }
}
