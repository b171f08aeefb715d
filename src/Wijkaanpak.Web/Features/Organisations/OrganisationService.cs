using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Organisations;

/// <summary>The register of organisations (Beheerder); the alliance of a programme draws on it.</summary>
public sealed class OrganisationService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<OrganisationEditModel> validator,
    AccessGuard access,
    TimeProvider clock)
{
    private const string DuplicateName = "Er is al een organisatie met deze naam.";

    /// <summary>Every signed-in user may see the register: organisations are named throughout the app.</summary>
    public async Task<IReadOnlyList<OrganisationListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!(await access.CurrentUserAsync()).IsAuthenticated)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var userCounts = await db.Users.AsNoTracking()
            .Where(user => user.OrganisationId != null)
            .GroupBy(user => user.OrganisationId!.Value)
            .Select(group => new { OrganisationId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(group => group.OrganisationId, group => group.Count, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(organisation => organisation.Name).ToListAsync(cancellationToken);
        return organisations
            .Select(organisation => new OrganisationListItem(
                organisation.Id,
                organisation.Name,
                organisation.Type,
                userCounts.GetValueOrDefault(organisation.Id.Value),
                organisation.Version))
            .ToList();
    }

    public async Task<Result<OrganisationId>> CreateAsync(OrganisationEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.ManageOrganisations, cancellationToken: cancellationToken) is { } denied)
        {
            return denied.As<OrganisationId>();
        }

        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors).As<OrganisationId>();
        }

        try
        {
            var organisation = Organisation.Create(model.Name, model.Type!.Value, clock.GetUtcNow());
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
            return organisation.Id;
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message).As<OrganisationId>();
        }
        catch (DbUpdateException duplicate) when (duplicate.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Result.Invalid(new Dictionary<string, string[]> { [nameof(OrganisationEditModel.Name)] = [DuplicateName] }).As<OrganisationId>();
        }
    }

    public async Task<Result> UpdateAsync(OrganisationId id, OrganisationEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.ManageOrganisations, cancellationToken: cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Organisations.SingleOrDefaultAsync(organisation => organisation.Id == id, cancellationToken);
        if (organisation is null)
        {
            return Result.NotFound("Deze organisatie bestaat niet (meer).");
        }

        try
        {
            db.Entry(organisation).Property(organisation => organisation.Version).OriginalValue = model.Version;
            organisation.Rename(model.Name, model.Type!.Value);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict("Iemand anders heeft deze organisatie intussen gewijzigd. Laad de lijst opnieuw en breng uw wijziging opnieuw aan.");
        }
        catch (DbUpdateException duplicate) when (duplicate.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Result.Invalid(new Dictionary<string, string[]> { [nameof(OrganisationEditModel.Name)] = [DuplicateName] });
        }
    }
}
