using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Process;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Checklists;

/// <summary>
/// The checklist templates (Beheerder): the list, and a new version of one. A version is never edited;
/// programmes keep answering the version they started on until staff move them to a newer one.
/// </summary>
public sealed class ChecklistTemplateService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<TemplateEditModel> validator,
    AccessGuard access,
    TimeProvider clock,
    ILogger<ChecklistTemplateService> logger)
{
    /// <summary>The newest version of every building block's template, in the order of the process model.</summary>
    public async Task<Result<IReadOnlyList<TemplateListItem>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ManageTemplates, cancellationToken: cancellationToken) is { } denied)
        {
            return denied.As<IReadOnlyList<TemplateListItem>>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await ChecklistProgress.NewestTemplates(db)
            .Select(template => new
            {
                template.BuildingBlockCode,
                template.Title,
                template.SourceSection,
                template.VersionNumber,
                Questions = EF.Property<List<ChecklistQuestion>>(template, "_questions").Count,
                template.CreatedAt,
                CreatedBy = template.CreatedBy == null ? null : template.CreatedBy.DisplayName,
            })
            .ToListAsync(cancellationToken);
        IReadOnlyList<TemplateListItem> list = ProcessModel.BuildingBlocks
            .Join(rows, block => block.Code, row => row.BuildingBlockCode, (block, row) =>
                new TemplateListItem(block.Code, block, row.Title, row.SourceSection, row.VersionNumber, row.Questions, row.CreatedAt, row.CreatedBy))
            .ToList();
        return Result<IReadOnlyList<TemplateListItem>>.Ok(list);
    }

    /// <summary>The newest version of a block's template as the draft of the next one, with the versions so far.</summary>
    public async Task<Result<TemplateDraft>> GetDraftAsync(string buildingBlockCode, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ManageTemplates, cancellationToken: cancellationToken) is { } denied)
        {
            return denied.As<TemplateDraft>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var newest = await ChecklistProgress.NewestTemplates(db).SingleOrDefaultAsync(template => template.BuildingBlockCode == buildingBlockCode, cancellationToken);
        if (newest is null)
        {
            return NotFound(buildingBlockCode).As<TemplateDraft>();
        }

        var versions = await db.ChecklistTemplates.AsNoTracking()
            .Where(template => template.BuildingBlockCode == newest.BuildingBlockCode)
            .OrderByDescending(template => template.VersionNumber)
            .Select(template => new TemplateVersionItem(
                template.VersionNumber,
                template.ChangeNote,
                template.CreatedAt,
                template.CreatedBy == null ? null : template.CreatedBy.DisplayName,
                EF.Property<List<ChecklistQuestion>>(template, "_questions").Count,
                db.ProgrammeChecklists.Count(checklist => checklist.TemplateId == template.Id && checklist.ClosedAt == null)))
            .ToListAsync(cancellationToken);
        return new TemplateDraft(newest.BuildingBlock, newest.SourceSection, versions, TemplateEditModel.From(newest));
    }

    /// <summary>Stores the draft as the next version; returns its number.</summary>
    public async Task<Result<int>> CreateNextVersionAsync(string buildingBlockCode, TemplateEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.ManageTemplates, cancellationToken: cancellationToken) is { } denied)
        {
            return denied.As<int>();
        }

        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors).As<int>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var newest = await ChecklistProgress.NewestTemplates(db).SingleOrDefaultAsync(template => template.BuildingBlockCode == buildingBlockCode, cancellationToken);
        if (newest is null)
        {
            return NotFound(buildingBlockCode).As<int>();
        }

        if (newest.VersionNumber != model.BasedOnVersion)
        {
            return Conflict(newest.VersionNumber).As<int>();
        }

        try
        {
            var user = await access.CurrentUserAsync();
            var next = newest.CreateNextVersion(model.Title, model.Purpose, model.ToDrafts(), model.ChangeNote, user.ToUserRef(), clock.GetUtcNow());
            db.ChecklistTemplates.Add(next);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Versie {Version} van checklist {BuildingBlock} gemaakt door {UserId}", next.VersionNumber, next.BuildingBlockCode, user.UserId);
            return next.VersionNumber;
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message).As<int>();
        }
        catch (DbUpdateException duplicate) when (duplicate.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another Beheerder stored the same next version number first (unique index on block and version).
            return Conflict(newest.VersionNumber + 1).As<int>();
        }
    }

    private static Result Conflict(int newestVersion) => Result.Conflict(
        $"Iemand anders heeft intussen versie {newestVersion} van deze checklist gemaakt. Uw invoer staat nog in het formulier; " +
        "laad de nieuwste versie en breng uw wijzigingen daarin opnieuw aan.");

    private static Result NotFound(string? code) => Result.NotFound($"Er is geen checklist voor bouwsteen '{code}'.");
}
