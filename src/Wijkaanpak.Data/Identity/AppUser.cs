using Microsoft.AspNetCore.Identity;

namespace Wijkaanpak.Data.Identity;

/// <summary>
/// A person who signs in. Deactivated users cannot sign in, but stay in the database so that their
/// past work keeps their name.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 150;

    public string DisplayName { get; set; } = string.Empty;

    public bool IsActive { get; set; } = true;

    /// <summary>The one organisation this user signs for, if any.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>Set when an administrator chose the password; the user picks their own at next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
