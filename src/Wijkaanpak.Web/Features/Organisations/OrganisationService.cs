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
    IValidator<RepresentativeEditModel> representativeValidator,
    AccessGuard access,
    TimeProvider clock)
{
    private const string DuplicateName = "Er is al een organisatie met deze naam.";
    private const string RepresentativeConflict =
        "Iemand anders heeft deze organisatie of haar vertegenwoordigers intussen gewijzigd. Uw invoer staat nog in het formulier: laad de nieuwste stand en sla opnieuw op.";

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

    /// <summary>The organisation with its representatives and the accounts of its people that can be linked.</summary>
    public async Task<Result<OrganisationDetailView>> GetAsync(OrganisationId id, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ManageOrganisations, cancellationToken: cancellationToken) is { } denied)
        {
            return denied.As<OrganisationDetailView>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().Include(organisation => organisation.Representatives)
            .SingleOrDefaultAsync(organisation => organisation.Id == id, cancellationToken);
        if (organisation is null)
        {
            return Result.NotFound("Deze organisatie bestaat niet (meer).").As<OrganisationDetailView>();
        }

        var accounts = await db.Users.AsNoTracking()
            .Where(user => user.OrganisationId == id.Value)
            .OrderBy(user => user.DisplayName)
            .Select(user => new { user.Id, user.DisplayName, user.Email })
            .ToListAsync(cancellationToken);
        var emailOf = accounts.ToDictionary(account => account.Id, account => account.Email);
        return new OrganisationDetailView(
            organisation.Id,
            organisation.Name,
            organisation.Type,
            organisation.Representatives
                .OrderByDescending(representative => representative.IsActive).ThenBy(representative => representative.Name)
                .Select(representative => new RepresentativeView(
                    representative.Id,
                    representative.Name,
                    representative.Function,
                    representative.Email,
                    representative.Phone,
                    representative.UserId,
                    representative.UserId is { } userId ? emailOf.GetValueOrDefault(userId) : null,
                    representative.IsActive))
                .ToList(),
            accounts.Select(account => new AccountChoice(account.Id, $"{account.DisplayName} ({account.Email})")).ToList(),
            organisation.Version);
    }

    /// <summary>Adds a representative (null id) or changes one.</summary>
    public async Task<Result> SaveRepresentativeAsync(OrganisationId id, Guid? representativeId, RepresentativeEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.ManageOrganisations, cancellationToken: cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await representativeValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Organisations.Include(organisation => organisation.Representatives)
            .SingleOrDefaultAsync(organisation => organisation.Id == id, cancellationToken);
        if (organisation is null)
        {
            return Result.NotFound("Deze organisatie bestaat niet (meer).");
        }

        // Only someone who works for the organisation can sign for it: the account must belong to it.
        if (model.UserId is { } userId && !await db.Users.AnyAsync(user => user.Id == userId && user.OrganisationId == id.Value, cancellationToken))
        {
            return Result.Invalid(new Dictionary<string, string[]>
            {
                [nameof(RepresentativeEditModel.UserId)] = ["Kies een account van iemand van deze organisatie."],
            });
        }

        try
        {
            db.Entry(organisation).Property(organisation => organisation.Version).OriginalValue = model.OrganisationVersion;
            if (representativeId is { } existing)
            {
                organisation.ChangeRepresentative(existing, model.ToDetails(), clock.GetUtcNow());
            }
            else
            {
                organisation.AddRepresentative(model.ToDetails(), clock.GetUtcNow());
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(RepresentativeConflict);
        }
    }
}
