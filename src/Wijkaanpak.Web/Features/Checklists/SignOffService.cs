using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Checklists;

/// <summary>
/// Signing checklists: a partner's representative signs the checklist as it stands for their own
/// organisation, and sees which checklists still wait for that organisation's signature. The rules
/// (own organisation, alliance member, something to sign, the revision seen, not twice) are the
/// checklist's; this service supplies who signs, for which organisation and who is in the alliance today.
/// </summary>
public sealed class SignOffService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<SignOffEditModel> validator,
    AccessGuard access,
    TimeProvider clock,
    ILogger<SignOffService> logger)
{
    /// <summary>
    /// Signs the checklist the programme works on for the block, for the user's own organisation,
    /// covering <see cref="SignOffEditModel.ReviewedRevision"/>; refused when the answers changed since.
    /// </summary>
    public async Task<Result<SignedOff>> SignAsync(ProgrammeId programmeId, string buildingBlockCode, SignOffEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.SignChecklist, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<SignedOff>();
        }

        if (await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors).As<SignedOff>();
        }

        var block = ProcessModel.BuildingBlocks.SingleOrDefault(block => block.HasChecklist && block.Code == buildingBlockCode?.Trim());
        if (block is null)
        {
            return Result.NotFound($"Bouwsteen '{buildingBlockCode}' heeft geen checklist.").As<SignedOff>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(programme => programme.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound().As<SignedOff>();
        }

        var user = await access.CurrentUserAsync();
        if (user.OrganisationId is not { } ownId
            || await db.Organisations.AsNoTracking().Where(organisation => organisation.Id == new OrganisationId(ownId)).Select(organisation => organisation.Name)
                .SingleOrDefaultAsync(cancellationToken) is not { } organisationName)
        {
            logger.LogWarning("Aftekenen geweigerd: {UserId} hoort bij geen organisatie uit het register", user.UserId);
            return Result.RuleBroken("Uw account hoort niet bij een organisatie uit het register. Vraag functioneel beheer om dat vast te leggen; daarna kunt u aftekenen.")
                .As<SignedOff>();
        }

        var checklist = await ChecklistProgress.LatestUpToCycleAsync(db, programme, block.Code, cancellationToken);
        if (checklist is null || ChecklistProgress.NeedsReopening(programme, block.Code, checklist.Cycle))
        {
            // Nothing answered in this cycle yet: the same refusal the checklist gives an unanswered one.
            logger.LogInformation("Aftekenen van checklist {BuildingBlock} van programma {ProgrammeId} geweigerd: nog niet begonnen", block.Code, programmeId);
            return Result.RuleBroken("Deze checklist heeft nog geen antwoorden om af te tekenen.").As<SignedOff>();
        }

        var today = clock.TodayInNetherlands();
        var alliance = await db.Alliances.AsNoTracking().SingleOrDefaultAsync(alliance => alliance.ProgrammeId == programmeId, cancellationToken);
        var members = alliance?.OrganisationsOn(today) ?? new HashSet<OrganisationId>();
        var organisation = new OrganisationId(ownId);
        try
        {
            // A signature does not change the checklist row, so its xmin does not guard it. It needs no
            // guard: it names the revision it covers, and a later answer outdates it like any other.
            checklist.SignOff(new Signatory(user.ToUserRef(), organisation), organisation, organisationName, members, model.ReviewedRevision, model.Remark, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainRuleException broken)
        {
            logger.LogInformation(
                "Aftekenen van checklist {BuildingBlock} van programma {ProgrammeId} door {UserId} geweigerd: {Rule}",
                block.Code,
                programmeId,
                user.UserId,
                broken.Rule);
            return Result.RuleBroken(broken.Message).As<SignedOff>();
        }
        catch (Exception concurrent) when (concurrent is DbUpdateConcurrencyException
            || concurrent is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } })
        {
            // The unique index on checklist, organisation and revision: a colleague signed the same stand at the same moment.
            logger.LogInformation("Gelijktijdig aftekenen van checklist {BuildingBlock} van programma {ProgrammeId} door {OrganisationId} geweigerd", block.Code, programmeId, ownId);
            return Result.Conflict($"Iemand anders heeft zojuist namens {organisationName} afgetekend. Laad de nieuwste stand om te zien wat er is ondertekend.")
                .As<SignedOff>();
        }

        logger.LogInformation(
            "Checklist {BuildingBlock} van programma {ProgrammeId} afgetekend namens {OrganisationId} door {UserId} (stand {Revision})",
            block.Code,
            programmeId,
            ownId,
            user.UserId,
            checklist.ContentRevision);
        var signOffs = await SignOffStatus.OfAsync(db, programmeId, checklist, isOpen: true, user, maySign: true, today, cancellationToken);
        return new SignedOff(organisationName, signOffs);
    }

    /// <summary>
    /// The checklists with answers that wait for the signature of the user's organisation (expected
    /// or outdated), in the programmes the user is a member of whose alliance it takes part in today.
    /// </summary>
    public async Task<Result<ChecklistsToSign>> ListToSignAsync(CancellationToken cancellationToken = default)
    {
        if (await access.DenyRoleAsync(Capability.SignChecklist) is { } denied)
        {
            return denied.As<ChecklistsToSign>();
        }

        var user = await access.CurrentUserAsync();
        if (user.OrganisationId is not { } ownId)
        {
            return new ChecklistsToSign(null, []);
        }

        var organisation = new OrganisationId(ownId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisationName = await db.Organisations.AsNoTracking().Where(candidate => candidate.Id == organisation).Select(candidate => candidate.Name)
            .SingleOrDefaultAsync(cancellationToken);
        if (organisationName is null)
        {
            return new ChecklistsToSign(null, []);
        }

        // Membership of the alliance is judged by the alliance itself (periods, roles), so the few
        // alliances the organisation ever took part in are loaded rather than re-stating the rule in SQL.
        var today = clock.TodayInNetherlands();
        var memberOf = AccessGuard.VisibleProgrammes(db, user);
        var alliances = await db.Alliances.AsNoTracking()
            .Where(alliance => memberOf.Contains(alliance.ProgrammeId) && alliance.Memberships.Any(membership => membership.OrganisationId == organisation))
            .ToListAsync(cancellationToken);
        var programmeIds = alliances.Where(alliance => alliance.OrganisationsOn(today).Contains(organisation)).Select(alliance => alliance.ProgrammeId).ToList();
        if (programmeIds.Count == 0)
        {
            return new ChecklistsToSign(organisationName, []);
        }

        var programmes = await db.Programmes.AsNoTracking().Where(programme => programmeIds.Contains(programme.Id)).ToDictionaryAsync(programme => programme.Id, cancellationToken);

        // Only the sign-offs are needed, not the answers: one query with one collection.
        var checklists = await db.ProgrammeChecklists.AsNoTracking()
            .IgnoreAutoIncludes()
            .Include(checklist => checklist.SignOffs)
            .Where(checklist => programmeIds.Contains(checklist.ProgrammeId) && checklist.ClosedAt == null && checklist.Answers.Any())
            .ToListAsync(cancellationToken);

        var order = ProcessModel.BuildingBlocks.Select((block, index) => (block.Code, index)).ToDictionary(pair => pair.Code, pair => pair.index, StringComparer.Ordinal);
        var waiting = checklists
            .Where(checklist => checklist.Cycle <= programmes[checklist.ProgrammeId].Cycle
                && !ChecklistProgress.NeedsReopening(programmes[checklist.ProgrammeId], checklist.BuildingBlockCode, checklist.Cycle)
                && checklist.SignOffStateOf(organisation) != SignOffState.Signed)
            .Select(checklist =>
            {
                var block = ProcessModel.BuildingBlocks.Single(block => block.Code == checklist.BuildingBlockCode);
                return new ChecklistToSign(
                    checklist.ProgrammeId,
                    programmes[checklist.ProgrammeId].Name,
                    block.Code,
                    block.Title,
                    block.Phase,
                    checklist.Cycle,
                    checklist.SignOffStateOf(organisation),
                    checklist.LastChangedAt);
            })
            .OrderBy(item => item.ProgrammeName, StringComparer.CurrentCulture)
            .ThenBy(item => order[item.BuildingBlockCode])
            .ToList();
        return new ChecklistsToSign(organisationName, waiting);
    }
}
