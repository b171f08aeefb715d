namespace Wijkaanpak.Web.Shared.Security;

/// <summary>Where services learn who is acting; in the app the signed-in user, in tests whoever the test says.</summary>
public interface ICurrentUserProvider
{
    Task<CurrentUser> GetAsync();
}
