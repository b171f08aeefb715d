using FluentValidation;
using Wijkaanpak.Domain.Reports;

namespace Wijkaanpak.Web.Features.Reports;

/// <summary>One narrative section as the form edits it, with the report version it was opened on (0: no report stored yet).</summary>
public sealed class SectionEditModel
{
    /// <summary>The form's labels, for the differences shown after a conflict.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Text)] = "Tekst",
    };

    public NarrativeSection Section { get; set; } = NarrativeSection.Samenvatting;

    public string Text { get; set; } = string.Empty;

    public uint Version { get; set; }
}

public sealed class SectionEditModelValidator : AbstractValidator<SectionEditModel>
{
    public SectionEditModelValidator()
    {
        RuleFor(model => model.Section).IsInEnum().WithMessage("Kies een onderdeel van de rapportage.");
        RuleFor(model => model.Text)
            .MaximumLength(ProgressReport.SectionMaxLength).WithMessage($"Hoogstens {ProgressReport.SectionMaxLength} tekens.");
    }
}

/// <summary>The board's adoption: the date of its decision, on the report version shown.</summary>
public sealed class AdoptionEditModel
{
    public DateTime? AdoptedOn { get; set; }

    public uint Version { get; set; }
}

public sealed class AdoptionEditModelValidator : AbstractValidator<AdoptionEditModel>
{
    public AdoptionEditModelValidator(TimeProvider clock)
    {
        RuleFor(model => model.AdoptedOn)
            .NotNull().WithMessage("Vul de datum in waarop het bestuur de rapportage heeft vastgesteld.")
            .Must(date => date is null || DateOnly.FromDateTime(date.Value) <= Shared.DutchTime.TodayInNetherlands(clock))
            .WithMessage("De datum van vaststelling ligt niet in de toekomst.");
    }
}

public enum ReportFormat
{
    Docx,
    Pdf,
}
