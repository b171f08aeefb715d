using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Vision;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Vision;

/// <summary>
/// The issues in the area (§4.2) with their figures (tellen) and stories (vertellen). Everyone who may
/// see the programme reads them; programme staff name and change them and add stories.
/// </summary>
public sealed class OpgaveService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<OpgaveEditModel> opgaveValidator,
    IValidator<StoryEditModel> storyValidator,
    AccessGuard access,
    TimeProvider clock,
    ILogger<OpgaveService> logger)
{
    private const string ConflictMessage =
        "Iemand anders heeft deze opgave intussen gewijzigd. Uw invoer staat nog in het formulier: laad de nieuwste stand, controleer uw wijziging en sla opnieuw op.";

    private const string GoneMessage = "Deze opgave bestaat niet (meer).";

    private static readonly Dictionary<string, string> OpgaveRuleFields = new()
    {
        ["OpgaveDomainKnown"] = nameof(OpgaveEditModel.Domain),
        ["OpgaveTitleRequired"] = nameof(OpgaveEditModel.Title),
        ["OpgaveDescriptionTooLong"] = nameof(OpgaveEditModel.Description),
        ["IndicatorMustExist"] = nameof(OpgaveEditModel.IndicatorIds),
    };

    private static readonly Dictionary<string, string> StoryRuleFields = new()
    {
        ["StoryMethodKnown"] = nameof(StoryEditModel.Method),
        [DateRules.StoryNotInFuture] = nameof(StoryEditModel.ToldOn),
        ["StoryTellerRequired"] = nameof(StoryEditModel.Teller),
        ["StoryTextRequired"] = nameof(StoryEditModel.Text),
        ["StoryInterpretationTooLong"] = nameof(StoryEditModel.Interpretation),
    };

    public async Task<Result<OpgavenView>> GetAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<OpgavenView>();
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmeName = await db.Programmes.AsNoTracking().Where(programme => programme.Id == programmeId)
            .Select(programme => programme.Name).SingleOrDefaultAsync(cancellationToken);
        if (programmeName is null)
        {
            return Result.ProgrammeNotFound().As<OpgavenView>();
        }

        // The domain is stored by name: sorted here, in the order the handbook lists the domains.
        var opgaven = (await db.Opgaven.AsNoTracking().Where(opgave => opgave.ProgrammeId == programmeId).ToListAsync(cancellationToken))
            .OrderBy(opgave => opgave.Domain).ThenBy(opgave => opgave.Title, StringComparer.CurrentCulture).ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(indicator => indicator.ProgrammeId == programmeId)
            .OrderBy(indicator => indicator.Name).ToListAsync(cancellationToken);
        var latest = await IndicatorChecks.LatestAsync(db, programmeId, cancellationToken);
        var ambitions = (await db.Visions.AsNoTracking().SingleOrDefaultAsync(vision => vision.ProgrammeId == programmeId, cancellationToken))?.Ambitions ?? [];
        var canEdit = await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken);

        var figures = indicators.ToDictionary(
            indicator => indicator.Id.Value,
            indicator =>
            {
                var last = latest.GetValueOrDefault(indicator.Id.Value);
                return new IndicatorFigureView(indicator.Id.Value, indicator.Name, indicator.Unit, indicator.Baseline, last, indicator.TrendOf(last));
            });
        return new OpgavenView(
            programmeId,
            programmeName,
            opgaven.Select(opgave => new OpgaveView(
                opgave.Id,
                opgave.Domain,
                opgave.Title,
                opgave.Description,
                opgave.IndicatorIds.Where(figures.ContainsKey).Select(id => figures[id]).ToList(),
                opgave.Stories.Select(story => new StoryView(story.Id, story.Teller, story.ToldOn, story.Method, story.Text, story.Interpretation, story.RecordedBy.DisplayName)).ToList(),
                ambitions.Where(ambition => ambition.OpgaveIds.Contains(opgave.Id)).Select(ambition => new AmbitionRef(ambition.Id, ambition.Title)).ToList(),
                opgave.Version)).ToList(),
            indicators.Select(indicator => new IndicatorChoice(indicator.Id.Value, indicator.Name, indicator.Kind)).ToList(),
            canEdit);
    }

    /// <summary>Names a new issue in the area, with the indicators that show it.</summary>
    public async Task<Result> AddAsync(ProgrammeId programmeId, OpgaveEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await opgaveValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Programmes.AnyAsync(programme => programme.Id == programmeId, cancellationToken))
        {
            return Result.ProgrammeNotFound();
        }

        return await SaveAsync(db, programmeId, OpgaveRuleFields, async () =>
        {
            var indicators = await IndicatorChecks.OfProgrammeAsync(db, programmeId, model.IndicatorIds, cancellationToken);
            db.Opgaven.Add(Opgave.Name(programmeId, model.Domain!.Value, model.Title, model.Description, indicators));
        }, cancellationToken);
    }

    public async Task<Result> ChangeAsync(ProgrammeId programmeId, Guid opgaveId, OpgaveEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await opgaveValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var opgave = await db.Opgaven.SingleOrDefaultAsync(opgave => opgave.Id == opgaveId && opgave.ProgrammeId == programmeId, cancellationToken);
        if (opgave is null)
        {
            return Result.NotFound(GoneMessage);
        }

        OnVersion(db, opgave, model.Version);
        return await SaveAsync(db, programmeId, OpgaveRuleFields, async () =>
        {
            var indicators = await IndicatorChecks.OfProgrammeAsync(db, programmeId, model.IndicatorIds, cancellationToken);
            opgave.Change(model.Domain!.Value, model.Title, model.Description, indicators);
        }, cancellationToken);
    }

    /// <summary>Adds a story (vertellen) to an opgave, on the version of the opgave the form was opened on.</summary>
    public async Task<Result> AddStoryAsync(ProgrammeId programmeId, Guid opgaveId, StoryEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await storyValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var opgave = await db.Opgaven.SingleOrDefaultAsync(opgave => opgave.Id == opgaveId && opgave.ProgrammeId == programmeId, cancellationToken);
        if (opgave is null)
        {
            return Result.NotFound(GoneMessage);
        }

        OnVersion(db, opgave, model.Version);
        return await SaveAsync(db, programmeId, StoryRuleFields, () =>
        {
            opgave.AddStory(model.ToInput(), clock.TodayInNetherlands(), user.ToUserRef(), clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>
    /// Saves the opgave only if it is still at the version the form was opened on (also when only a story
    /// changes: the context keeps the version check on JSON-only updates).
    /// </summary>
    private static void OnVersion(WijkaanpakDbContext db, Opgave opgave, uint version) =>
        db.Entry(opgave).Property(candidate => candidate.Version).OriginalValue = version;

    private async Task<Result> SaveAsync(WijkaanpakDbContext db, ProgrammeId programmeId, IReadOnlyDictionary<string, string> ruleFields, Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
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
            logger.LogInformation("Gelijktijdige wijziging van een opgave van programma {ProgrammeId} geweigerd", programmeId);
            return Result.Conflict(ConflictMessage);
        }
    }
}
