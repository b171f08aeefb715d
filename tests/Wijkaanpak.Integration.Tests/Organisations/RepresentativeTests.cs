using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Organisations;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Integration.Tests.Organisations;

/// <summary>The people who represent an organisation, linked to the accounts they sign in with.</summary>
public sealed class RepresentativeTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    private AppFixture App => fixture.App;

    [Fact]
    public async Task AddRepresentative_LinkedToAnAccountOfTheOrganisation_IsListedWithThatAccount()
    {
        var (organisation, other) = await OrganisationsAsync();
        var colleague = await App.CreateUserAsync(Role.Alliantiepartner, organisation.Value);
        var outsider = await App.CreateUserAsync(Role.Alliantiepartner, other.Value);
        await using var scope = App.ScopeFor(await App.CreateUserAsync(Role.Beheerder));
        var service = App.ServiceFor<OrganisationService>(scope);
        var before = (await service.GetAsync(organisation)).Value!;
        Assert.Contains(before.Accounts, account => account.UserId == colleague.UserId);
        Assert.DoesNotContain(before.Accounts, account => account.UserId == outsider.UserId);

        var result = await service.SaveRepresentativeAsync(organisation, null, new RepresentativeEditModel
        {
            Name = "Dirk van Dam",
            Function = "Directeur-bestuurder",
            Email = "dirk@corporatie.example",
            UserId = colleague.UserId,
            OrganisationVersion = before.Version,
        });

        Assert.True(result.IsOk, result.Message);
        var representative = Assert.Single((await service.GetAsync(organisation)).Value!.Representatives);
        Assert.Equal(("Dirk van Dam", "Directeur-bestuurder", colleague.UserId), (representative.Name, representative.Function, representative.UserId));
        Assert.NotNull(representative.AccountEmail);
    }

    [Fact]
    public async Task AddRepresentative_WithAnAccountOfAnotherOrganisation_IsRefusedAtTheFieldAndStoresNothing()
    {
        var (organisation, other) = await OrganisationsAsync();
        var outsider = await App.CreateUserAsync(Role.Alliantiepartner, other.Value);
        await using var scope = App.ScopeFor(await App.CreateUserAsync(Role.Beheerder));
        var service = App.ServiceFor<OrganisationService>(scope);
        var version = (await service.GetAsync(organisation)).Value!.Version;

        var result = await service.SaveRepresentativeAsync(organisation, null, new RepresentativeEditModel { Name = "Iemand", UserId = outsider.UserId, OrganisationVersion = version });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(nameof(RepresentativeEditModel.UserId), result.Errors.Keys);
        Assert.Empty((await service.GetAsync(organisation)).Value!.Representatives);
    }

    [Theory]
    [InlineData("", null, nameof(RepresentativeEditModel.Name))]
    [InlineData("Naam", "geen-adres", nameof(RepresentativeEditModel.Email))]
    public async Task AddRepresentative_WithBadInput_NamesTheField(string name, string? email, string field)
    {
        var (organisation, _) = await OrganisationsAsync();
        await using var scope = App.ScopeFor(await App.CreateUserAsync(Role.Beheerder));
        var service = App.ServiceFor<OrganisationService>(scope);

        var result = await service.SaveRepresentativeAsync(organisation, null, new RepresentativeEditModel { Name = name, Email = email });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(field, result.Errors.Keys);
    }

    [Fact]
    public async Task SaveRepresentative_OnAStaleVersion_IsAConflictAndKeepsTheOtherChange()
    {
        var (organisation, _) = await OrganisationsAsync();
        await using var scope = App.ScopeFor(await App.CreateUserAsync(Role.Beheerder));
        var service = App.ServiceFor<OrganisationService>(scope);
        var opened = (await service.GetAsync(organisation)).Value!.Version;
        Assert.True((await service.SaveRepresentativeAsync(organisation, null, new RepresentativeEditModel { Name = "Eerste", OrganisationVersion = opened })).IsOk);

        var stale = await service.SaveRepresentativeAsync(organisation, null, new RepresentativeEditModel { Name = "Tweede", OrganisationVersion = opened });

        Assert.Equal(ResultStatus.Conflict, stale.Status);
        Assert.Equal(["Eerste"], (await service.GetAsync(organisation)).Value!.Representatives.Select(representative => representative.Name));
    }

    private async Task<(OrganisationId Organisation, OrganisationId Other)> OrganisationsAsync()
    {
        await using var db = App.Database.CreateContext();
        var organisation = Organisation.Create($"Corporatie {Guid.NewGuid():N}", OrganisationType.Woningcorporatie, DateTimeOffset.UtcNow);
        var other = Organisation.Create($"Politie {Guid.NewGuid():N}", OrganisationType.Politie, DateTimeOffset.UtcNow);
        db.AddRange(organisation, other);
        await db.SaveChangesAsync();
        Assert.True(await db.Organisations.AnyAsync(candidate => candidate.Id == organisation.Id));
        return (organisation.Id, other.Id);
    }
}
