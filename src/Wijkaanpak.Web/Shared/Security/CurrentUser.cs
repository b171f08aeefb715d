using System.Security.Claims;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;

namespace Wijkaanpak.Web.Shared.Security;

/// <summary>The signed-in person as the services see them: id, name, roles and the organisation they sign for.</summary>
public sealed record CurrentUser(Guid? UserId, string DisplayName, IReadOnlySet<Role> Roles, Guid? OrganisationId)
{
    public const string DisplayNameClaim = "wijkaanpak:display_name";
    public const string OrganisationClaim = "wijkaanpak:organisation_id";
    public const string MustChangePasswordClaim = "wijkaanpak:must_change_password";

    public static readonly CurrentUser Anonymous = new(null, "Anoniem", new HashSet<Role>(), null);

    public bool IsAuthenticated => UserId is not null;

    public bool IsInRole(Role role) => Roles.Contains(role);

    public UserRef ToUserRef() => new(UserId ?? Guid.Empty, DisplayName);

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return Anonymous;
        }

        var roles = principal.FindAll(ClaimTypes.Role)
            .Select(claim => Enum.TryParse<Role>(claim.Value, out var role) ? role : (Role?)null)
            .OfType<Role>()
            .ToHashSet();
        var organisation = Guid.TryParse(principal.FindFirstValue(OrganisationClaim), out var organisationId) ? organisationId : (Guid?)null;
        return new CurrentUser(userId, principal.FindFirstValue(DisplayNameClaim) ?? principal.Identity.Name ?? "Onbekend", roles, organisation);
    }
}
