using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Shared.Security;

/// <summary>
/// The server-side check in front of every service operation: the role matrix of
/// <see cref="AccessPolicy"/> plus membership of the programme concerned. Refusals are logged.
/// </summary>
public sealed class AccessGuard(ICurrentUserProvider currentUser, IDbContextFactory<WijkaanpakDbContext> dbFactory, ILogger<AccessGuard> logger)
{
    public Task<CurrentUser> CurrentUserAsync() => currentUser.GetAsync();

    /// <summary>Null when allowed; otherwise the Forbidden result to return.</summary>
    public async Task<Result?> DenyAsync(Capability capability, ProgrammeId? programme = null, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (await PermitsAsync(user, capability, programme, cancellationToken))
        {
            return null;
        }

        logger.LogWarning(
            "Geweigerd: {UserId} ({Roles}) mag {Capability} niet op programma {ProgrammeId}",
            user.UserId?.ToString() ?? "anoniem",
            string.Join(",", user.Roles),
            capability,
            programme?.ToString() ?? "-");
        return Result.Forbidden();
    }

    /// <summary>
    /// Null when the user's role has the capability at all; otherwise the Forbidden result to return.
    /// For operations across the user's own programmes, which then filter on membership themselves.
    /// </summary>
    public async Task<Result?> DenyRoleAsync(Capability capability)
    {
        var user = await currentUser.GetAsync();
        if (user.IsAuthenticated && AccessPolicy.Allows(user.Roles, capability))
        {
            return null;
        }

        logger.LogWarning(
            "Geweigerd: {UserId} ({Roles}) mag {Capability} niet",
            user.UserId?.ToString() ?? "anoniem",
            string.Join(",", user.Roles),
            capability);
        return Result.Forbidden();
    }

    public async Task<bool> PermitsAsync(CurrentUser user, Capability capability, ProgrammeId? programme, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsAuthenticated || !AccessPolicy.Allows(user.Roles, capability))
        {
            return false;
        }

        if (!AccessPolicy.NeedsMembership(user.Roles, capability))
        {
            return true;
        }

        if (programme is null)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProgrammeMembers.AnyAsync(member => member.ProgrammeId == programme.Value && member.UserId == user.UserId, cancellationToken);
    }

    /// <summary>The programmes a user may see: all for a Beheerder, else those they are a member of.</summary>
    public static IQueryable<ProgrammeId> VisibleProgrammes(WijkaanpakDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsAuthenticated || !AccessPolicy.Allows(user.Roles, Capability.ViewProgramme))
        {
            return db.Programmes.Where(_ => false).Select(programme => programme.Id);
        }

        return AccessPolicy.NeedsMembership(user.Roles, Capability.ViewProgramme)
            ? db.ProgrammeMembers.Where(member => member.UserId == user.UserId).Select(member => member.ProgrammeId)
            : db.Programmes.Select(programme => programme.Id);
    }
}
