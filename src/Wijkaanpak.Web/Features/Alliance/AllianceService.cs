using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;
using AllianceAggregate = Wijkaanpak.Domain.Alliances.Alliance;

namespace Wijkaanpak.Web.Features.Alliance;

/// <summary>
/// The alliance of a programme (§5.1, §6.2): who takes part in which role, at which level and when,
/// the sub-alliances and the resident participation level. Everyone who may see the programme reads
/// it; programme staff change it. The alliance is formed on its first change.
/// </summary>
public sealed class AllianceService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<MembershipEditModel> membershipValidator,
    IValidator<EndMembershipEditModel> endValidator,
    IValidator<SubAllianceEditModel> subAllianceValidator,
    IValidator<ParticipationEditModel> participationValidator,
    AccessGuard access,
    TimeProvider clock,
    ILogger<AllianceService> logger)
{
    private const string ConflictMessage =
        "Iemand anders heeft de alliantie intussen gewijzigd. Uw invoer staat nog in het formulier: laad de nieuwste stand, controleer uw wijziging en sla opnieuw op.";

    // Rules of the model that concern one field of a form: their message is shown next to that field.
    private static readonly Dictionary<string, string> MembershipRuleFields = new()
    {
        ["MembershipPeriodsDoNotOverlap"] = nameof(MembershipEditModel.From),
        [DateRules.MembershipWithinProgrammeLife] = nameof(MembershipEditModel.From),
        ["MembershipEndsAfterStart"] = nameof(MembershipEditModel.Until),
        [DateRules.MembershipEndWithinProgrammeLife] = nameof(MembershipEditModel.Until),
        ["SubAllianceMustExist"] = nameof(MembershipEditModel.SubAllianceIds),
        ["OrganisationMustExist"] = nameof(MembershipEditModel.OrganisationId),
        ["MembershipKeepsOrganisationAndRole"] = nameof(MembershipEditModel.Role),
        ["MembershipNoteTooLong"] = nameof(MembershipEditModel.Note),
    };

    private static readonly Dictionary<string, string> EndRuleFields = new()
    {
        ["MembershipEndsAfterStart"] = nameof(EndMembershipEditModel.Until),
        [DateRules.MembershipEndWithinProgrammeLife] = nameof(EndMembershipEditModel.Until),
        ["MembershipAlreadyEnded"] = nameof(EndMembershipEditModel.Until),
        ["MembershipNoteTooLong"] = nameof(EndMembershipEditModel.Note),
    };

    private static readonly Dictionary<string, string> SubAllianceRuleFields = new()
    {
        ["SubAllianceNameUnique"] = nameof(SubAllianceEditModel.Name),
        ["SubAllianceNameRequired"] = nameof(SubAllianceEditModel.Name),
        ["SubAllianceThemeTooLong"] = nameof(SubAllianceEditModel.Theme),
    };

    private static readonly Dictionary<string, string> ParticipationRuleFields = new()
    {
        ["ParticipationLevelKnown"] = nameof(ParticipationEditModel.Level),
        [DateRules.ParticipationWithinProgrammeLife] = nameof(ParticipationEditModel.EffectiveFrom),
        ["ParticipationExplanationRequired"] = nameof(ParticipationEditModel.Explanation),
    };

    public async Task<Result<AllianceView>> GetAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<AllianceView>();
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmeName = await db.Programmes.AsNoTracking().Where(programme => programme.Id == programmeId)
            .Select(programme => programme.Name).SingleOrDefaultAsync(cancellationToken);
        if (programmeName is null)
        {
            return Result.ProgrammeNotFound().As<AllianceView>();
        }

        var alliance = await db.Alliances.AsNoTracking().SingleOrDefaultAsync(alliance => alliance.ProgrammeId == programmeId, cancellationToken);
        var organisations = await OrganisationsAsync(db, cancellationToken);
        var today = clock.TodayInNetherlands();
        var canEdit = await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken);
        if (alliance is null)
        {
            return new AllianceView(programmeId, programmeName, today, false, [], [], [], [], null, [], organisations, canEdit, 0);
        }

        var byId = organisations.ToDictionary(organisation => organisation.Id);
        var current = alliance.MembersOn(today);
        return new AllianceView(
            programmeId,
            programmeName,
            today,
            true,
            Views(alliance, current, byId),
            Views(alliance, alliance.Memberships.Where(membership => membership.From > today), byId),
            Views(alliance, alliance.Memberships.Where(membership => membership.Until < today), byId)
                .OrderByDescending(membership => membership.Until).ToList(),
            alliance.SubAlliances.Select(subAlliance => new SubAllianceView(
                subAlliance.Id,
                subAlliance.Name,
                subAlliance.Theme,
                current.Where(membership => membership.SubAllianceIds.Contains(subAlliance.Id))
                    .Select(membership => NameOf(byId, membership.OrganisationId))
                    .Distinct()
                    .Order(StringComparer.CurrentCulture)
                    .ToList())).ToList(),
            alliance.ParticipationOn(today) is { } participation ? View(participation) : null,
            alliance.ParticipationHistory.Reverse().Select(View).ToList(),
            organisations,
            canEdit,
            alliance.Version);
    }

    /// <summary>The alliance as it stood on one day: its board (§6.2) and every member.</summary>
    public async Task<Result<CompositionView>> GetCompositionAsync(ProgrammeId programmeId, DateOnly on, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<CompositionView>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Programmes.AnyAsync(programme => programme.Id == programmeId, cancellationToken))
        {
            return Result.ProgrammeNotFound().As<CompositionView>();
        }

        var alliance = await db.Alliances.AsNoTracking().SingleOrDefaultAsync(alliance => alliance.ProgrammeId == programmeId, cancellationToken);
        if (alliance is null)
        {
            return new CompositionView(on, [], [], null);
        }

        var byId = (await OrganisationsAsync(db, cancellationToken)).ToDictionary(organisation => organisation.Id);
        return new CompositionView(
            on,
            Views(alliance, alliance.BoardOn(on), byId),
            Views(alliance, alliance.MembersOn(on), byId),
            alliance.ParticipationOn(on) is { } participation ? View(participation) : null);
    }

    /// <summary>An organisation from the register joins the alliance in a role, for a period.</summary>
    public Task<Result> JoinAsync(ProgrammeId programmeId, MembershipEditModel model, CancellationToken cancellationToken = default) =>
        ChangeAllianceAsync(programmeId, model, membershipValidator, MembershipRuleFields, async change =>
        {
            await EnsureRegisteredAsync(change.Db, model.OrganisationId!.Value, cancellationToken);
            change.Alliance.Join(model.ToInput(), change.Calendar, change.By, change.Now);
        }, cancellationToken);

    /// <summary>Corrects level, dates, note or sub-alliances of a membership.</summary>
    public Task<Result> ChangeMembershipAsync(ProgrammeId programmeId, Guid membershipId, MembershipEditModel model, CancellationToken cancellationToken = default) =>
        ChangeAllianceAsync(programmeId, model, membershipValidator, MembershipRuleFields, async change =>
        {
            await EnsureRegisteredAsync(change.Db, model.OrganisationId!.Value, cancellationToken);
            change.Alliance.ChangeMembership(membershipId, model.ToInput(), change.Calendar, change.Now);
        }, cancellationToken);

    /// <summary>The organisation leaves this role; the membership stays readable in the history.</summary>
    public Task<Result> EndMembershipAsync(ProgrammeId programmeId, Guid membershipId, EndMembershipEditModel model, CancellationToken cancellationToken = default) =>
        ChangeAllianceAsync(programmeId, model, endValidator, EndRuleFields, change =>
        {
            change.Alliance.EndMembership(membershipId, DateOnly.FromDateTime(model.Until!.Value), model.Note, change.Calendar, change.Now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<Result> AddSubAllianceAsync(ProgrammeId programmeId, SubAllianceEditModel model, CancellationToken cancellationToken = default) =>
        ChangeAllianceAsync(programmeId, model, subAllianceValidator, SubAllianceRuleFields, change =>
        {
            change.Alliance.AddSubAlliance(model.Name, model.Theme, change.Now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Records how far residents have a say (A-E) from a date on; earlier levels stay in the history.</summary>
    public Task<Result> RecordParticipationAsync(ProgrammeId programmeId, ParticipationEditModel model, CancellationToken cancellationToken = default) =>
        ChangeAllianceAsync(programmeId, model, participationValidator, ParticipationRuleFields, change =>
        {
            change.Alliance.RecordParticipationLevel(model.Level!.Value, DateOnly.FromDateTime(model.EffectiveFrom!.Value), model.Explanation, change.Calendar, change.By, change.Now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// The one way this feature changes an alliance: check access, validate, load the alliance (or form
    /// it on the first change), apply the domain change on the version the form was opened on, save.
    /// </summary>
    private async Task<Result> ChangeAllianceAsync<TModel>(
        ProgrammeId programmeId,
        TModel model,
        IValidator<TModel> validator,
        IReadOnlyDictionary<string, string> ruleFields,
        Func<AllianceChange, Task> change,
        CancellationToken cancellationToken)
        where TModel : IAllianceEdit
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

        var user = await access.CurrentUserAsync();
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.CalendarOfAsync(programmeId, clock, cancellationToken) is not { } calendar)
        {
            return Result.ProgrammeNotFound();
        }

        try
        {
            var alliance = await db.Alliances.SingleOrDefaultAsync(alliance => alliance.ProgrammeId == programmeId, cancellationToken);
            if (alliance is null)
            {
                // The first change forms the alliance. Two first changes at once meet the unique index
                // on programme_id below: the second is a conflict, like any other concurrent edit.
                alliance = AllianceAggregate.Form(programmeId, now);
                db.Alliances.Add(alliance);
            }
            else
            {
                // The form was opened on this version (0: before the alliance existed); a save against a later one is a conflict.
                db.Entry(alliance).Property(alliance => alliance.Version).OriginalValue = model.Version;
            }

            await change(new AllianceChange(db, alliance, calendar, user.ToUserRef(), now));
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
            logger.LogInformation("Gelijktijdige wijziging van de alliantie van programma {ProgrammeId} geweigerd", programmeId);
            return Result.Conflict(ConflictMessage);
        }
        catch (DbUpdateException formedTwice) when (formedTwice.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            logger.LogInformation("De alliantie van programma {ProgrammeId} werd tegelijk door een ander gevormd", programmeId);
            return Result.Conflict(ConflictMessage);
        }
    }

    private static async Task EnsureRegisteredAsync(WijkaanpakDbContext db, Guid organisationId, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(organisation => organisation.Id == new OrganisationId(organisationId), cancellationToken))
        {
            throw new DomainRuleException("OrganisationMustExist", "Deze organisatie staat niet (meer) in het register.");
        }
    }

    private static async Task<IReadOnlyList<OrganisationChoice>> OrganisationsAsync(WijkaanpakDbContext db, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking()
            .OrderBy(organisation => organisation.Name)
            .Select(organisation => new OrganisationChoice(organisation.Id.Value, organisation.Name, organisation.Type))
            .ToListAsync(cancellationToken);

    /// <summary>Chair first, then the board, then the other roles; by organisation within each.</summary>
    private static List<MembershipView> Views(AllianceAggregate alliance, IEnumerable<AllianceMembership> memberships, Dictionary<Guid, OrganisationChoice> organisations)
    {
        var subAlliances = alliance.SubAlliances.ToDictionary(subAlliance => subAlliance.Id);
        return memberships
            .Select(membership => new MembershipView(
                membership.Id,
                membership.OrganisationId.Value,
                NameOf(organisations, membership.OrganisationId),
                organisations.TryGetValue(membership.OrganisationId.Value, out var organisation) ? organisation.Type : OrganisationType.Overig,
                membership.Role,
                membership.Level,
                membership.From,
                membership.Until,
                membership.Note,
                membership.SubAllianceIds.Where(subAlliances.ContainsKey)
                    .Select(id => new SubAllianceRef(id, subAlliances[id].Name)).ToList()))
            .OrderBy(membership => membership.Role switch
            {
                AllianceRole.Voorzitter => 0,
                AllianceRole.LidAlliantiebestuur => 1,
                _ => 2,
            })
            .ThenBy(membership => membership.OrganisationName, StringComparer.CurrentCulture)
            .ThenBy(membership => membership.Role)
            .ThenBy(membership => membership.From)
            .ToList();
    }

    private static string NameOf(Dictionary<Guid, OrganisationChoice> organisations, OrganisationId id) =>
        organisations.TryGetValue(id.Value, out var organisation) ? organisation.Name : "Onbekende organisatie";

    private static ParticipationView View(ParticipationRecord record) =>
        new(record.Level, record.EffectiveFrom, record.Explanation, record.RecordedBy.DisplayName, record.RecordedAt);

    private sealed record AllianceChange(WijkaanpakDbContext Db, AllianceAggregate Alliance, ProgrammeCalendar Calendar, UserRef By, DateTimeOffset Now);
}
