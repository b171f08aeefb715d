namespace Wijkaanpak.Domain.Checklists;

/// <summary>
/// How many questions have an answer that counts (see <see cref="AnswerStatusNames.CountingAsAnswered"/>)
/// out of how many there are. Always computed from the answers, never stored, so it cannot drift.
/// Sums weigh every question equally: a phase with a 10-question and a 2-question checklist is
/// not the average of their two percentages.
/// </summary>
public readonly record struct Completion
{
    public Completion(int answered, int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegative(answered);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(answered, total);
        Answered = answered;
        Total = total;
    }

    public static Completion None { get; } = new(0, 0);

    public int Answered { get; }

    public int Total { get; }

    public int Open => Total - Answered;

    /// <summary>Rounded down, so that 99.6% never shows as 100% while a question is still open.</summary>
    public int Percentage => Total == 0 ? 0 : Answered * 100 / Total;

    /// <summary>Nothing to answer is not "complete": a gate must not pass on an empty set.</summary>
    public bool IsComplete => Total > 0 && Answered == Total;

    public static Completion operator +(Completion left, Completion right) =>
        new(left.Answered + right.Answered, left.Total + right.Total);

    public static Completion Add(Completion left, Completion right) => left + right;

    public static Completion Sum(IEnumerable<Completion> completions) =>
        completions.Aggregate(None, (sum, next) => sum + next);

    public override string ToString() => $"{Answered}/{Total} ({Percentage}%)";
}
