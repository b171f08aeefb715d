using FluentValidation;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Decisions;

/// <summary>
/// A form that changes a programme carries the programme's row version it was opened with, so that
/// a change made meanwhile by someone else is reported instead of overwritten.
/// </summary>
public interface IProgrammeEdit
{
    uint ProgrammeVersion { get; set; }
}

/// <summary>One organisation's weighing of the five go/no-go questions (§4.6).</summary>
public sealed class WeighingEditModel : IProgrammeEdit
{
    public uint ProgrammeVersion { get; set; }

    public Guid? OrganisationId { get; set; }

    public Dictionary<GoNoGoQuestion, ConsiderationEditModel> Considerations { get; set; } =
        Enum.GetValues<GoNoGoQuestion>().ToDictionary(question => question, _ => new ConsiderationEditModel());
}

public sealed class ConsiderationEditModel
{
    public AnswerStatus? Answer { get; set; }

    public string Explanation { get; set; } = string.Empty;
}

public sealed class WeighingEditModelValidator : AbstractValidator<WeighingEditModel>
{
    public WeighingEditModelValidator()
    {
        RuleFor(model => model.OrganisationId).NotNull().WithMessage("Kies de organisatie die deze afweging maakt.");
        RuleFor(model => model.Considerations)
            .Must(considerations => Enum.GetValues<GoNoGoQuestion>().All(question => considerations.TryGetValue(question, out var answer) && answer.Answer is not null))
            .WithMessage("Beantwoord alle vijf vragen.");
        RuleFor(model => model.Considerations)
            .Must(considerations => considerations.Values.All(answer => (answer.Explanation?.Length ?? 0) <= GoNoGoConsideration.ExplanationMaxLength))
            .WithMessage($"Een toelichting heeft hoogstens {GoNoGoConsideration.ExplanationMaxLength} tekens.");
    }
}

/// <summary>The go/no-go decision as the form holds it.</summary>
public sealed class GoNoGoEditModel : IProgrammeEdit
{
    public uint ProgrammeVersion { get; set; }

    public GoNoGoOutcome? Outcome { get; set; }

    public DateTime? DecidedOn { get; set; }

    public string DecidedBy { get; set; } = string.Empty;

    public string Rationale { get; set; } = string.Empty;

    public string NextSteps { get; set; } = string.Empty;

    public IReadOnlyCollection<AlternativeMeasures> AlternativeMeasures { get; set; } = new HashSet<AlternativeMeasures>();

    public string OtherMeasureDescription { get; set; } = string.Empty;

    public string WatchArrangement { get; set; } = string.Empty;

    public string IncompleteChecklistsReason { get; set; } = string.Empty;

    /// <summary>With a go: start Opstarten straight away (a separate phase move, logged as its own decision).</summary>
    public bool StartOpstarten { get; set; } = true;

    /// <summary>Only for a correction of a taken decision: why the earlier one is replaced.</summary>
    public string CorrectionReason { get; set; } = string.Empty;

    public GoNoGoDecisionInput ToInput() => new(
        Outcome!.Value,
        DateOnly.FromDateTime(DecidedOn!.Value),
        DecidedBy,
        Rationale,
        NextSteps,
        AlternativeMeasures.Aggregate(Domain.Decisions.AlternativeMeasures.None, (all, measure) => all | measure),
        OtherMeasureDescription,
        WatchArrangement,
        IncompleteChecklistsReason);
}

public sealed class GoNoGoEditModelValidator : AbstractValidator<GoNoGoEditModel>
{
    public GoNoGoEditModelValidator()
    {
        RuleFor(model => model.Outcome).NotNull().WithMessage("Kies go of no go.");
        RuleFor(model => model.DecidedOn).NotNull().WithMessage("Vul de datum van het besluit in.");
        RuleFor(model => model.DecidedBy)
            .Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Vul in welk orgaan het besluit nam, bijvoorbeeld het college of het alliantiebestuur.")
            .MaximumLength(Decision.DecidedByMaxLength).WithMessage($"Hoogstens {Decision.DecidedByMaxLength} tekens.");
        RuleFor(model => model.Rationale)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Leg uit waarom dit besluit is genomen.")
            .MaximumLength(Decision.RationaleMaxLength).WithMessage($"Hoogstens {Decision.RationaleMaxLength} tekens.");
        RuleFor(model => model.NextSteps)
            .Must(text => !string.IsNullOrWhiteSpace(text)).When(model => model.Outcome == GoNoGoOutcome.Go)
            .WithMessage("Beschrijf de volgende stappen: alliantie vormen, visie, uitvoeringsplan en middelen.");
        RuleFor(model => model.AlternativeMeasures)
            .Must(measures => measures.Count > 0).When(model => model.Outcome == GoNoGoOutcome.NoGo)
            .WithMessage("Kies wat er in plaats van een wijkaanpak gebeurt; niets extra doen is zelden een optie.");
        RuleFor(model => model.OtherMeasureDescription)
            .Must(text => !string.IsNullOrWhiteSpace(text))
            .When(model => model.Outcome == GoNoGoOutcome.NoGo && model.AlternativeMeasures.Contains(Domain.Decisions.AlternativeMeasures.Other))
            .WithMessage("Beschrijf de andere maatregel.");
        RuleFor(model => model.WatchArrangement)
            .Must(text => !string.IsNullOrWhiteSpace(text)).When(model => model.Outcome == GoNoGoOutcome.NoGo)
            .WithMessage("Beschrijf hoe de wijk in beeld blijft.");
    }
}

/// <summary>A move to another phase, forward or back, with its reason (§3.2).</summary>
public sealed class PhaseMoveEditModel : IProgrammeEdit
{
    public uint ProgrammeVersion { get; set; }

    public Phase? To { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTime? DecidedOn { get; set; }

    public string DecidedBy { get; set; } = string.Empty;
}

public sealed class PhaseMoveEditModelValidator : AbstractValidator<PhaseMoveEditModel>
{
    public PhaseMoveEditModelValidator()
    {
        RuleFor(model => model.To).NotNull().WithMessage("Kies de fase.");
        RuleFor(model => model.Reason)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Geef de reden voor deze stap.")
            .MaximumLength(Programme.PhaseMoveReasonMaxLength).WithMessage($"Hoogstens {Programme.PhaseMoveReasonMaxLength} tekens.");
        RuleFor(model => model.DecidedOn).NotNull().WithMessage("Vul de datum in.");
        RuleFor(model => model.DecidedBy)
            .Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Vul in wie dit besloot.")
            .MaximumLength(Decision.DecidedByMaxLength).WithMessage($"Hoogstens {Decision.DecidedByMaxLength} tekens.");
    }
}

/// <summary>Any other decision of the alliance board for the besluitenlijst.</summary>
public sealed class DecisionEditModel : IProgrammeEdit
{
    public uint ProgrammeVersion { get; set; }

    public string Title { get; set; } = string.Empty;

    public DateTime? DecidedOn { get; set; }

    public string DecidedBy { get; set; } = string.Empty;

    public string Rationale { get; set; } = string.Empty;

    public IReadOnlyCollection<string> BuildingBlockCodes { get; set; } = new HashSet<string>();
}

public sealed class DecisionEditModelValidator : AbstractValidator<DecisionEditModel>
{
    public DecisionEditModelValidator()
    {
        RuleFor(model => model.Title)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Geef het besluit een titel.")
            .MaximumLength(Decision.TitleMaxLength).WithMessage($"Hoogstens {Decision.TitleMaxLength} tekens.");
        RuleFor(model => model.DecidedOn).NotNull().WithMessage("Vul de datum van het besluit in.");
        RuleFor(model => model.DecidedBy)
            .Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Vul in welk orgaan het besluit nam.")
            .MaximumLength(Decision.DecidedByMaxLength).WithMessage($"Hoogstens {Decision.DecidedByMaxLength} tekens.");
        RuleFor(model => model.Rationale)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Leg uit wat er is besloten en waarom.")
            .MaximumLength(Decision.RationaleMaxLength).WithMessage($"Hoogstens {Decision.RationaleMaxLength} tekens.");
    }
}

/// <summary>A herijking (§8.2): the next cycle, re-opening chosen building blocks of Opstarten and Ontwerpen.</summary>
public sealed class HerijkingEditModel : IProgrammeEdit
{
    public uint ProgrammeVersion { get; set; }

    public string Reason { get; set; } = string.Empty;

    public IReadOnlyCollection<string> ReopenedBuildingBlockCodes { get; set; } = new HashSet<string>();

    public DateTime? DecidedOn { get; set; }

    public string DecidedBy { get; set; } = string.Empty;

    /// <summary>The earlier decision this herijking reconsiders, if any (e.g. the go decision).</summary>
    public Guid? RevisitsDecisionId { get; set; }
}

public sealed class HerijkingEditModelValidator : AbstractValidator<HerijkingEditModel>
{
    public HerijkingEditModelValidator()
    {
        RuleFor(model => model.Reason)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Geef de reden voor de herijking.")
            .MaximumLength(Programme.PhaseMoveReasonMaxLength).WithMessage($"Hoogstens {Programme.PhaseMoveReasonMaxLength} tekens.");
        RuleFor(model => model.ReopenedBuildingBlockCodes)
            .Must(codes => codes.Count > 0).WithMessage("Kies ten minste één bouwsteen van Opstarten of Ontwerpen die opnieuw opengaat.");
        RuleFor(model => model.DecidedOn).NotNull().WithMessage("Vul de datum in.");
        RuleFor(model => model.DecidedBy)
            .Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Vul in wie tot de herijking besloot.")
            .MaximumLength(Decision.DecidedByMaxLength).WithMessage($"Hoogstens {Decision.DecidedByMaxLength} tekens.");
    }
}

/// <summary>A correction of a taken go/no-go decision: the same rules, plus the reason for correcting.</summary>
public sealed class GoNoGoCorrectionValidator : AbstractValidator<GoNoGoEditModel>
{
    public GoNoGoCorrectionValidator()
    {
        Include(new GoNoGoEditModelValidator());
        RuleFor(model => model.CorrectionReason)
            .Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage("Geef de reden van de correctie.")
            .MaximumLength(Decision.CorrectionReasonMaxLength).WithMessage($"Hoogstens {Decision.CorrectionReasonMaxLength} tekens.");
    }
}
