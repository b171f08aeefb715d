using Microsoft.AspNetCore.Components.Authorization;

namespace Wijkaanpak.Web.Shared.Security;

/// <summary>
/// The services learn who acts from the authentication state, which a circuit sets; a plain HTTP
/// download (PDF, exports) has no circuit, so its endpoint hands the request's user over first.
/// </summary>
public static class RequestUser
{
    public static void AdoptRequestUser(this AuthenticationStateProvider authentication, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
        }
    }
}
