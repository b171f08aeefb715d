using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Contracts;

/// <summary>
/// The lokaal contract of a programme (§5.3): drawing it, editing the concept, the parties'
/// commitments and signatures, revisions, and the pdf of a signed version.
/// </summary>
public sealed class ContractService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    IValidator<ContractDraftEditModel> draftValidator,
    IValidator<CommitmentEditModel> commitmentValidator,
    IValidator<SignatureEditModel> signatureValidator,
    IValidator<RevisionEditModel> revisionValidator,
    AccessGuard access,
    TimeProvider clock,
    ILogger<ContractService> logger)
{
    private const string ConflictMessage =
        "Iemand anders heeft het contract intussen gewijzigd. Uw invoer staat nog in het formulier: laad de nieuwste stand en sla dan opnieuw op.";

    private const string NoContractMessage = "Dit programma heeft nog geen lokaal contract.";

    // Rules of the model about the date of a signature: shown next to that field.
    private static readonly HashSet<string> SignatureDateRules = [DateRules.SignatureNotInFuture, DateRules.SignatureNotBeforeProgrammeStart];

    public async Task<Result<ContractPageView>> GetAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ContractPageView>();
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmeName = await db.Programmes.AsNoTracking().Where(programme => programme.Id == programmeId)
            .Select(programme => programme.Name).SingleOrDefaultAsync(cancellationToken);
        if (programmeName is null)
        {
            return Result.ProgrammeNotFound().As<ContractPageView>();
        }

        var contract = await db.LocalContracts.AsNoTracking().SingleOrDefaultAsync(contract => contract.ProgrammeId == programmeId, cancellationToken);
        var canRecord = await access.PermitsAsync(user, Capability.RecordCommitment, programmeId, cancellationToken);
        var staff = user.IsInRole(Role.Programmabureau);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(organisation => organisation.Name)
            .Select(organisation => new PartyChoice(organisation.Id.Value, organisation.Name))
            .ToListAsync(cancellationToken);
        if (!staff)
        {
            // A partner acts for their own organisation only; staff for any party.
            organisations = organisations.Where(organisation => organisation.Id == user.OrganisationId).ToList();
        }

        return new ContractPageView(
            programmeId,
            programmeName,
            contract is null ? null : ToView(contract, Today()),
            organisations,
            await access.PermitsAsync(user, Capability.EditProgramme, programmeId, cancellationToken),
            canRecord,
            staff ? null : user.OrganisationId ?? Guid.Empty);
    }

    /// <summary>Draws up the contract: its first version, a concept.</summary>
    public async Task<Result> DrawAsync(ProgrammeId programmeId, ContractDraftEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await draftValidator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Programmes.AnyAsync(programme => programme.Id == programmeId, cancellationToken))
        {
            return Result.ProgrammeNotFound();
        }

        if (await db.LocalContracts.AnyAsync(contract => contract.ProgrammeId == programmeId, cancellationToken))
        {
            return Result.Conflict("Intussen is voor dit programma al een lokaal contract opgesteld. Laad de nieuwste stand.");
        }

        try
        {
            db.LocalContracts.Add(LocalContract.Draw(programmeId, model.Kind!.Value, model.Title, model.Sections, model.EvaluateAfterYears, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DomainRuleException broken) when (SignatureDateRules.Contains(broken.Rule))
        {
            return Result.Invalid(new Dictionary<string, string[]> { [nameof(SignatureEditModel.SignedOn)] = [broken.Message] });
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message);
        }
        catch (DbUpdateException duplicate) when (duplicate.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Result.Conflict("Intussen is voor dit programma al een lokaal contract opgesteld. Laad de nieuwste stand.");
        }
    }

    /// <summary>Changes the form, title, parts or evaluation term of a concept.</summary>
    public Task<Result> EditDraftAsync(ProgrammeId programmeId, int number, ContractDraftEditModel model, CancellationToken cancellationToken = default) =>
        ChangeAsync(programmeId, Capability.EditProgramme, model, draftValidator, change =>
        {
            change.Contract.EditDraft(number, model.Kind!.Value, model.Title, model.Sections, model.EvaluateAfterYears, change.Now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Adds a party with its commitment, or replaces a party's commitment (the party then signs again).</summary>
    public async Task<Result> SetCommitmentAsync(ProgrammeId programmeId, int number, CommitmentEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await ChangeAsync(programmeId, Capability.RecordCommitment, model, commitmentValidator, async change =>
        {
            var organisation = await RegisteredAsync(change.Db, model.OrganisationId!.Value, cancellationToken);
            change.Contract.SetCommitment(
                number,
                new CommitmentInput(
                    organisation.Id,
                    organisation.Name,
                    model.Amounts.Select(amount => new YearlyAmount(amount.Year!.Value, amount.Euros!.Value)).ToList(),
                    model.Fte.GetValueOrDefault(),
                    model.OtherCapacity),
                change.Now);
        }, cancellationToken, () => DenyOtherOrganisationAsync(model.OrganisationId, "de inzet vastleggen"));
    }

    /// <summary>Takes a party, its commitment and its signature out of a concept.</summary>
    public Task<Result> RemovePartyAsync(ProgrammeId programmeId, int number, Guid organisationId, uint contractVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(programmeId, Capability.EditProgramme, new OpenedOn { Version = contractVersion }, validator: null, change =>
        {
            change.Contract.RemoveParty(number, new OrganisationId(organisationId), change.Now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Records a party's signature; the last one makes the version the one in force, frozen from then on.</summary>
    public async Task<Result> RecordSignatureAsync(ProgrammeId programmeId, int number, SignatureEditModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await ChangeAsync(programmeId, Capability.RecordCommitment, model, signatureValidator, async change =>
        {
            // The contract exists, so its programme does.
            var calendar = await change.Db.CalendarOfAsync(programmeId, clock, cancellationToken);
            change.Contract.RecordSignature(number, model.ToInput(), change.By, calendar!, change.Now);
        }, cancellationToken, () => DenyOtherOrganisationAsync(model.OrganisationId, "een ondertekening vastleggen"));
    }

    /// <summary>Starts a new concept from the version in force, with the reason for revising it.</summary>
    public Task<Result> ReviseAsync(ProgrammeId programmeId, RevisionEditModel model, CancellationToken cancellationToken = default) =>
        ChangeAsync(programmeId, Capability.EditProgramme, model, revisionValidator, change =>
        {
            change.Contract.Revise(model.Reason, change.Now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The pdf of a signed (or since revised) version, for the council; a concept has none.</summary>
    public async Task<Result<ContractPdf>> GetPdfAsync(ProgrammeId programmeId, int number, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ViewProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ContractPdf>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmeName = await db.Programmes.AsNoTracking().Where(programme => programme.Id == programmeId)
            .Select(programme => programme.Name).SingleOrDefaultAsync(cancellationToken);
        var contract = await db.LocalContracts.AsNoTracking().SingleOrDefaultAsync(contract => contract.ProgrammeId == programmeId, cancellationToken);
        if (programmeName is null || contract is null)
        {
            return Result.NotFound(programmeName is null ? Result.ProgrammeNotFoundMessage : NoContractMessage).As<ContractPdf>();
        }

        var version = ToView(contract, Today()).Versions.SingleOrDefault(version => version.Number == number);
        if (version is null || version.IsConcept)
        {
            return Result.NotFound($"Van versie {number} is geen pdf: alleen een ondertekende versie wordt een document.").As<ContractPdf>();
        }

        var content = ContractPdfWriter.Write(programmeName, version, clock.GetUtcNow().InNetherlands());
        return new ContractPdf(ContractPdfWriter.FileName(programmeName, version), content);
    }

    /// <summary>
    /// The one way this feature changes a contract: check access, validate, load the contract on the
    /// version the form was opened with, apply the domain change and save.
    /// </summary>
    private async Task<Result> ChangeAsync<TModel>(
        ProgrammeId programmeId,
        Capability capability,
        TModel model,
        IValidator<TModel>? validator,
        Func<ContractChange, Task> change,
        CancellationToken cancellationToken,
        Func<Task<Result?>>? furtherAccessCheck = null)
        where TModel : IContractEdit
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await access.DenyAsync(capability, programmeId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (furtherAccessCheck is not null && await furtherAccessCheck() is { } refused)
        {
            return refused;
        }

        if (validator is not null && await validator.ErrorsOfAsync(model, cancellationToken) is { } errors)
        {
            return Result.Invalid(errors);
        }

        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contract = await db.LocalContracts.SingleOrDefaultAsync(contract => contract.ProgrammeId == programmeId, cancellationToken);
        if (contract is null)
        {
            return await db.Programmes.AnyAsync(programme => programme.Id == programmeId, cancellationToken)
                ? Result.NotFound(NoContractMessage)
                : Result.ProgrammeNotFound();
        }

        try
        {
            // The form was opened on this version: a save against a later one is a conflict.
            db.Entry(contract).Property(contract => contract.Version).OriginalValue = model.Version;
            await change(new ContractChange(db, contract, user.ToUserRef(), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok();
        }
        catch (DomainRuleException broken) when (SignatureDateRules.Contains(broken.Rule))
        {
            return Result.Invalid(new Dictionary<string, string[]> { [nameof(SignatureEditModel.SignedOn)] = [broken.Message] });
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(ConflictMessage);
        }
    }

    /// <summary>A partner commits and signs for their own organisation only; staff for any party.</summary>
    private async Task<Result?> DenyOtherOrganisationAsync(Guid? organisationId, string act)
    {
        var user = await access.CurrentUserAsync();
        if (user.IsInRole(Role.Programmabureau) || organisationId is null || organisationId == user.OrganisationId)
        {
            return null;
        }

        logger.LogWarning("Geweigerd: {UserId} wilde {Act} namens organisatie {OrganisationId}", user.UserId, act, organisationId);
        return Result.Forbidden();
    }

    private static async Task<Organisation> RegisteredAsync(WijkaanpakDbContext db, Guid organisationId, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().SingleOrDefaultAsync(organisation => organisation.Id == new OrganisationId(organisationId), cancellationToken)
        ?? throw new DomainRuleException("OrganisationMustExist", "Deze organisatie staat niet (meer) in het register.");

    /// <summary>The date in the Netherlands: a signature entered late in the evening is not "in the future".</summary>
    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().InNetherlands().DateTime);

    private static ContractView ToView(LocalContract contract, DateOnly today)
    {
        var inForce = contract.InForce;
        return new ContractView(
            contract.Version,
            contract.Versions.Select(version =>
            {
                var names = version.Commitments.ToDictionary(commitment => commitment.OrganisationId.Value, commitment => commitment.OrganisationName);
                return new ContractVersionView(
                    version.Number,
                    version.Status,
                    version.Kind,
                    version.Title,
                    version.Principles,
                    version.AmbitionsAndPriorities,
                    version.FinancialAgreements,
                    version.ProcessDirection,
                    version.ChangeNote,
                    version.EvaluateAfterYears,
                    version.SignedOn,
                    version.EvaluationDue,
                    version.Commitments.Select(commitment => new CommitmentView(
                        commitment.OrganisationId.Value,
                        commitment.OrganisationName,
                        commitment.Amounts.ToList(),
                        commitment.TotalEuros,
                        commitment.Fte,
                        commitment.OtherCapacity)).ToList(),
                    version.Signatures.Select(signature => new SignatureView(
                        signature.OrganisationId.Value,
                        names.GetValueOrDefault(signature.OrganisationId.Value, "(geen partij meer)"),
                        signature.SignatoryName,
                        signature.SignatoryFunction,
                        signature.SignedOn,
                        signature.RecordedBy.DisplayName,
                        signature.RecordedAt)).ToList());
            }).ToList(),
            inForce?.Number,
            inForce?.EvaluationWarningOn(today) ?? EvaluationWarning.None);
    }

    /// <summary>For a change without a form: only the contract version the screen showed.</summary>
    private sealed class OpenedOn : IContractEdit
    {
        public uint Version { get; set; }
    }

    private sealed record ContractChange(WijkaanpakDbContext Db, LocalContract Contract, UserRef By, DateTimeOffset Now);
}
