namespace Wijkaanpak.Domain.Checklists;

/// <summary>
/// One question of a template version. <see cref="Key"/> is stable across versions ("4.1-01"): it is
/// how answers find their question again when a programme moves to a newer version.
/// </summary>
public sealed class ChecklistQuestion
{
    public const int KeyMaxLength = 32;
    public const int TextMaxLength = 500;
    public const int HelpMaxLength = 1500;

    private ChecklistQuestion()
    {
        Key = string.Empty;
        Text = string.Empty;
        Help = string.Empty;
    }

    internal ChecklistQuestion(string key, string text, string help, int position)
    {
        Key = key;
        Text = text;
        Help = help;
        Position = position;
    }

    public string Key { get; private set; }

    public string Text { get; private set; }

    public string Help { get; private set; }

    /// <summary>1-based order within the version.</summary>
    public int Position { get; private set; }
}

/// <summary>
/// A question as a Beheerder or the seed supplies it. <see cref="Key"/> is null for a new question
/// (the template gives it the next free key) or the key of a question of the previous version
/// that is kept, possibly reworded.
/// </summary>
public sealed record QuestionDraft(string? Key, string Text, string? Help);
