using FluentValidation;
using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Process;

namespace Wijkaanpak.Web.Features.Checklists;

/// <summary>
/// A Beheerder's draft of the next version of a checklist template: the newest version's content to
/// start from, reworded, extended or with questions retired, and a note on why.
/// </summary>
public sealed class TemplateEditModel
{
    /// <summary>The version this draft starts from; if someone makes another version first, saving is a conflict.</summary>
    public int BasedOnVersion { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Purpose { get; set; } = string.Empty;

    public string ChangeNote { get; set; } = string.Empty;

    /// <summary>In the new order; retired questions stay in the list (marked) so the Beheerder can undo it.</summary>
    public List<QuestionEditModel> Questions { get; set; } = [];

    public IEnumerable<QuestionEditModel> KeptQuestions => Questions.Where(question => !question.Retired);

    public IReadOnlyList<QuestionDraft> ToDrafts() =>
        KeptQuestions.Select(question => new QuestionDraft(question.Key, question.Text, question.Help)).ToList();

    public static TemplateEditModel From(ChecklistTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new TemplateEditModel
        {
            BasedOnVersion = template.VersionNumber,
            Title = template.Title,
            Purpose = template.Purpose,
            Questions = template.Questions
                .Select(question => new QuestionEditModel { Key = question.Key, Text = question.Text, Help = question.Help, OriginalText = question.Text })
                .ToList(),
        };
    }
}

/// <summary>One question of a draft. <see cref="Key"/> is null for a new question; the template gives it a key.</summary>
public sealed class QuestionEditModel
{
    public string? Key { get; set; }

    public string Text { get; set; } = string.Empty;

    public string Help { get; set; } = string.Empty;

    /// <summary>The wording in the version the draft starts from; a different text is a rewording.</summary>
    public string? OriginalText { get; set; }

    public bool Retired { get; set; }

    public bool IsNew => Key is null;

    public bool IsReworded => !IsNew && !string.Equals(Text.Trim(), OriginalText, StringComparison.Ordinal);
}

public sealed class TemplateEditModelValidator : AbstractValidator<TemplateEditModel>
{
    public TemplateEditModelValidator(IValidator<QuestionEditModel> questionValidator)
    {
        RuleFor(model => model.Title)
            .Must(title => !string.IsNullOrWhiteSpace(title)).WithMessage("Vul de titel van de checklist in.")
            .MaximumLength(ChecklistTemplate.TitleMaxLength).WithMessage($"De titel mag hoogstens {ChecklistTemplate.TitleMaxLength} tekens hebben.");

        RuleFor(model => model.Purpose)
            .MaximumLength(ChecklistTemplate.PurposeMaxLength).WithMessage($"Het doel mag hoogstens {ChecklistTemplate.PurposeMaxLength} tekens hebben.");

        RuleFor(model => model.ChangeNote)
            .Must(note => !string.IsNullOrWhiteSpace(note)).WithMessage("Leg kort uit wat er verandert en waarom.")
            .MaximumLength(ChecklistTemplate.ChangeNoteMaxLength).WithMessage($"De toelichting mag hoogstens {ChecklistTemplate.ChangeNoteMaxLength} tekens hebben.");

        RuleFor(model => model.Questions)
            .Must(questions => questions.Any(question => !question.Retired)).WithMessage("Een checklist heeft ten minste één vraag.")
            .Must(questions => questions.Count(question => !question.Retired) <= ChecklistTemplate.MaxQuestions)
            .WithMessage($"Een checklist heeft hoogstens {ChecklistTemplate.MaxQuestions} vragen.");

        RuleForEach(model => model.Questions).Where(question => !question.Retired).SetValidator(questionValidator);
    }
}

public sealed class QuestionEditModelValidator : AbstractValidator<QuestionEditModel>
{
    public QuestionEditModelValidator()
    {
        RuleFor(question => question.Text)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Vul de vraag in.")
            .MaximumLength(ChecklistQuestion.TextMaxLength).WithMessage($"Een vraag mag hoogstens {ChecklistQuestion.TextMaxLength} tekens hebben.");

        RuleFor(question => question.Help)
            .MaximumLength(ChecklistQuestion.HelpMaxLength).WithMessage($"De hulptekst mag hoogstens {ChecklistQuestion.HelpMaxLength} tekens hebben.");
    }
}

public sealed record TemplateListItem(string BuildingBlockCode, BuildingBlock Block, string Title, string SourceSection, int NewestVersion, int QuestionCount, DateTimeOffset CreatedAt, string? CreatedBy);

/// <summary>A template's draft for its next version, with what the Beheerder should know while editing.</summary>
public sealed record TemplateDraft(BuildingBlock Block, string SourceSection, IReadOnlyList<TemplateVersionItem> Versions, TemplateEditModel Model);

public sealed record TemplateVersionItem(int VersionNumber, string ChangeNote, DateTimeOffset CreatedAt, string? CreatedBy, int QuestionCount, int ChecklistsUsingIt);
