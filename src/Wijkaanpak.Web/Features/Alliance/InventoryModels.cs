using FluentValidation;
using Wijkaanpak.Domain.Inventories;
using Wijkaanpak.Domain.Organisations;

namespace Wijkaanpak.Web.Features.Alliance;

/// <summary>One entry of the stakeholder inventory (§4.5) as its form holds it.</summary>
public sealed class StakeholderEditModel
{
    /// <summary>The Dutch field labels, as the form shows them; also used to describe an edit conflict.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Kind)] = "Soort",
        [nameof(Name)] = "Naam",
        [nameof(OrganisationName)] = "Organisatie uit het register",
        [nameof(Interest)] = "Belang en inbreng",
        [nameof(Contact)] = "Contact",
    };

    /// <summary>The row version this edit started from; 0 for a new entry.</summary>
    public uint Version { get; set; }

    public StakeholderKind? Kind { get; set; }

    public string Name { get; set; } = string.Empty;

    public Guid? OrganisationId { get; set; }

    /// <summary>Only for showing a conflict: the register name of <see cref="OrganisationId"/>.</summary>
    public string? OrganisationName { get; set; }

    public string Interest { get; set; } = string.Empty;

    public string Contact { get; set; } = string.Empty;

    public StakeholderDetails ToDetails() =>
        new(Kind!.Value, Name, OrganisationId is { } id ? new OrganisationId(id) : null, Interest, Contact);

    public static StakeholderEditModel From(StakeholderView stakeholder)
    {
        ArgumentNullException.ThrowIfNull(stakeholder);
        return new()
        {
            Version = stakeholder.Version,
            Kind = stakeholder.Kind,
            Name = stakeholder.Name,
            OrganisationId = stakeholder.OrganisationId,
            OrganisationName = stakeholder.OrganisationName,
            Interest = stakeholder.Interest,
            Contact = stakeholder.Contact,
        };
    }
}

public sealed class StakeholderEditModelValidator : AbstractValidator<StakeholderEditModel>
{
    public StakeholderEditModelValidator()
    {
        RuleFor(model => model.Kind).NotNull().WithMessage("Kies het soort belanghebbende.").IsInEnum().WithMessage("Kies het soort belanghebbende.");
        RuleFor(model => model.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Vul de naam in.")
            .MaximumLength(Stakeholder.NameMaxLength).WithMessage($"Hoogstens {Stakeholder.NameMaxLength} tekens.");
        RuleFor(model => model.Interest)
            .MaximumLength(Stakeholder.TextMaxLength).WithMessage($"Hoogstens {Stakeholder.TextMaxLength} tekens.");
        RuleFor(model => model.Contact)
            .MaximumLength(Stakeholder.ContactMaxLength).WithMessage($"Hoogstens {Stakeholder.ContactMaxLength} tekens.");
    }
}

/// <summary>One policy line of the policy inventory (§4.3) as its form holds it.</summary>
public sealed class PolicyLineEditModel
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Title)] = "Beleid",
        [nameof(Kind)] = "Soort beleid",
        [nameof(Scale)] = "Schaal",
        [nameof(FromYear)] = "Vanaf jaar",
        [nameof(UntilYear)] = "Tot en met jaar",
        [nameof(Owner)] = "Eigenaar",
        [nameof(OutcomeSoFar)] = "Opbrengst tot nu toe",
    };

    /// <summary>The row version this edit started from; 0 for a new entry.</summary>
    public uint Version { get; set; }

    public string Title { get; set; } = string.Empty;

    public PolicyKind? Kind { get; set; }

    public PolicyScale? Scale { get; set; }

    public int? FromYear { get; set; }

    public int? UntilYear { get; set; }

    public string Owner { get; set; } = string.Empty;

    public string OutcomeSoFar { get; set; } = string.Empty;

    public PolicyLineDetails ToDetails() => new(Title, Kind!.Value, Scale!.Value, FromYear!.Value, UntilYear, Owner, OutcomeSoFar);

    public static PolicyLineEditModel From(PolicyLineView line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new()
        {
            Version = line.Version,
            Title = line.Title,
            Kind = line.Kind,
            Scale = line.Scale,
            FromYear = line.FromYear,
            UntilYear = line.UntilYear,
            Owner = line.Owner,
            OutcomeSoFar = line.OutcomeSoFar,
        };
    }
}

public sealed class PolicyLineEditModelValidator : AbstractValidator<PolicyLineEditModel>
{
    private static readonly string YearRange = $"Vul een jaar tussen {PolicyLine.EarliestYear} en {PolicyLine.LatestYear} in.";

    public PolicyLineEditModelValidator()
    {
        RuleFor(model => model.Title)
            .Must(title => !string.IsNullOrWhiteSpace(title)).WithMessage("Vul de naam van het beleid in.")
            .MaximumLength(PolicyLine.TitleMaxLength).WithMessage($"Hoogstens {PolicyLine.TitleMaxLength} tekens.");
        RuleFor(model => model.Kind).NotNull().WithMessage("Kies het soort beleid.").IsInEnum().WithMessage("Kies het soort beleid.");
        RuleFor(model => model.Scale).NotNull().WithMessage("Kies de schaal.").IsInEnum().WithMessage("Kies de schaal.");
        RuleFor(model => model.FromYear)
            .NotNull().WithMessage("Vul het jaar in waarin het beleid begon.")
            .InclusiveBetween(PolicyLine.EarliestYear, PolicyLine.LatestYear).WithMessage(YearRange);
        RuleFor(model => model.UntilYear)
            .InclusiveBetween(PolicyLine.EarliestYear, PolicyLine.LatestYear).WithMessage(YearRange)
            .Must((model, until) => model.FromYear is null || until >= model.FromYear).WithMessage("Het eindjaar ligt vóór het beginjaar.")
            .When(model => model.UntilYear is not null);
        RuleFor(model => model.Owner)
            .MaximumLength(PolicyLine.OwnerMaxLength).WithMessage($"Hoogstens {PolicyLine.OwnerMaxLength} tekens.");
        RuleFor(model => model.OutcomeSoFar)
            .MaximumLength(PolicyLine.OutcomeMaxLength).WithMessage($"Hoogstens {PolicyLine.OutcomeMaxLength} tekens.");
    }
}
