using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Execution;

/// <summary>
/// The financing of a programme (§5.5): budget lines per source, scheme, year and intervention, and
/// the totals derived from them. Everyone who may see the programme reads and exports; staff change.
/// </summary>
public sealed class FinancingService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<BudgetLineEditModel> lineValidator,
    AccessGuard access,
    ILogger<FinancingService> logger)
{
    private const string ConflictMessage =
        "Iemand anders heeft deze begrotingsregel intussen gewijzigd. Uw invoer staat nog in het formulier: laad de nieuwste stand, controleer uw wijziging en sla opnieuw op.";

    private static readonly Dictionary<string, string> LineRuleFields = new()
    {
        ["FundingSourceKnown"] = nameof(BudgetLineEditModel.Source),
        ["RijkNamesItsScheme"] = nameof(BudgetLineEditModel.Scheme),
        ["SchemeOnlyForRijk"] = nameof(BudgetLineEditModel.Scheme),
        ["BudgetYearPlausible"] = nameof(BudgetLineEditModel.Year),
        ["BudgetAmountPlausible"] = nameof(BudgetLineEditModel.Committed),
        ["BudgetDescriptionTooLong"] = nameof(BudgetLineEditModel.Description),
        ["InterventionOfTheProgramme"] = nameof(BudgetLineEditModel.InterventionId),
        ["OrganisationMustExist"] = nameof(BudgetLineEditModel.FunderId),
    };

    public async Task<Result<FinancingView>> GetAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<FinancingView>();
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmeName = await db.Programmes.AsNoTracking().Where(programme => programme.Id == programmeId)
            .Select(programme => programme.Name).SingleOrDefaultAsync(cancellationToken);
        if (programmeName is null)
        {
            return Result.ProgrammeNotFound().As<FinancingView>();
        }

        var names = await ExecutionNames.LoadAsync(db, programmeId, cancellationToken);
        var interventions = await db.Interventions.AsNoTracking().Where(intervention => intervention.ProgrammeId == programmeId)
            .OrderBy(intervention => intervention.Title)
            .Select(intervention => new { intervention.Id, intervention.Title, intervention.Budget, intervention.AmbitionIds })
            .ToListAsync(cancellationToken);
        var lines = await db.BudgetLines.AsNoTracking().Where(line => line.ProgrammeId == programmeId)
            .OrderBy(line => line.Year).ThenBy(line => line.Source).ToListAsync(cancellationToken);
        var titles = interventions.ToDictionary(intervention => intervention.Id, intervention => intervention.Title);
        var perAmbition = BudgetTotals.PerAmbition(lines, interventions.ToDictionary(intervention => intervention.Id, intervention => (IReadOnlyList<Guid>)intervention.AmbitionIds.ToList()));
        var uncovered = BudgetTotals.Uncovered(lines, interventions.ToDictionary(intervention => intervention.Id, intervention => intervention.Budget));
        var committed = lines.Where(line => line.InterventionId is not null).GroupBy(line => line.InterventionId!.Value)
            .ToDictionary(group => group.Key, group => group.Sum(line => line.Committed));
        var canEdit = await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken);
        return new FinancingView(
            programmeId,
            programmeName,
            lines.Select(line => View(line, names, titles)).ToList(),
            BudgetTotals.PerSource(lines),
            BudgetTotals.PerYear(lines),
            names.Ambitions.Where(ambition => perAmbition.ContainsKey(ambition.Id))
                .Select(ambition => new AmbitionTotalView(ambition.Id, ambition.Name, perAmbition[ambition.Id])).ToList(),
            interventions.Where(intervention => uncovered.ContainsKey(intervention.Id))
                .Select(intervention => new UncoveredView(intervention.Id, intervention.Title, intervention.Budget, committed.GetValueOrDefault(intervention.Id), uncovered[intervention.Id]))
                .OrderByDescending(item => item.Gap).ToList(),
            interventions.Select(intervention => new NamedRef(intervention.Id, intervention.Title)).ToList(),
            names.Organisations,
            canEdit);
    }

    public async Task<Result> AddLineAsync(ProgrammeId programmeId, BudgetLineEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await lineValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Programmes.AnyAsync(programme => programme.Id == programmeId, cancellationToken))
        {
            return Result.ProgrammeNotFound();
        }

        return await SaveAsync(db, async () =>
        {
            await EnsureReferencesAsync(db, programmeId, model, cancellationToken);
            db.BudgetLines.Add(BudgetLine.Add(programmeId, model.ToDetails()));
        }, cancellationToken);
    }

    public async Task<Result> ChangeLineAsync(ProgrammeId programmeId, Guid lineId, BudgetLineEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await lineValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var line = await db.BudgetLines.SingleOrDefaultAsync(line => line.Id == lineId && line.ProgrammeId == programmeId, cancellationToken);
        if (line is null)
        {
            return Result.NotFound("Deze begrotingsregel bestaat niet (meer).");
        }

        db.Entry(line).Property(line => line.Version).OriginalValue = model.Version;
        return await SaveAsync(db, async () =>
        {
            await EnsureReferencesAsync(db, programmeId, model, cancellationToken);
            line.Change(model.ToDetails());
        }, cancellationToken);
    }

    /// <summary>The budget lines as a spreadsheet or a semicolon CSV for Dutch Excel.</summary>
    public async Task<Result<ExportFile>> ExportLinesAsync(ProgrammeId programmeId, ExportFormat format, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(programmeId, cancellationToken);
        return view.IsOk
            ? ExportTables.Write(ExportTables.BudgetLines(view.Value!.Lines), format, $"Financiering-{ExportTables.FileNamePart(view.Value.ProgrammeName)}")
            : view.As<ExportFile>();
    }

    private static BudgetLineView View(BudgetLine line, ExecutionNames names, Dictionary<Guid, string> titles) => new(
        line.Id,
        line.Source,
        line.Scheme,
        line.FunderId?.Value,
        line.FunderId is { } funder ? names.Organisation(funder.Value).Name : null,
        line.Description,
        line.IsAdditional,
        line.Year,
        line.Committed,
        line.Spent,
        line.InterventionId,
        line.InterventionId is { } intervention ? titles.GetValueOrDefault(intervention, "Onbekende interventie") : null,
        line.Version);

    private static async Task EnsureReferencesAsync(WijkaanpakDbContext db, ProgrammeId programmeId, BudgetLineEditModel model, CancellationToken cancellationToken)
    {
        if (model.InterventionId is { } intervention
            && !await db.Interventions.AnyAsync(candidate => candidate.Id == intervention && candidate.ProgrammeId == programmeId, cancellationToken))
        {
            throw new DomainRuleException("InterventionOfTheProgramme", "Kies een interventie van dit programma.");
        }

        if (model.FunderId is { } funder && !await db.Organisations.AnyAsync(organisation => organisation.Id == new OrganisationId(funder), cancellationToken))
        {
            throw new DomainRuleException("OrganisationMustExist", "Deze organisatie staat niet (meer) in het register.");
        }
    }

    private async Task<Result> SaveAsync(WijkaanpakDbContext db, Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DomainRuleException broken) when (LineRuleFields.TryGetValue(broken.Rule, out var field))
        {
            return Result.Invalid(new Dictionary<string, string[]> { [field] = [broken.Message] });
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Gelijktijdige wijziging van een begrotingsregel geweigerd");
            return Result.Conflict(ConflictMessage);
        }
    }
}
