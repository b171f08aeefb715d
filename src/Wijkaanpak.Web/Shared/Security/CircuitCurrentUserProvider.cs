using Microsoft.AspNetCore.Components.Authorization;
using Wijkaanpak.Data.Audit;

namespace Wijkaanpak.Web.Shared.Security;

/// <summary>
/// The signed-in user of this circuit or request. It is also the audit actor: services resolve the
/// user (to check access) before they save, so the audit trail sees the same person.
/// </summary>
public sealed class CircuitCurrentUserProvider(AuthenticationStateProvider authentication) : ICurrentUserProvider, IAuditActor
{
    private CurrentUser? _lastKnown;
    private bool _adopted;

    public async ValueTask<AuditIdentity> IdentifyAsync()
    {
        if (!_adopted)
        {
            try
            {
                await GetAsync();
            }
            catch (InvalidOperationException)
            {
                // No request or circuit behind this scope: nobody is signed in.
            }
        }

        return new AuditIdentity(_lastKnown?.UserId, _lastKnown?.DisplayName ?? "Onbekend");
    }

    /// <summary>
    /// For a service scope of its own (UserManager work): it has no circuit, so it acts as the user
    /// who started the operation, for both access and audit.
    /// </summary>
    public void Adopt(CurrentUser user)
    {
        _lastKnown = user;
        _adopted = true;
    }

    public async Task<CurrentUser> GetAsync()
    {
        if (_adopted && _lastKnown is { } adopted)
        {
            return adopted;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        _lastKnown = CurrentUser.From(state.User);
        return _lastKnown;
    }
}
