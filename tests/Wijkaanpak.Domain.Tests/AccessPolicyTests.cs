using Wijkaanpak.Domain.Access;

namespace Wijkaanpak.Domain.Tests;

public sealed class AccessPolicyTests
{
    [Theory]
    [InlineData(Role.Programmabureau, Capability.EditProgramme, true, true)]
    [InlineData(Role.Programmabureau, Capability.EditProgramme, false, false)]
    [InlineData(Role.Raadslid, Capability.ViewProgramme, true, true)]
    [InlineData(Role.Raadslid, Capability.EditProgramme, true, false)]
    [InlineData(Role.Raadslid, Capability.ViewProgramme, false, false)]
    [InlineData(Role.Alliantiepartner, Capability.SignChecklist, true, true)]
    [InlineData(Role.Programmabureau, Capability.SignChecklist, true, false)]
    [InlineData(Role.Programmabureau, Capability.AdoptReport, true, true)]
    [InlineData(Role.Programmabureau, Capability.AdoptReport, false, false)]
    [InlineData(Role.Alliantiepartner, Capability.AdoptReport, true, false)]
    [InlineData(Role.Beheerder, Capability.AdoptReport, true, false)]
    [InlineData(Role.Beheerder, Capability.ViewProgramme, false, true)]
    [InlineData(Role.Beheerder, Capability.EditProgramme, true, false)]
    [InlineData(Role.Beheerder, Capability.ManageUsers, false, true)]
    [InlineData(Role.Programmabureau, Capability.ManageUsers, true, false)]
    [InlineData(Role.Programmabureau, Capability.CreateProgramme, false, true)]
    [InlineData(Role.Beheerder, Capability.CreateProgramme, false, false)]
    public void Permits_FollowsTheRoleMatrixAndMembership(Role role, Capability capability, bool member, bool expected) =>
        Assert.Equal(expected, AccessPolicy.Permits([role], capability, member));

    [Fact]
    public void Permits_WithoutRoles_AllowsNothing() =>
        Assert.All(Enum.GetValues<Capability>(), capability => Assert.False(AccessPolicy.Permits([], capability, isMemberOfProgramme: true)));

    [Fact]
    public void Raadslid_CanChangeNothing() =>
        Assert.Equal([Capability.ViewProgramme, Capability.ViewDashboard], AccessPolicy.CapabilitiesOf(Role.Raadslid).Order());
}
