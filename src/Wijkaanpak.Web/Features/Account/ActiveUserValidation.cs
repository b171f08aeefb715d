using Microsoft.AspNetCore.Identity;
using Wijkaanpak.Data.Identity;

namespace Wijkaanpak.Web.Features.Account;

/// <summary>
/// A deactivated user may not sign in, and an open session ends at the next security-stamp check
/// (deactivation renews the stamp). Identity asks this before every sign-in.
/// </summary>
internal sealed class ActiveUserConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user.IsActive);
}
