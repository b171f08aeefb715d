namespace Wijkaanpak.Domain.Checklists;

/// <summary>The answer a programme gives to one checklist question.</summary>
public enum AnswerStatus
{
    Ja = 1,
    Deels = 2,
    Nee = 3,
    NietVanToepassing = 4,
    NogOnbekend = 5,
}

public static class AnswerStatusNames
{
    /// <summary>
    /// The statuses that count towards completion. "N.v.t." counts: the team has looked at the
    /// question and decided it does not apply. "Nog onbekend" does not: the question is still open.
    /// A list rather than only a method so that database projections can use it in <c>Contains</c>.
    /// </summary>
    public static IReadOnlyList<AnswerStatus> CountingAsAnswered { get; } =
        [AnswerStatus.Ja, AnswerStatus.Deels, AnswerStatus.Nee, AnswerStatus.NietVanToepassing];

    public static bool CountsAsAnswered(this AnswerStatus status) => CountingAsAnswered.Contains(status);

    public static string DisplayName(this AnswerStatus status) => status switch
    {
        AnswerStatus.Ja => "Ja",
        AnswerStatus.Deels => "Deels",
        AnswerStatus.Nee => "Nee",
        AnswerStatus.NietVanToepassing => "N.v.t.",
        AnswerStatus.NogOnbekend => "Nog onbekend",
        _ => status.ToString(),
    };
}
