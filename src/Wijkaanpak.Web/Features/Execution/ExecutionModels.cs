using FluentValidation;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Web.Features.Execution;

/// <summary>A new execution period (uitvoeringsprogramma) of three to four years.</summary>
public sealed class PeriodEditModel
{
    public string Name { get; set; } = string.Empty;

    public DateTime? From { get; set; }

    public DateTime? Until { get; set; }
}

public sealed class PeriodEditModelValidator : AbstractValidator<PeriodEditModel>
{
    public PeriodEditModelValidator()
    {
        RuleFor(model => model.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Geef het uitvoeringsprogramma een naam.")
            .MaximumLength(ExecutionPeriod.NameMaxLength).WithMessage($"Hoogstens {ExecutionPeriod.NameMaxLength} tekens.");
        RuleFor(model => model.From).NotNull().WithMessage("Vul de begindatum in.");
        RuleFor(model => model.Until).NotNull().WithMessage("Vul de einddatum in.")
            .Must((model, until) => until is null || model.From is null || until.Value.Date > model.From.Value.Date)
            .WithMessage("De einddatum ligt na de begindatum.");
    }
}

/// <summary>An intervention as the plan/change form holds it; <see cref="Version"/> is the row version it was opened on.</summary>
public sealed class InterventionEditModel
{
    /// <summary>The form's labels, for the differences shown after a conflict.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Title)] = "Naam",
        [nameof(Kind)] = "Soort",
        [nameof(Budget)] = "Budget (€)",
        [nameof(AmbitionIds)] = "Ambities",
        [nameof(OwnerOrganisationIds)] = "Eigenaren",
        [nameof(IndicatorIds)] = "Indicatoren",
        [nameof(StartDate)] = "Startdatum",
        [nameof(EndDate)] = "Einddatum",
        [nameof(Description)] = "Omschrijving",
    };

    public uint Version { get; set; }

    public Guid? PeriodId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public InterventionKind? Kind { get; set; }

    // MudSelect's multi-selection binds an IReadOnlyCollection.
    public IReadOnlyCollection<Guid> OwnerOrganisationIds { get; set; } = new HashSet<Guid>();

    public IReadOnlyCollection<Guid> AmbitionIds { get; set; } = new HashSet<Guid>();

    public IReadOnlyCollection<Guid> IndicatorIds { get; set; } = new HashSet<Guid>();

    public decimal? Budget { get; set; }

    public DateTime? StartDate { get; set; }

    public DateTime? EndDate { get; set; }

    /// <summary>Only called after validation passed; the ambitions are passed as given, so the domain's own rule guards them too.</summary>
    public InterventionDetails ToDetails() => new(
        Title,
        Description,
        Kind!.Value,
        OwnerOrganisationIds.Select(id => new OrganisationId(id)).ToList(),
        AmbitionIds.ToList(),
        IndicatorIds.Select(id => new IndicatorId(id)).ToList(),
        Budget ?? 0m,
        DateOnly.FromDateTime(StartDate!.Value),
        EndDate is { } end ? DateOnly.FromDateTime(end) : null);

    public static InterventionEditModel Of(InterventionView intervention)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        return new()
        {
            Version = intervention.Version,
            PeriodId = intervention.PeriodId,
            Title = intervention.Title,
            Description = intervention.Description,
            Kind = intervention.Kind,
            OwnerOrganisationIds = intervention.Owners.Select(owner => owner.Id).ToHashSet(),
            AmbitionIds = intervention.Ambitions.Select(ambition => ambition.Id).ToHashSet(),
            IndicatorIds = intervention.Indicators.Select(indicator => indicator.Id).ToHashSet(),
            Budget = intervention.Budget,
            StartDate = intervention.StartDate.ToDateTime(TimeOnly.MinValue),
            EndDate = intervention.EndDate?.ToDateTime(TimeOnly.MinValue),
        };
    }
}

public sealed class InterventionEditModelValidator : AbstractValidator<InterventionEditModel>
{
    public const string AmbitionRequired = "Kies ten minste één ambitie die deze interventie dient: elke inzet moet zeggen waarvoor hij is.";

    public InterventionEditModelValidator()
    {
        RuleFor(model => model.PeriodId).NotNull().WithMessage("Kies het uitvoeringsprogramma.");
        RuleFor(model => model.Title)
            .Must(title => !string.IsNullOrWhiteSpace(title)).WithMessage("Geef de interventie een naam.")
            .MaximumLength(Intervention.TitleMaxLength).WithMessage($"Hoogstens {Intervention.TitleMaxLength} tekens.");
        RuleFor(model => model.Description)
            .MaximumLength(Intervention.DescriptionMaxLength).WithMessage($"Hoogstens {Intervention.DescriptionMaxLength} tekens.");
        RuleFor(model => model.Kind).NotNull().WithMessage("Kies het soort interventie.").IsInEnum().WithMessage("Kies het soort interventie.");
        RuleFor(model => model.AmbitionIds).Must(ambitions => ambitions is { Count: > 0 }).WithMessage(AmbitionRequired);
        RuleFor(model => model.Budget)
            .NotNull().WithMessage("Vul het budget in (0 als er geen geld bij hoort).")
            .InclusiveBetween(0m, Intervention.MaxBudget).WithMessage("Het budget ligt tussen € 0 en € 1 miljard.")
            .Cents();
        RuleFor(model => model.StartDate).NotNull().WithMessage("Vul de startdatum in.")
            .Must(WithinPlanningWindow).WithMessage(PlanningWindowMessage);
        RuleFor(model => model.EndDate)
            .Must(WithinPlanningWindow).WithMessage(PlanningWindowMessage)
            .Must((model, end) => end is null || model.StartDate is null || end.Value.Date >= model.StartDate.Value.Date)
            .WithMessage("De einddatum ligt vóór de startdatum.");
    }

    private static readonly string PlanningWindowMessage =
        $"Vul een datum in tussen {Programme.EarliestStartDate.Year} en {Intervention.LatestYear}.";

    /// <summary>A date of 1800 or 2999 is a typing error, not a plan; it was stored as typed.</summary>
    private static bool WithinPlanningWindow(DateTime? date) =>
        date is not { } day || (DateOnly.FromDateTime(day) >= Programme.EarliestStartDate && day.Year <= Intervention.LatestYear);
}

/// <summary>A status change: to what, why and on which day.</summary>
public sealed class StatusChangeEditModel
{
    public uint Version { get; set; }

    public InterventionStatus? To { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTime? On { get; set; }
}

public sealed class StatusChangeEditModelValidator : AbstractValidator<StatusChangeEditModel>
{
    public StatusChangeEditModelValidator()
    {
        RuleFor(model => model.To).NotNull().WithMessage("Kies de nieuwe status.").IsInEnum().WithMessage("Kies de nieuwe status.");
        RuleFor(model => model.Reason)
            .Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage("Vul de reden van de statuswijziging in.")
            .MaximumLength(Intervention.ReasonMaxLength).WithMessage($"Hoogstens {Intervention.ReasonMaxLength} tekens.");
        RuleFor(model => model.On).NotNull().WithMessage("Vul de datum van de wijziging in.");
    }
}

/// <summary>One budget line as the form holds it.</summary>
public sealed class BudgetLineEditModel
{
    /// <summary>The form's labels, for the differences shown after a conflict.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Source)] = "Bron",
        [nameof(Scheme)] = "Regeling",
        [nameof(FunderId)] = "Financier",
        [nameof(Description)] = "Omschrijving",
        [nameof(IsAdditional)] = "Extra middelen",
        [nameof(Year)] = "Jaar",
        [nameof(Committed)] = "Toegezegd (€)",
        [nameof(Spent)] = "Uitgegeven (€)",
        [nameof(InterventionId)] = "Interventie",
    };

    public uint Version { get; set; }

    public FundingSource? Source { get; set; }

    public NationalScheme? Scheme { get; set; }

    public Guid? FunderId { get; set; }

    public string Description { get; set; } = string.Empty;

    public bool IsAdditional { get; set; }

    public int? Year { get; set; }

    public decimal? Committed { get; set; }

    public decimal? Spent { get; set; }

    /// <summary>Null: the programme bureau's own costs.</summary>
    public Guid? InterventionId { get; set; }

    public BudgetLineDetails ToDetails() => new(
        Source!.Value,
        Source == FundingSource.Rijk ? Scheme : null,
        FunderId is { } funder ? new OrganisationId(funder) : null,
        Description,
        IsAdditional,
        Year!.Value,
        Committed ?? 0m,
        Spent ?? 0m,
        InterventionId);

    public static BudgetLineEditModel Of(BudgetLineView line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new()
        {
            Version = line.Version,
            Source = line.Source,
            Scheme = line.Scheme,
            FunderId = line.FunderId,
            Description = line.Description,
            IsAdditional = line.IsAdditional,
            Year = line.Year,
            Committed = line.Committed,
            Spent = line.Spent,
            InterventionId = line.InterventionId,
        };
    }
}

public sealed class BudgetLineEditModelValidator : AbstractValidator<BudgetLineEditModel>
{
    public BudgetLineEditModelValidator()
    {
        RuleFor(model => model.Source).NotNull().WithMessage("Kies de bron van het geld.").IsInEnum().WithMessage("Kies de bron van het geld.");
        RuleFor(model => model.Scheme)
            .NotNull().When(model => model.Source == FundingSource.Rijk).WithMessage("Kies de regeling waarmee het Rijk bijdraagt.");
        RuleFor(model => model.Description)
            .MaximumLength(BudgetLine.DescriptionMaxLength).WithMessage($"Hoogstens {BudgetLine.DescriptionMaxLength} tekens.");
        RuleFor(model => model.Year)
            .NotNull().WithMessage("Vul het jaar in.")
            .InclusiveBetween(BudgetLine.EarliestYear, BudgetLine.LatestYear).WithMessage($"Vul een jaar tussen {BudgetLine.EarliestYear} en {BudgetLine.LatestYear} in.");
        RuleFor(model => model.Committed)
            .NotNull().WithMessage("Vul het toegezegde bedrag in.")
            .InclusiveBetween(0m, BudgetLine.MaxAmount).WithMessage("Bedragen liggen tussen € 0 en € 1 miljard.")
            .Cents();
        RuleFor(model => model.Spent)
            .NotNull().WithMessage("Vul het uitgegeven bedrag in (0 als er nog niets is uitgegeven).")
            .InclusiveBetween(0m, BudgetLine.MaxAmount).WithMessage("Bedragen liggen tussen € 0 en € 1 miljard.")
            .Cents();
    }
}
