using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Wijkaanpak.Data.Identity;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Account;

/// <summary>Adds what the services need to the sign-in cookie: display name, organisation, password to change.</summary>
internal sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(CurrentUser.OrganisationClaim, organisation.ToString()));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(CurrentUser.MustChangePasswordClaim, true.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
