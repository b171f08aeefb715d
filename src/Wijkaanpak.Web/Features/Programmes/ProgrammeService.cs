using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Data.Access;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Programmes;

/// <summary>The use cases of the programme feature; one DbContext per operation, access checked on each.</summary>
public sealed class ProgrammeService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<ProgrammeEditModel> validator,
    AccessGuard access,
    TimeProvider clock,
    ILogger<ProgrammeService> logger)
{
    // Rules of the model about the start date: their message is shown next to that field.
    private static readonly HashSet<string> StartDateRules = [DateRules.ProgrammeStartWithinWindow, DateRules.ProgrammeStartNotAfterPhaseMoves];

    /// <summary>The programmes the current user may see, by name.</summary>
    public async Task<IReadOnlyList<ProgrammeListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = AccessGuard.VisibleProgrammes(db, user);
        var rows = await db.Programmes.AsNoTracking()
            .Where(programme => visible.Contains(programme.Id))
            .OrderBy(programme => programme.Name)
            .Select(programme => new
            {
                programme.Id,
                programme.Name,
                programme.Municipality,
                AreaCodes = EF.Property<List<string>>(programme, "_areaCodes"),
                programme.CurrentPhase,
                programme.Cycle,
                programme.Urgency,
                programme.StartDate,
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(row => new ProgrammeListItem(row.Id, row.Name, row.Municipality, row.AreaCodes, row.CurrentPhase, row.Cycle, row.Urgency, row.StartDate))
            .ToList();
    }

    public async Task<Result<ProgrammeOverview>> GetOverviewAsync(ProgrammeId id, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, id, cancellationToken) is { } denied)
        {
            return denied.As<ProgrammeOverview>();
        }

        var user = await access.CurrentUserAsync();
        var canEdit = await access.PermitsAsync(user, Capability.EditProgramme, id, cancellationToken);
        var canViewHistory = await access.PermitsAsync(user, Capability.ViewHistory, id, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var overview = await db.Programmes.AsNoTracking()
            .Where(programme => programme.Id == id)
            .Select(programme => new ProgrammeOverview(
                programme.Id,
                programme.Name,
                programme.Municipality,
                EF.Property<List<string>>(programme, "_areaCodes"),
                programme.Urgency,
                programme.StartDate,
                programme.HorizonYears,
                programme.Description,
                programme.CurrentPhase,
                programme.Cycle,
                programme.Status,
                programme.GoNoGo)
            {
                CanEdit = canEdit,
                CanViewHistory = canViewHistory,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (overview is null)
        {
            return Result.ProgrammeNotFound().As<ProgrammeOverview>();
        }

        var today = clock.TodayInNetherlands();
        var alliance = await db.Alliances.AsNoTracking().SingleOrDefaultAsync(alliance => alliance.ProgrammeId == id, cancellationToken);
        var contract = await db.LocalContracts.AsNoTracking().SingleOrDefaultAsync(contract => contract.ProgrammeId == id, cancellationToken);
        return overview with
        {
            Alliance = alliance is null ? null : AllianceSummary.Of(alliance, today),
            Contract = contract is null ? null : ContractSummary.Of(contract, today),
        };
    }

    public async Task<Result<ProgrammeEditModel>> GetForEditAsync(ProgrammeId id, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.EditProgramme, id, cancellationToken) is { } denied)
        {
            return denied.As<ProgrammeEditModel>();
        }

        var model = await LoadEditModelAsync(id, cancellationToken);
        return model is null ? Result.ProgrammeNotFound().As<ProgrammeEditModel>() : model;
    }

    /// <summary>Creates a programme; its creator becomes a member, so they can go on working on it.</summary>
    public async Task<Result<ProgrammeId>> CreateAsync(ProgrammeEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.CreateProgramme, cancellationToken: cancellationToken) is { } denied)
        {
            return denied.As<ProgrammeId>();
        }

        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors).As<ProgrammeId>();
        }

        try
        {
            var user = await access.CurrentUserAsync();
            var now = clock.GetUtcNow();
            var programme = Programme.Create(model.ToDetails(), now);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Programmes.Add(programme);
            db.ProgrammeMembers.Add(new ProgrammeMember(programme.Id, user.UserId!.Value, now));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Programma {ProgrammeId} '{Name}' aangemaakt door {UserId}", programme.Id, programme.Name, user.UserId);
            return programme.Id;
        }
        catch (DomainRuleException broken) when (StartDateRules.Contains(broken.Rule))
        {
            return Result.Invalid(new Dictionary<string, string[]> { [nameof(ProgrammeEditModel.StartDate)] = [broken.Message] }).As<ProgrammeId>();
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message).As<ProgrammeId>();
        }
    }

    public async Task<Result<uint>> UpdateAsync(ProgrammeId id, ProgrammeEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, id, cancellationToken) is { } denied)
        {
            return denied.As<uint>();
        }

        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors).As<uint>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.SingleOrDefaultAsync(programme => programme.Id == id, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound().As<uint>();
        }

        try
        {
            // The edit started from model.Version: saving against any later version is a conflict.
            db.Entry(programme).Property(programme => programme.Version).OriginalValue = model.Version;
            programme.UpdateDetails(model.ToDetails(), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return programme.Version;
        }
        catch (DomainRuleException broken) when (StartDateRules.Contains(broken.Rule))
        {
            return Result.Invalid(new Dictionary<string, string[]> { [nameof(ProgrammeEditModel.StartDate)] = [broken.Message] }).As<uint>();
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message).As<uint>();
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Gelijktijdige wijziging van programma {ProgrammeId} geweigerd", id);
            var stored = await LoadEditModelAsync(id, cancellationToken);
            return Result.Conflict(
                "Iemand anders heeft dit programma gewijzigd nadat u het opende. Uw invoer staat nog in het formulier. " +
                "Hieronder ziet u wat er intussen is opgeslagen; laad de nieuwste gegevens en breng uw wijzigingen opnieuw aan.",
                stored is null ? [] : EditConflicts.Between(stored, model, ProgrammeEditModel.Labels)).As<uint>();
        }
    }

    private async Task<ProgrammeEditModel?> LoadEditModelAsync(ProgrammeId id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(programme => programme.Id == id, cancellationToken);
        return programme is null ? null : ProgrammeEditModel.From(programme);
    }

}
