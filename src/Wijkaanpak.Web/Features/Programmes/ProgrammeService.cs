using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Web.Features.Programmes;

/// <summary>The use cases of the programme feature; one DbContext per operation.</summary>
public sealed class ProgrammeService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<ProgrammeEditModel> validator,
    TimeProvider clock,
    ILogger<ProgrammeService> logger)
{
    public async Task<IReadOnlyList<ProgrammeListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Programmes.AsNoTracking()
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
                programme.Cycle))
            .SingleOrDefaultAsync(cancellationToken);
        return overview is null ? NotFound().As<ProgrammeOverview>() : overview;
    }

    public async Task<Result<ProgrammeEditModel>> GetForEditAsync(ProgrammeId id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(programme => programme.Id == id, cancellationToken);
        return programme is null ? NotFound().As<ProgrammeEditModel>() : ProgrammeEditModel.From(programme);
    }

    public async Task<Result<ProgrammeId>> CreateAsync(ProgrammeEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors).As<ProgrammeId>();
        }

        try
        {
            var programme = Programme.Create(model.ToDetails(), clock.GetUtcNow());
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Programmes.Add(programme);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Programma {ProgrammeId} '{Name}' aangemaakt", programme.Id, programme.Name);
            return programme.Id;
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message).As<ProgrammeId>();
        }
    }

    public async Task<Result<uint>> UpdateAsync(ProgrammeId id, ProgrammeEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors).As<uint>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.SingleOrDefaultAsync(programme => programme.Id == id, cancellationToken);
        if (programme is null)
        {
            return NotFound().As<uint>();
        }

        try
        {
            // The edit started from model.Version: saving against any later version is a conflict.
            db.Entry(programme).Property(programme => programme.Version).OriginalValue = model.Version;
            programme.UpdateDetails(model.ToDetails(), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return programme.Version;
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message).As<uint>();
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Gelijktijdige wijziging van programma {ProgrammeId} geweigerd", id);
            return Result.Conflict(
                "Iemand anders heeft dit programma gewijzigd nadat u het opende. Uw invoer staat nog in het formulier; " +
                "laad de nieuwste gegevens en breng uw wijzigingen opnieuw aan.").As<uint>();
        }
    }

    private static Result NotFound() => Result.NotFound("Dit programma bestaat niet (meer).");
}
