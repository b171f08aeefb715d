using FluentValidation;
using Wijkaanpak.Domain.Vision;

namespace Wijkaanpak.Web.Features.Vision;

/// <summary>
/// A form that changes the vision carries the vision's row version it was opened on (0 while the
/// programme has no vision yet), so that a change made meanwhile is reported instead of overwritten.
/// </summary>
public interface IVisionEdit
{
    uint Version { get; set; }
}

/// <summary>The mission: where the area should be at the end of the programme.</summary>
public sealed class MissionEditModel : IVisionEdit
{
    /// <summary>The form's labels, for the differences shown after a conflict.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Mission)] = "Missie",
    };

    public uint Version { get; set; }

    public string Mission { get; set; } = string.Empty;
}

public sealed class MissionEditModelValidator : AbstractValidator<MissionEditModel>
{
    public MissionEditModelValidator() =>
        RuleFor(model => model.Mission)
            .MaximumLength(VisionStatement.MissionMaxLength).WithMessage($"Hoogstens {VisionStatement.MissionMaxLength} tekens.");
}

/// <summary>An ambition or, with a parent, a sub-ambition; the parent is fixed once it exists.</summary>
public sealed class AmbitionEditModel : IVisionEdit
{
    /// <summary>The form's labels, for the differences shown after a conflict.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Title)] = "Ambitie",
        [nameof(ParentId)] = "Onder ambitie",
        [nameof(Description)] = "Toelichting",
        [nameof(OpgaveIds)] = "Opgaven",
    };

    public uint Version { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public Guid? ParentId { get; set; }

    public IReadOnlyCollection<Guid> OpgaveIds { get; set; } = new HashSet<Guid>();

    public static AmbitionEditModel Of(AmbitionView ambition, uint version)
    {
        ArgumentNullException.ThrowIfNull(ambition);
        return new()
        {
            Version = version,
            Title = ambition.Title,
            Description = ambition.Description,
            ParentId = ambition.ParentId,
            OpgaveIds = ambition.Opgaven.Select(opgave => opgave.Id).ToHashSet(),
        };
    }
}

public sealed class AmbitionEditModelValidator : AbstractValidator<AmbitionEditModel>
{
    public AmbitionEditModelValidator()
    {
        RuleFor(model => model.Title)
            .Must(title => !string.IsNullOrWhiteSpace(title)).WithMessage("Beschrijf de ambitie in een paar woorden.")
            .MaximumLength(Ambition.TitleMaxLength).WithMessage($"Hoogstens {Ambition.TitleMaxLength} tekens.");
        RuleFor(model => model.Description)
            .MaximumLength(Ambition.DescriptionMaxLength).WithMessage($"Hoogstens {Ambition.DescriptionMaxLength} tekens.");
    }
}

/// <summary>A concrete goal under an ambition with the indicators that show whether it is reached.</summary>
public sealed class GoalEditModel : IVisionEdit
{
    public uint Version { get; set; }

    public Guid? AmbitionId { get; set; }

    public string Text { get; set; } = string.Empty;

    public IReadOnlyCollection<Guid> IndicatorIds { get; set; } = new HashSet<Guid>();
}

public sealed class GoalEditModelValidator : AbstractValidator<GoalEditModel>
{
    public GoalEditModelValidator()
    {
        RuleFor(model => model.AmbitionId).NotNull().WithMessage("Kies de ambitie waar dit doel onder valt.");
        RuleFor(model => model.Text)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Beschrijf het doel.")
            .MaximumLength(Goal.TextMaxLength).WithMessage($"Hoogstens {Goal.TextMaxLength} tekens.");
    }
}

/// <summary>An issue in the area: its domain, what it is, and the indicators whose figures show it.</summary>
public sealed class OpgaveEditModel
{
    /// <summary>The form's labels, for the differences shown after a conflict.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Title)] = "Opgave",
        [nameof(Domain)] = "Domein",
        [nameof(Description)] = "Toelichting",
        [nameof(IndicatorIds)] = "Indicatoren",
    };

    public uint Version { get; set; }

    public OpgaveDomain? Domain { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public IReadOnlyCollection<Guid> IndicatorIds { get; set; } = new HashSet<Guid>();

    public static OpgaveEditModel Of(OpgaveView opgave)
    {
        ArgumentNullException.ThrowIfNull(opgave);
        return new()
        {
            Version = opgave.Version,
            Domain = opgave.Domain,
            Title = opgave.Title,
            Description = opgave.Description,
            IndicatorIds = opgave.Indicators.Select(indicator => indicator.Id).ToHashSet(),
        };
    }
}

public sealed class OpgaveEditModelValidator : AbstractValidator<OpgaveEditModel>
{
    public OpgaveEditModelValidator()
    {
        RuleFor(model => model.Domain).NotNull().WithMessage("Kies het domein van de opgave.").IsInEnum().WithMessage("Kies het domein van de opgave.");
        RuleFor(model => model.Title)
            .Must(title => !string.IsNullOrWhiteSpace(title)).WithMessage("Geef de opgave een naam.")
            .MaximumLength(Opgave.TitleMaxLength).WithMessage($"Hoogstens {Opgave.TitleMaxLength} tekens.");
        RuleFor(model => model.Description)
            .MaximumLength(Opgave.DescriptionMaxLength).WithMessage($"Hoogstens {Opgave.DescriptionMaxLength} tekens.");
    }
}

/// <summary>A story behind an opgave (vertellen): who told it, when, how it was gathered, and what it means.</summary>
public sealed class StoryEditModel
{
    /// <summary>The version of the opgave the story is added to.</summary>
    public uint Version { get; set; }

    public string Teller { get; set; } = string.Empty;

    public DateTime? ToldOn { get; set; }

    public StoryMethod? Method { get; set; }

    public string Text { get; set; } = string.Empty;

    public string Interpretation { get; set; } = string.Empty;

    /// <summary>Only called after validation passed: every nullable field it reads has a value then.</summary>
    public StoryInput ToInput() => new(Teller, DateOnly.FromDateTime(ToldOn!.Value), Method!.Value, Text, Interpretation);
}

public sealed class StoryEditModelValidator : AbstractValidator<StoryEditModel>
{
    public StoryEditModelValidator(TimeProvider clock)
    {
        RuleFor(model => model.Teller)
            .Must(teller => !string.IsNullOrWhiteSpace(teller)).WithMessage("Vul in wie het vertelde, bijvoorbeeld \"bewoner, moeder van drie\".")
            .MaximumLength(Story.TellerMaxLength).WithMessage($"Hoogstens {Story.TellerMaxLength} tekens.");
        RuleFor(model => model.ToldOn)
            .NotNull().WithMessage("Vul in wanneer het verhaal is verteld.")
            .Must(date => date is null || DateOnly.FromDateTime(date.Value) <= Shared.DutchTime.TodayInNetherlands(clock))
            .WithMessage("Een verhaal is al verteld: de datum ligt niet in de toekomst.");
        RuleFor(model => model.Method).NotNull().WithMessage("Kies hoe het verhaal is opgehaald.").IsInEnum().WithMessage("Kies hoe het verhaal is opgehaald.");
        RuleFor(model => model.Text)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Schrijf het verhaal op.")
            .MaximumLength(Story.TextMaxLength).WithMessage($"Hoogstens {Story.TextMaxLength} tekens.");
        RuleFor(model => model.Interpretation)
            .MaximumLength(Story.TextMaxLength).WithMessage($"Hoogstens {Story.TextMaxLength} tekens.");
    }
}
