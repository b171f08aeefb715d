using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Wijkaanpak.Data.Identity;
using Wijkaanpak.Web.Shared.Faults;

namespace Wijkaanpak.Web.Features.Account;

/// <summary>
/// A circuit lives for hours: every minute it checks that the user still exists, is active and has
/// the same security stamp, so that deactivation or a password reset ends open sessions too.
/// </summary>
internal sealed class RevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    ILogger<RevalidatingAuthenticationStateProvider> logger,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        try
        {
            return await IsStillValidAsync(authenticationState);
        }
        catch (Exception failure) when (DatabaseOutage.IsCause(failure))
        {
            // The base class signs the user out when a check throws, which would throw away the page and
            // their unsaved input during a database outage. Nothing can be read or changed without the
            // database, so the sign-in stands until the next check, a minute later, can ask again.
            logger.LogWarning(failure, "Aanmelding niet opnieuw gecontroleerd: de database is niet bereikbaar");
            return true;
        }
    }

    private async Task<bool> IsStillValidAsync(AuthenticationState authenticationState)
    {
        // A scope of its own: the circuit's services must not share the UserManager's DbContext.
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await userManager.GetUserAsync(authenticationState.User);
        if (user is null || !user.IsActive)
        {
            return false;
        }

        if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await userManager.GetSecurityStampAsync(user);
    }
}
