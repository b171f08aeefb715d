using System.Globalization;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Process;

namespace Wijkaanpak.Domain.Checklists;

/// <summary>
/// One version of the checklist ("Vragen en gesprekspunten") of one building block. A version never
/// changes once created: programmes' answers point at the version they answered, so rewording a
/// question in place would silently change what an answer was an answer to. A Beheerder edits a
/// checklist by creating the next version (<see cref="CreateNextVersion"/>), which adds, rewords,
/// reorders and retires questions. Not editable, so it has no concurrency token; two Beheerders
/// creating the same version number at once are stopped by a unique index on (block, version).
/// </summary>
public sealed class ChecklistTemplate
{
    public const int TitleMaxLength = 200;
    public const int PurposeMaxLength = 1000;
    public const int SourceSectionMaxLength = 50;
    public const int ChangeNoteMaxLength = 1000;
    public const int MaxQuestions = 30;
    public const string FirstVersionNote = "Eerste versie";

    private readonly List<ChecklistQuestion> _questions = [];

    private ChecklistTemplate()
    {
        BuildingBlockCode = string.Empty;
        Title = string.Empty;
        Purpose = string.Empty;
        SourceSection = string.Empty;
        ChangeNote = string.Empty;
    }

    public ChecklistTemplateId Id { get; private set; }

    /// <summary>The building block this checklist belongs to, e.g. "4.1" or "5.4-5.5".</summary>
    public string BuildingBlockCode { get; private set; }

    /// <summary>1 for the seeded version; each new version of the same block adds one.</summary>
    public int VersionNumber { get; private set; }

    public string Title { get; private set; }

    public string Purpose { get; private set; }

    /// <summary>The handbook section the questions are based on, e.g. "§4.1".</summary>
    public string SourceSection { get; private set; }

    /// <summary>Why this version was made; shown to staff deciding whether to move to it.</summary>
    public string ChangeNote { get; private set; }

    /// <summary>In question order.</summary>
    public IReadOnlyList<ChecklistQuestion> Questions => _questions.OrderBy(question => question.Position).ToList();

    /// <summary>
    /// The highest number handed out in a generated key ("4.1-07") in this version or an earlier
    /// one. Carried forward so that a retired question's key is never given to a new question:
    /// an answer to the old question must not reappear as the answer to a different one.
    /// </summary>
    public int LastQuestionNumber { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Null for the version seeded with the application.</summary>
    public UserRef? CreatedBy { get; private set; }

    public BuildingBlock BuildingBlock => ProcessModel.BuildingBlocks.Single(block => block.Code == BuildingBlockCode);

    public ChecklistQuestion? Question(string key) => _questions.SingleOrDefault(question => question.Key == key);

    /// <summary>
    /// The first version of a building block's checklist from plain values, as the seed file
    /// holds them. Questions without a key get the next free one ("4.1-05").
    /// </summary>
    public static ChecklistTemplate CreateFirstVersion(
        string buildingBlockCode,
        string title,
        string purpose,
        string sourceSection,
        IEnumerable<QuestionDraft> questions,
        DateTimeOffset now,
        UserRef? createdBy = null)
    {
        var block = ProcessModel.BuildingBlocks.SingleOrDefault(candidate => candidate.Code == buildingBlockCode?.Trim());
        if (block is null || !block.HasChecklist)
        {
            throw new DomainRuleException(
                "TemplateNeedsBuildingBlockWithChecklist",
                $"'{buildingBlockCode}' is geen bouwsteen van het procesmodel met een checklist.");
        }

        var template = new ChecklistTemplate
        {
            Id = ChecklistTemplateId.New(),
            BuildingBlockCode = block.Code,
            VersionNumber = 1,
            SourceSection = Guard.RequiredText(sourceSection, SourceSectionMaxLength, "TemplateSourceSectionRequired", "De bron (paragraaf)"),
            ChangeNote = FirstVersionNote,
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        template.SetContent(title, purpose, questions, previous: null);
        return template;
    }

    /// <summary>
    /// The next version, made by a Beheerder. <paramref name="questions"/> is the complete new list
    /// in order: a draft with a key of this version keeps that question (reworded if its text
    /// differs), a draft without a key adds a question, and a question of this version that is not
    /// listed is retired. This version itself stays as it is.
    /// </summary>
    public ChecklistTemplate CreateNextVersion(
        string title,
        string purpose,
        IEnumerable<QuestionDraft> questions,
        string changeNote,
        UserRef createdBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(createdBy);

        var next = new ChecklistTemplate
        {
            Id = ChecklistTemplateId.New(),
            BuildingBlockCode = BuildingBlockCode,
            VersionNumber = VersionNumber + 1,
            SourceSection = SourceSection,
            ChangeNote = Guard.RequiredText(changeNote, ChangeNoteMaxLength, "TemplateChangeNeedsNote", "De toelichting op de wijziging"),
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        next.SetContent(title, purpose, questions, previous: this);

        if (next.HasSameContentAs(this))
        {
            throw new DomainRuleException(
                "NewVersionMustChangeSomething",
                "De nieuwe versie is gelijk aan de huidige; er is niets om vast te leggen.");
        }

        return next;
    }

    /// <summary>
    /// How <paramref name="newer"/> differs from this version, question by question. A question is
    /// unchanged when its key and its text are the same; a changed help text alone does not change
    /// what is asked, so the answer still fits.
    /// </summary>
    public TemplateChanges ChangesTo(ChecklistTemplate newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        if (newer.BuildingBlockCode != BuildingBlockCode)
        {
            throw new DomainRuleException(
                "TemplatesOfTheSameBlock",
                "Alleen versies van de checklist van dezelfde bouwsteen zijn te vergelijken.");
        }

        var older = _questions.ToDictionary(question => question.Key, StringComparer.Ordinal);
        var newerKeys = newer._questions.Select(question => question.Key).ToHashSet(StringComparer.Ordinal);
        var unchanged = new List<string>();
        var reworded = new List<string>();
        var added = new List<string>();
        foreach (var question in newer.Questions)
        {
            if (!older.TryGetValue(question.Key, out var before))
            {
                added.Add(question.Key);
            }
            else if (string.Equals(before.Text, question.Text, StringComparison.Ordinal))
            {
                unchanged.Add(question.Key);
            }
            else
            {
                reworded.Add(question.Key);
            }
        }

        var retired = Questions.Select(question => question.Key).Where(key => !newerKeys.Contains(key)).ToList();
        return new TemplateChanges(unchanged, reworded, added, retired);
    }

    private void SetContent(string title, string purpose, IEnumerable<QuestionDraft> drafts, ChecklistTemplate? previous)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        Title = Guard.RequiredText(title, TitleMaxLength, "TemplateTitleRequired", "De titel");
        Purpose = Guard.OptionalText(purpose, PurposeMaxLength, "TemplatePurposeTooLong", "Het doel");

        var list = drafts.ToList();
        if (list.Any(draft => draft is null))
        {
            throw new ArgumentException("A question draft is missing.", nameof(drafts));
        }

        if (list.Count == 0)
        {
            throw new DomainRuleException("TemplateNeedsQuestions", "Een checklist heeft ten minste één vraag.");
        }

        if (list.Count > MaxQuestions)
        {
            throw new DomainRuleException("TooManyQuestions", $"Een checklist heeft hoogstens {MaxQuestions} vragen.");
        }

        var lastNumber = previous?.LastQuestionNumber ?? 0;
        var keys = new List<string?>();
        foreach (var draft in list)
        {
            var key = string.IsNullOrWhiteSpace(draft.Key) ? null : ValidateKey(draft.Key, previous);
            if (key is not null && keys.Contains(key))
            {
                throw new DomainRuleException("QuestionKeysMustBeUnique", $"De sleutel '{key}' komt meer dan eens voor.");
            }

            keys.Add(key);
            lastNumber = Math.Max(lastNumber, NumberOf(key));
        }

        for (var index = 0; index < list.Count; index++)
        {
            var draft = list[index];
            var key = keys[index] ?? $"{BuildingBlockCode}-{++lastNumber:00}";
            var text = Guard.RequiredText(draft.Text, ChecklistQuestion.TextMaxLength, "QuestionTextRequired", $"De tekst van vraag {index + 1}");
            var help = Guard.OptionalText(draft.Help, ChecklistQuestion.HelpMaxLength, "QuestionHelpTooLong", $"De toelichting bij vraag {index + 1}");
            _questions.Add(new ChecklistQuestion(key, text, help, index + 1));
        }

        LastQuestionNumber = lastNumber;
    }

    private static string ValidateKey(string key, ChecklistTemplate? previous)
    {
        var trimmed = key.Trim();
        if (trimmed.Length > ChecklistQuestion.KeyMaxLength || trimmed.Any(char.IsWhiteSpace))
        {
            throw new DomainRuleException(
                "QuestionKeyInvalid",
                $"De sleutel '{trimmed}' is ongeldig: hoogstens {ChecklistQuestion.KeyMaxLength} tekens, zonder spaties.");
        }

        // A new version may only keep keys of its predecessor; new questions get a fresh key, so a
        // key can never be made to mean something else.
        return previous is not null && previous.Question(trimmed) is null
            ? throw new DomainRuleException("QuestionKeyUnknown", $"De vorige versie heeft geen vraag met sleutel '{trimmed}'.")
            : trimmed;
    }

    private int NumberOf(string? key)
    {
        var prefix = BuildingBlockCode + "-";
        return key is not null
            && key.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : 0;
    }

    private bool HasSameContentAs(ChecklistTemplate other) =>
        Title == other.Title
        && Purpose == other.Purpose
        && Questions.Select(question => (question.Key, question.Text, question.Help))
            .SequenceEqual(other.Questions.Select(question => (question.Key, question.Text, question.Help)));
}

/// <summary>How one template version differs from another, by question key.</summary>
public sealed record TemplateChanges(
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Reworded,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Retired);
