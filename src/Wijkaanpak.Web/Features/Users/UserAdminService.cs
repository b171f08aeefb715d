using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Data.Access;
using Wijkaanpak.Data.Identity;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Users;

/// <summary>
/// User administration for the Beheerder. Each operation runs in a service scope of its own, so the
/// UserManager and its DbContext live as long as the operation and not as long as the circuit.
/// </summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopes,
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<UserEditModel> validator,
    AccessGuard access,
    TimeProvider clock,
    ILogger<UserAdminService> logger)
{
    public async Task<Result<IReadOnlyList<UserListItem>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ManageUsers, cancellationToken: cancellationToken) is { } denied)
        {
            return denied.As<IReadOnlyList<UserListItem>>();
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .OrderBy(user => user.DisplayName)
            .Select(user => new
            {
                user.Id,
                user.DisplayName,
                user.Email,
                user.OrganisationId,
                Roles = db.UserRoles.Where(link => link.UserId == user.Id).Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name).ToList(),
                ProgrammeCount = db.ProgrammeMembers.Count(member => member.UserId == user.Id),
                user.IsActive,
                user.LockoutEnd,
            })
            .ToListAsync(cancellationToken);
        var organisationNames = await db.Organisations.AsNoTracking().ToDictionaryAsync(organisation => organisation.Id.Value, organisation => organisation.Name, cancellationToken);
        IReadOnlyList<UserListItem> items = users
            .Select(user => new UserListItem(
                user.Id,
                user.DisplayName,
                user.Email ?? string.Empty,
                user.Roles.Select(name => Enum.Parse<Role>(name!)).Order().ToList(),
                user.OrganisationId is { } organisationId ? organisationNames.GetValueOrDefault(organisationId) : null,
                user.ProgrammeCount,
                user.IsActive,
                user.LockoutEnd > now))
            .ToList();
        return Result<IReadOnlyList<UserListItem>>.Ok(items);
    }

    public async Task<Result<UserEditModel>> GetForEditAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ManageUsers, cancellationToken: cancellationToken) is { } denied)
        {
            return denied.As<UserEditModel>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(user => user.Id == id, cancellationToken);
        if (user is null)
        {
            return NotFound().As<UserEditModel>();
        }

        var roles = await db.UserRoles.Where(link => link.UserId == id).Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!).ToListAsync(cancellationToken);
        var programmes = await db.ProgrammeMembers.Where(member => member.UserId == id).Select(member => member.ProgrammeId).ToListAsync(cancellationToken);
        return new UserEditModel
        {
            Email = user.Email ?? string.Empty,
            DisplayName = user.DisplayName,
            Roles = roles.Select(Enum.Parse<Role>).ToHashSet(),
            OrganisationId = user.OrganisationId,
            ProgrammeIds = programmes.Select(programme => programme.Value).ToHashSet(),
            ConcurrencyStamp = user.ConcurrencyStamp,
            IsActive = user.IsActive,
        };
    }

    /// <summary>What the form offers: organisations and programmes by name.</summary>
    public async Task<(IReadOnlyList<Choice> Organisations, IReadOnlyList<Choice> Programmes)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ManageUsers, cancellationToken: cancellationToken) is not null)
        {
            return ([], []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(organisation => organisation.Name)
            .Select(organisation => new Choice(organisation.Id.Value, organisation.Name)).ToListAsync(cancellationToken);
        var programmes = await db.Programmes.AsNoTracking().OrderBy(programme => programme.Name)
            .Select(programme => new Choice(programme.Id.Value, programme.Name)).ToListAsync(cancellationToken);
        return (organisations, programmes);
    }

    public async Task<Result<Guid>> CreateAsync(UserEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.ManageUsers, cancellationToken: cancellationToken) is { } denied)
        {
            return denied.As<Guid>();
        }

        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors).As<Guid>();
        }

        await using var scope = await OperationScopeAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = model.Email.Trim(),
            Email = model.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = model.DisplayName.Trim(),
            OrganisationId = model.OrganisationId,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, model.InitialPassword!);
        if (!created.Succeeded)
        {
            return IdentityFailure(created).As<Guid>();
        }

        await users.AddToRolesAsync(user, model.Roles.Select(role => role.ToString()));
        await SetProgrammesAsync(user.Id, model.ProgrammeIds, cancellationToken);
        logger.LogInformation("Gebruiker {UserId} aangemaakt met rollen {Roles}", user.Id, string.Join(",", model.Roles));
        return user.Id;
    }

    public async Task<Result> UpdateAsync(Guid id, UserEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.ManageUsers, cancellationToken: cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        await using var scope = await OperationScopeAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (user.ConcurrencyStamp != model.ConcurrencyStamp)
        {
            return Result.Conflict("Iemand anders heeft deze gebruiker intussen gewijzigd. Laad de gegevens opnieuw en breng uw wijziging opnieuw aan.");
        }

        var acting = await access.CurrentUserAsync();
        if (acting.UserId == id && !model.Roles.Contains(Role.Beheerder))
        {
            return Result.RuleBroken("U kunt uw eigen rol Beheerder niet intrekken; laat een andere beheerder dat doen.");
        }

        var rolesChanged = !(await users.GetRolesAsync(user)).ToHashSet().SetEquals(model.Roles.Select(role => role.ToString()));
        var organisationChanged = user.OrganisationId != model.OrganisationId;
        user.Email = user.UserName = model.Email.Trim();
        user.DisplayName = model.DisplayName.Trim();
        user.OrganisationId = model.OrganisationId;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return IdentityFailure(updated);
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(model.Roles.Select(role => role.ToString())));
        await users.AddToRolesAsync(user, model.Roles.Select(role => role.ToString()).Except(current));
        if (rolesChanged || organisationChanged)
        {
            // Rights changed: open sessions must pick up the new claims (or end) at the next check.
            await users.UpdateSecurityStampAsync(user);
        }

        await SetProgrammesAsync(id, model.ProgrammeIds, cancellationToken);
        return Result.Ok();
    }

    /// <summary>Deactivated users cannot sign in and their open sessions end; their name stays on their work.</summary>
    public async Task<Result> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ManageUsers, cancellationToken: cancellationToken) is { } denied)
        {
            return denied;
        }

        var acting = await access.CurrentUserAsync();
        if (!active && acting.UserId == id)
        {
            return Result.RuleBroken("U kunt uw eigen account niet deactiveren.");
        }

        await using var scope = await OperationScopeAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (!active && await users.IsInRoleAsync(user, nameof(Role.Beheerder))
            && (await users.GetUsersInRoleAsync(nameof(Role.Beheerder))).Count(other => other.IsActive) <= 1)
        {
            return Result.RuleBroken("Dit is de laatste actieve beheerder; zonder beheerder kan niemand meer gebruikers beheren.");
        }

        user.IsActive = active;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
            logger.LogInformation("Gebruiker {UserId} {State} door {ActingUserId}", id, active ? "geactiveerd" : "gedeactiveerd", acting.UserId);
        }

        return result.Succeeded ? Result.Ok() : IdentityFailure(result);
    }

    /// <summary>An administrator sets a new password; the user must choose their own at the next sign-in.</summary>
    public async Task<Result> ResetPasswordAsync(Guid id, string newPassword, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ManageUsers, cancellationToken: cancellationToken) is { } denied)
        {
            return denied;
        }

        await using var scope = await OperationScopeAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword ?? string.Empty);
        if (!reset.Succeeded)
        {
            return Result.Invalid(new Dictionary<string, string[]> { ["NewPassword"] = reset.Errors.Select(error => error.Description).ToArray() });
        }

        user.MustChangePassword = true;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateAsync(user);
        return Result.Ok();
    }

    private async Task SetProgrammesAsync(Guid userId, IEnumerable<Guid> programmeIds, CancellationToken cancellationToken)
    {
        var wanted = programmeIds.Select(id => new ProgrammeId(id)).ToHashSet();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.ProgrammeMembers.Where(member => member.UserId == userId).ToListAsync(cancellationToken);
        db.ProgrammeMembers.RemoveRange(existing.Where(member => !wanted.Contains(member.ProgrammeId)));
        var now = clock.GetUtcNow();
        var known = await db.Programmes.Where(programme => wanted.Contains(programme.Id)).Select(programme => programme.Id).ToListAsync(cancellationToken);
        db.ProgrammeMembers.AddRange(known.Where(id => existing.All(member => member.ProgrammeId != id)).Select(id => new ProgrammeMember(id, userId, now)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A scope for one operation that acts (and is audited) as the current user.</summary>
    private async Task<AsyncServiceScope> OperationScopeAsync()
    {
        var acting = await access.CurrentUserAsync();
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitCurrentUserProvider>().Adopt(acting);
        return scope;
    }

    private static Result IdentityFailure(IdentityResult result)
    {
        if (result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return Result.Conflict("Iemand anders heeft deze gebruiker intussen gewijzigd. Laad de gegevens opnieuw.");
        }

        var field = (string code) => code switch
        {
            _ when code.StartsWith("Password", StringComparison.Ordinal) => nameof(UserEditModel.InitialPassword),
            _ => nameof(UserEditModel.Email),
        };
        return Result.Invalid(result.Errors
            .GroupBy(error => field(error.Code))
            .ToDictionary(group => group.Key, group => group.Select(error => error.Description).ToArray()));
    }

    private static Result NotFound() => Result.NotFound("Deze gebruiker bestaat niet (meer).");
}
