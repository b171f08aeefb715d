using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Inventories;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Alliance;

/// <summary>
/// The inventories that tell who and what is already in the area before an alliance forms: policy
/// lines (§4.3) and stakeholders (§4.5). Each entry is its own row with its own version.
/// </summary>
public sealed class InventoryService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<StakeholderEditModel> stakeholderValidator,
    IValidator<PolicyLineEditModel> policyValidator,
    AccessGuard access,
    ILogger<InventoryService> logger)
{
    private const string GoneMessage = "Deze regel bestaat niet (meer) in de inventarisatie van dit programma.";

    private static readonly Dictionary<string, string> StakeholderRuleFields = new()
    {
        ["StakeholderKindKnown"] = nameof(StakeholderEditModel.Kind),
        ["StakeholderNameRequired"] = nameof(StakeholderEditModel.Name),
        ["StakeholderInterestTooLong"] = nameof(StakeholderEditModel.Interest),
        ["StakeholderContactTooLong"] = nameof(StakeholderEditModel.Contact),
        ["OrganisationMustExist"] = nameof(StakeholderEditModel.OrganisationId),
    };

    private static readonly Dictionary<string, string> PolicyRuleFields = new()
    {
        ["PolicyTitleRequired"] = nameof(PolicyLineEditModel.Title),
        ["PolicyEndsAfterStart"] = nameof(PolicyLineEditModel.UntilYear),
        ["PolicyYearsPlausible"] = nameof(PolicyLineEditModel.FromYear),
        ["PolicyOwnerTooLong"] = nameof(PolicyLineEditModel.Owner),
        ["PolicyOutcomeTooLong"] = nameof(PolicyLineEditModel.OutcomeSoFar),
    };

    public async Task<Result<InventoryView>> GetAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<InventoryView>();
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmeName = await db.Programmes.AsNoTracking().Where(programme => programme.Id == programmeId)
            .Select(programme => programme.Name).SingleOrDefaultAsync(cancellationToken);
        if (programmeName is null)
        {
            return Result.ProgrammeNotFound().As<InventoryView>();
        }

        var organisations = await db.Organisations.AsNoTracking()
            .OrderBy(organisation => organisation.Name)
            .Select(organisation => new OrganisationChoice(organisation.Id.Value, organisation.Name, organisation.Type))
            .ToListAsync(cancellationToken);
        var names = organisations.ToDictionary(organisation => organisation.Id, organisation => organisation.Name);
        var stakeholders = await db.Stakeholders.AsNoTracking()
            .Where(stakeholder => stakeholder.ProgrammeId == programmeId)
            .OrderBy(stakeholder => stakeholder.Kind).ThenBy(stakeholder => stakeholder.Name)
            .ToListAsync(cancellationToken);
        var policyLines = await db.PolicyLines.AsNoTracking()
            .Where(line => line.ProgrammeId == programmeId)
            .OrderByDescending(line => line.UntilYear == null).ThenByDescending(line => line.FromYear).ThenBy(line => line.Title)
            .Select(line => new PolicyLineView(line.Id, line.Title, line.Kind, line.Scale, line.FromYear, line.UntilYear, line.Owner, line.OutcomeSoFar, line.Version))
            .ToListAsync(cancellationToken);
        return new InventoryView(
            programmeId,
            programmeName,
            stakeholders.Select(stakeholder => View(stakeholder, names)).ToList(),
            policyLines,
            organisations,
            await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken));
    }

    public Task<Result> AddStakeholderAsync(ProgrammeId programmeId, StakeholderEditModel model, CancellationToken cancellationToken = default) =>
        SaveAsync(programmeId, model, stakeholderValidator, StakeholderRuleFields, async db =>
        {
            await EnsureRegisteredAsync(db, model.OrganisationId, cancellationToken);
            db.Stakeholders.Add(Stakeholder.Add(programmeId, model.ToDetails()));
        }, conflict: null, cancellationToken);

    public Task<Result> ChangeStakeholderAsync(ProgrammeId programmeId, Guid stakeholderId, StakeholderEditModel model, CancellationToken cancellationToken = default) =>
        SaveAsync(programmeId, model, stakeholderValidator, StakeholderRuleFields, async db =>
        {
            var stakeholder = await db.Stakeholders.SingleOrDefaultAsync(row => row.Id == stakeholderId && row.ProgrammeId == programmeId, cancellationToken)
                ?? throw new DomainRuleException("InventoryEntryMustExist", GoneMessage);
            await EnsureRegisteredAsync(db, model.OrganisationId, cancellationToken);
            db.Entry(stakeholder).Property(row => row.Version).OriginalValue = model.Version;
            stakeholder.Change(model.ToDetails());
        }, (fresh, token) => StakeholderDifferencesAsync(fresh, stakeholderId, model, token), cancellationToken);

    public Task<Result> AddPolicyLineAsync(ProgrammeId programmeId, PolicyLineEditModel model, CancellationToken cancellationToken = default) =>
        SaveAsync(programmeId, model, policyValidator, PolicyRuleFields, db =>
        {
            db.PolicyLines.Add(PolicyLine.Add(programmeId, model.ToDetails()));
            return Task.CompletedTask;
        }, conflict: null, cancellationToken);

    public Task<Result> ChangePolicyLineAsync(ProgrammeId programmeId, Guid policyLineId, PolicyLineEditModel model, CancellationToken cancellationToken = default) =>
        SaveAsync(programmeId, model, policyValidator, PolicyRuleFields, async db =>
        {
            var line = await db.PolicyLines.SingleOrDefaultAsync(row => row.Id == policyLineId && row.ProgrammeId == programmeId, cancellationToken)
                ?? throw new DomainRuleException("InventoryEntryMustExist", GoneMessage);
            db.Entry(line).Property(row => row.Version).OriginalValue = model.Version;
            line.Change(model.ToDetails());
        }, (fresh, token) => PolicyLineDifferencesAsync(fresh, policyLineId, model, token), cancellationToken);

    /// <summary>Access, validation, one context, the change, and the failures turned into results.</summary>
    private async Task<Result> SaveAsync<TModel>(
        ProgrammeId programmeId,
        TModel model,
        IValidator<TModel> validator,
        IReadOnlyDictionary<string, string> ruleFields,
        Func<WijkaanpakDbContext, Task> change,
        Func<WijkaanpakDbContext, CancellationToken, Task<IReadOnlyList<FieldDifference>>>? conflict,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Programmes.AnyAsync(programme => programme.Id == programmeId, cancellationToken))
        {
            return Result.ProgrammeNotFound();
        }

        try
        {
            await change(db);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DomainRuleException broken) when (ruleFields.TryGetValue(broken.Rule, out var field))
        {
            return Result.Invalid(new Dictionary<string, string[]> { [field] = [broken.Message] });
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Gelijktijdige wijziging in de inventarisatie van programma {ProgrammeId} geweigerd", programmeId);
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return Result.Conflict(
                "Iemand anders heeft deze regel gewijzigd nadat u hem opende. Uw invoer staat nog in het formulier; hieronder ziet u wat er intussen is opgeslagen.",
                conflict is null ? [] : await conflict(fresh, cancellationToken));
        }
    }

    private static async Task EnsureRegisteredAsync(WijkaanpakDbContext db, Guid? organisationId, CancellationToken cancellationToken)
    {
        if (organisationId is { } id && !await db.Organisations.AnyAsync(organisation => organisation.Id == new OrganisationId(id), cancellationToken))
        {
            throw new DomainRuleException("OrganisationMustExist", "Deze organisatie staat niet (meer) in het register.");
        }
    }

    private static StakeholderView View(Stakeholder stakeholder, Dictionary<Guid, string> organisationNames) => new(
        stakeholder.Id,
        stakeholder.Kind,
        stakeholder.Name,
        stakeholder.OrganisationId?.Value,
        stakeholder.OrganisationId is { } id ? organisationNames.GetValueOrDefault(id.Value) : null,
        stakeholder.Interest,
        stakeholder.Contact,
        stakeholder.Version);

    /// <summary>What the other person saved for this stakeholder, next to this user's input.</summary>
    private static async Task<IReadOnlyList<FieldDifference>> StakeholderDifferencesAsync(WijkaanpakDbContext db, Guid id, StakeholderEditModel yours, CancellationToken cancellationToken)
    {
        var stored = await db.Stakeholders.AsNoTracking().SingleOrDefaultAsync(row => row.Id == id, cancellationToken);
        if (stored is null)
        {
            return [];
        }

        var names = await db.Organisations.AsNoTracking()
            .Where(organisation => organisation.Id == stored.OrganisationId || (yours.OrganisationId != null && organisation.Id == new OrganisationId(yours.OrganisationId.Value)))
            .ToDictionaryAsync(organisation => organisation.Id.Value, organisation => organisation.Name, cancellationToken);
        yours.OrganisationName = yours.OrganisationId is { } chosen ? names.GetValueOrDefault(chosen) : null;
        return EditConflicts.Between(StakeholderEditModel.From(View(stored, names)), yours, StakeholderEditModel.Labels);
    }

    private static async Task<IReadOnlyList<FieldDifference>> PolicyLineDifferencesAsync(WijkaanpakDbContext db, Guid id, PolicyLineEditModel yours, CancellationToken cancellationToken)
    {
        var stored = await db.PolicyLines.AsNoTracking()
            .Where(line => line.Id == id)
            .Select(line => new PolicyLineView(line.Id, line.Title, line.Kind, line.Scale, line.FromYear, line.UntilYear, line.Owner, line.OutcomeSoFar, line.Version))
            .SingleOrDefaultAsync(cancellationToken);
        return stored is null ? [] : EditConflicts.Between(PolicyLineEditModel.From(stored), yours, PolicyLineEditModel.Labels);
    }
}
