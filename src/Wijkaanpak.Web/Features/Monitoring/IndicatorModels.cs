using FluentValidation;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Monitoring;

/// <summary>The definition of an indicator as its form holds it; baseline and target as separate year and value fields.</summary>
public sealed class IndicatorEditModel
{
    /// <summary>The Dutch field labels, as the form shows them; also used to describe an edit conflict.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Name)] = "Naam",
        [nameof(Kind)] = "Soort indicator",
        [nameof(Unit)] = "Eenheid",
        [nameof(Source)] = "Bron",
        [nameof(Definition)] = "Definitie",
        [nameof(AreaCode)] = "Gebied",
        [nameof(Direction)] = "Welke kant is beter",
        [nameof(BaselineYear)] = "Jaar nulmeting",
        [nameof(BaselineValue)] = "Waarde nulmeting",
        [nameof(TargetYear)] = "Doeljaar",
        [nameof(TargetValue)] = "Doelwaarde",
    };

    /// <summary>The row version this edit started from; 0 for a new indicator.</summary>
    public uint Version { get; set; }

    public string Name { get; set; } = string.Empty;

    public IndicatorKind? Kind { get; set; }

    public string Unit { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    public string Definition { get; set; } = string.Empty;

    public string AreaCode { get; set; } = string.Empty;

    public ImprovementDirection? Direction { get; set; }

    public int? BaselineYear { get; set; }

    public decimal? BaselineValue { get; set; }

    public int? TargetYear { get; set; }

    public decimal? TargetValue { get; set; }

    public IndicatorDetails ToDetails() => new(
        Name,
        Kind!.Value,
        Unit,
        Source,
        Definition,
        AreaCode,
        Direction!.Value,
        BaselineYear is { } baselineYear && BaselineValue is { } baselineValue ? new YearValue(baselineYear, baselineValue) : null,
        TargetYear is { } targetYear && TargetValue is { } targetValue ? new YearValue(targetYear, targetValue) : null);

    public static IndicatorEditModel From(IndicatorSummary indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new()
        {
            Version = indicator.Version,
            Name = indicator.Name,
            Kind = indicator.Kind,
            Unit = indicator.Unit,
            Source = indicator.Source,
            Definition = indicator.Definition,
            AreaCode = indicator.AreaCode,
            Direction = indicator.Direction,
            BaselineYear = indicator.Baseline?.Year,
            BaselineValue = indicator.Baseline?.Value,
            TargetYear = indicator.Target?.Year,
            TargetValue = indicator.Target?.Value,
        };
    }
}

public sealed class IndicatorEditModelValidator : AbstractValidator<IndicatorEditModel>
{
    private static readonly string YearRange = $"Vul een jaar tussen {Indicator.EarliestYear} en {Indicator.LatestYear} in.";

    public IndicatorEditModelValidator()
    {
        RuleFor(model => model.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Vul de naam van de indicator in.")
            .MaximumLength(Indicator.NameMaxLength).WithMessage($"Hoogstens {Indicator.NameMaxLength} tekens.");
        RuleFor(model => model.Kind).NotNull().WithMessage("Kies het soort indicator.").IsInEnum().WithMessage("Kies het soort indicator.");
        RuleFor(model => model.Unit).MaximumLength(Indicator.UnitMaxLength).WithMessage($"Hoogstens {Indicator.UnitMaxLength} tekens.");
        RuleFor(model => model.Source).MaximumLength(Indicator.SourceMaxLength).WithMessage($"Hoogstens {Indicator.SourceMaxLength} tekens.");
        RuleFor(model => model.Definition).MaximumLength(Indicator.DefinitionMaxLength).WithMessage($"Hoogstens {Indicator.DefinitionMaxLength} tekens.");
        RuleFor(model => model.AreaCode)
            .Must(code => Domain.Programmes.AreaCode.TryParse(code, out _)).WithMessage(Domain.Programmes.AreaCode.FormatDescription);
        RuleFor(model => model.Direction).NotNull().WithMessage("Kies welke kant beter is.").IsInEnum().WithMessage("Kies welke kant beter is.");

        // A baseline or target is a year with a value: half of one says nothing.
        RuleFor(model => model.BaselineYear)
            .NotNull().WithMessage("Vul ook het jaar van de nulmeting in.").When(model => model.BaselineValue is not null);
        RuleFor(model => model.BaselineYear)
            .InclusiveBetween(Indicator.EarliestYear, Indicator.LatestYear).WithMessage(YearRange).When(model => model.BaselineYear is not null);
        RuleFor(model => model.BaselineValue)
            .NotNull().WithMessage("Vul ook de waarde van de nulmeting in.").When(model => model.BaselineYear is not null);
        RuleFor(model => model.TargetYear)
            .NotNull().WithMessage("Vul ook het doeljaar in.").When(model => model.TargetValue is not null);
        RuleFor(model => model.TargetYear)
            .InclusiveBetween(Indicator.EarliestYear, Indicator.LatestYear).WithMessage(YearRange)
            .Must((model, target) => model.BaselineYear is null || target > model.BaselineYear).WithMessage("Het doel ligt in een later jaar dan de nulmeting.")
            .When(model => model.TargetYear is not null);
        RuleFor(model => model.TargetValue)
            .NotNull().WithMessage("Vul ook de doelwaarde in.").When(model => model.TargetYear is not null);
        RuleFor(model => model.BaselineValue).Must(Plausible).WithMessage("Deze waarde is te groot om een meting te zijn.");
        RuleFor(model => model.TargetValue).Must(Plausible).WithMessage("Deze waarde is te groot om een meting te zijn.");
    }

    internal static bool Plausible(decimal? value) => value is null || Math.Abs(value.Value) <= Measurement.MaxMagnitude;
}

/// <summary>A value typed in by hand for one area and year.</summary>
public sealed class MeasurementEditModel
{
    /// <summary>What a value typed in is recorded as coming from.</summary>
    public const string ManualSource = "handmatig";

    public string AreaCode { get; set; } = string.Empty;

    public int? Year { get; set; }

    public decimal? Value { get; set; }

    public MeasurementInput ToInput(string? sourceColumn) => new(AreaCode, Year!.Value, Value!.Value, ManualSource, sourceColumn);
}

public sealed class MeasurementEditModelValidator : AbstractValidator<MeasurementEditModel>
{
    public MeasurementEditModelValidator()
    {
        RuleFor(model => model.AreaCode)
            .Must(code => AreaCode.TryParse(code, out _)).WithMessage(AreaCode.FormatDescription);
        RuleFor(model => model.Year)
            .NotNull().WithMessage("Vul het jaar van de meting in.")
            .InclusiveBetween(Indicator.EarliestYear, Indicator.LatestYear).WithMessage($"Vul een jaar tussen {Indicator.EarliestYear} en {Indicator.LatestYear} in.");
        RuleFor(model => model.Value)
            .NotNull().WithMessage("Vul de gemeten waarde in.")
            .Must(IndicatorEditModelValidator.Plausible).WithMessage("Deze waarde is te groot om een meting te zijn.");
    }
}

/// <summary>The interpretation (duiding) of one year's figures; carries the indicator's version, as it is stored with it.</summary>
public sealed class InterpretationEditModel
{
    /// <summary>The form's labels, for the differences shown after a conflict.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Year)] = "Jaar",
        [nameof(Text)] = "Duiding",
    };

    public uint Version { get; set; }

    public int? Year { get; set; }

    public string Text { get; set; } = string.Empty;
}

public sealed class InterpretationEditModelValidator : AbstractValidator<InterpretationEditModel>
{
    public InterpretationEditModelValidator()
    {
        RuleFor(model => model.Year)
            .NotNull().WithMessage("Vul het jaar in waar de duiding over gaat.")
            .InclusiveBetween(Indicator.EarliestYear, Indicator.LatestYear).WithMessage($"Vul een jaar tussen {Indicator.EarliestYear} en {Indicator.LatestYear} in.");
        RuleFor(model => model.Text)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Schrijf de duiding.")
            .MaximumLength(Indicator.InterpretationMaxLength).WithMessage($"Hoogstens {Indicator.InterpretationMaxLength} tekens.");
    }
}
