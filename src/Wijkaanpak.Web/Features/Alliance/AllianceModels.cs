using FluentValidation;
using Wijkaanpak.Domain.Alliances;
using Wijkaanpak.Domain.Organisations;

namespace Wijkaanpak.Web.Features.Alliance;

/// <summary>
/// A form that changes the alliance carries the alliance's row version it was opened on (0 while the
/// programme has no alliance yet), so that a change made meanwhile is reported instead of overwritten.
/// </summary>
public interface IAllianceEdit
{
    uint Version { get; set; }
}

/// <summary>One organisation in one role for a period, as the membership form holds it.</summary>
public sealed class MembershipEditModel : IAllianceEdit
{
    /// <summary>The form's labels, for the differences shown after a conflict.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(OrganisationId)] = "Organisatie",
        [nameof(Role)] = "Rol",
        [nameof(Level)] = "Niveau",
        [nameof(From)] = "Vanaf",
        [nameof(Until)] = "Tot en met",
        [nameof(Note)] = "Toelichting",
        [nameof(SubAllianceIds)] = "Deelallianties",
    };

    public uint Version { get; set; }

    public Guid? OrganisationId { get; set; }

    public AllianceRole? Role { get; set; }

    public AllianceLevel? Level { get; set; }

    public DateTime? From { get; set; }

    public DateTime? Until { get; set; }

    public string Note { get; set; } = string.Empty;

    public IReadOnlyCollection<Guid> SubAllianceIds { get; set; } = new HashSet<Guid>();

    /// <summary>Only called after validation passed: every nullable field it reads has a value then.</summary>
    public MembershipInput ToInput() => new(
        new OrganisationId(OrganisationId!.Value),
        Role!.Value,
        Level!.Value,
        DateOnly.FromDateTime(From!.Value),
        Until is { } until ? DateOnly.FromDateTime(until) : null,
        Note,
        SubAllianceIds.ToList());

    public static MembershipEditModel Of(MembershipView membership, uint version)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return new()
        {
            Version = version,
            OrganisationId = membership.OrganisationId,
            Role = membership.Role,
            Level = membership.Level,
            From = membership.From.ToDateTime(TimeOnly.MinValue),
            Until = membership.Until?.ToDateTime(TimeOnly.MinValue),
            Note = membership.Note,
            SubAllianceIds = membership.SubAlliances.Select(subAlliance => subAlliance.Id).ToHashSet(),
        };
    }
}

public sealed class MembershipEditModelValidator : AbstractValidator<MembershipEditModel>
{
    public MembershipEditModelValidator()
    {
        RuleFor(model => model.OrganisationId).NotNull().WithMessage("Kies de organisatie uit het register.");
        RuleFor(model => model.Role).NotNull().WithMessage("Kies de rol.").IsInEnum().WithMessage("Kies de rol.");
        RuleFor(model => model.Level).NotNull().WithMessage("Kies het niveau.").IsInEnum().WithMessage("Kies het niveau.");
        RuleFor(model => model.From).NotNull().WithMessage("Vul in vanaf wanneer de organisatie meedoet.");
        RuleFor(model => model.Until)
            .Must((model, until) => until is null || model.From is null || until.Value.Date >= model.From.Value.Date)
            .WithMessage("De einddatum ligt vóór de begindatum.");
        RuleFor(model => model.Note)
            .MaximumLength(AllianceMembership.NoteMaxLength).WithMessage($"Hoogstens {AllianceMembership.NoteMaxLength} tekens.");
    }
}

/// <summary>Ending a membership: the last day it ran and, if useful, why.</summary>
public sealed class EndMembershipEditModel : IAllianceEdit
{
    public uint Version { get; set; }

    public DateTime? Until { get; set; }

    public string Note { get; set; } = string.Empty;
}

public sealed class EndMembershipEditModelValidator : AbstractValidator<EndMembershipEditModel>
{
    public EndMembershipEditModelValidator()
    {
        RuleFor(model => model.Until).NotNull().WithMessage("Vul de laatste dag van het lidmaatschap in.");
        RuleFor(model => model.Note)
            .MaximumLength(AllianceMembership.NoteMaxLength).WithMessage($"Hoogstens {AllianceMembership.NoteMaxLength} tekens.");
    }
}

/// <summary>A new thematic sub-alliance.</summary>
public sealed class SubAllianceEditModel : IAllianceEdit
{
    public uint Version { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Theme { get; set; } = string.Empty;
}

public sealed class SubAllianceEditModelValidator : AbstractValidator<SubAllianceEditModel>
{
    public SubAllianceEditModelValidator()
    {
        RuleFor(model => model.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Geef de deelalliantie een naam.")
            .MaximumLength(SubAlliance.NameMaxLength).WithMessage($"Hoogstens {SubAlliance.NameMaxLength} tekens.");
        RuleFor(model => model.Theme)
            .MaximumLength(SubAlliance.ThemeMaxLength).WithMessage($"Hoogstens {SubAlliance.ThemeMaxLength} tekens.");
    }
}

/// <summary>The level of resident participation from a date on, with the reasoning behind it.</summary>
public sealed class ParticipationEditModel : IAllianceEdit
{
    public uint Version { get; set; }

    public ParticipationLevel? Level { get; set; }

    public DateTime? EffectiveFrom { get; set; }

    public string Explanation { get; set; } = string.Empty;
}

public sealed class ParticipationEditModelValidator : AbstractValidator<ParticipationEditModel>
{
    public ParticipationEditModelValidator()
    {
        RuleFor(model => model.Level).NotNull().WithMessage("Kies een niveau van A tot en met E.").IsInEnum().WithMessage("Kies een niveau van A tot en met E.");
        RuleFor(model => model.EffectiveFrom).NotNull().WithMessage("Vul in vanaf wanneer dit niveau geldt.");
        RuleFor(model => model.Explanation)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Licht toe waarom de bewonersparticipatie op dit niveau staat.")
            .MaximumLength(ParticipationRecord.ExplanationMaxLength).WithMessage($"Hoogstens {ParticipationRecord.ExplanationMaxLength} tekens.");
    }
}
