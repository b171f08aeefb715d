using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Common;

namespace Wijkaanpak.Domain.Decisions;

/// <summary>
/// One participating organisation's own weighing of the five go/no-go questions (§4.6). Part of the
/// <c>Programme</c> aggregate, which keeps it to one per organisation and closes the weighings once
/// the go/no-go decision is taken.
/// </summary>
public sealed class GoNoGoWeighing
{
    public const int OrganisationNameMaxLength = 200;

    private readonly List<GoNoGoConsideration> _considerations = [];

    private GoNoGoWeighing()
    {
        OrganisationName = string.Empty;
        RecordedBy = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>The organisation's id; the Organisation aggregate itself comes later.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>The organisation's name when the weighing was recorded.</summary>
    public string OrganisationName { get; private set; }

    /// <summary>One per question, in the order of <see cref="GoNoGoQuestion"/>.</summary>
    public IReadOnlyList<GoNoGoConsideration> Considerations => _considerations.OrderBy(consideration => consideration.Question).ToList();

    public UserRef RecordedBy { get; private set; }

    /// <summary>When the weighing was last recorded or updated.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    public GoNoGoConsideration Consideration(GoNoGoQuestion question) => _considerations.Single(consideration => consideration.Question == question);

    internal static GoNoGoWeighing Create(Guid organisationId, string organisationName, IReadOnlyList<ConsiderationInput> considerations, UserRef recordedBy, DateTimeOffset now)
    {
        if (organisationId == Guid.Empty)
        {
            throw new DomainRuleException("WeighingNeedsOrganisation", "Kies de organisatie waarvoor deze afweging geldt.");
        }

        var weighing = new GoNoGoWeighing
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisationId,
            OrganisationName = Guard.RequiredText(organisationName, OrganisationNameMaxLength, "WeighingNeedsOrganisation", "De naam van de organisatie"),
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
        weighing._considerations.AddRange(Enum.GetValues<GoNoGoQuestion>().Select(question => new GoNoGoConsideration(question)));
        weighing.Update(organisationName, considerations, recordedBy, now);
        return weighing;
    }

    /// <summary>Checks all answers before changing any, so a broken rule leaves the weighing as it was.</summary>
    internal void Update(string organisationName, IReadOnlyList<ConsiderationInput> considerations, UserRef recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(considerations);
        if (considerations.Any(input => input is null))
        {
            throw new ArgumentException("A consideration is missing.", nameof(considerations));
        }

        var name = Guard.RequiredText(organisationName, OrganisationNameMaxLength, "WeighingNeedsOrganisation", "De naam van de organisatie");
        var questions = Enum.GetValues<GoNoGoQuestion>();
        if (considerations.Count != questions.Length || questions.Any(question => considerations.Count(input => input.Question == question) != 1))
        {
            throw new DomainRuleException(
                "WeighingAnswersAllFiveQuestions",
                "Een afweging beantwoordt elk van de vijf vragen precies één keer.");
        }

        var checkedInputs = considerations
            .Select(input => (input.Question, Answer: CheckedAnswer(input.Answer), Explanation: Guard.OptionalText(
                input.Explanation,
                GoNoGoConsideration.ExplanationMaxLength,
                "ConsiderationExplanationTooLong",
                "De toelichting")))
            .ToList();

        foreach (var (question, answer, explanation) in checkedInputs)
        {
            Consideration(question).Set(answer, explanation);
        }

        OrganisationName = name;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    private static AnswerStatus CheckedAnswer(AnswerStatus answer) =>
        Enum.IsDefined(answer)
            ? answer
            : throw new DomainRuleException("AnswerStatusMustBeKnown", "Kies ja, deels, nee, n.v.t. of nog onbekend.");
}

/// <summary>An organisation's answer to one go/no-go question, with a short explanation.</summary>
public sealed class GoNoGoConsideration
{
    public const int ExplanationMaxLength = 1000;

    private GoNoGoConsideration() => Explanation = string.Empty;

    internal GoNoGoConsideration(GoNoGoQuestion question)
    {
        Question = question;
        Answer = AnswerStatus.NogOnbekend;
        Explanation = string.Empty;
    }

    public GoNoGoQuestion Question { get; private set; }

    public AnswerStatus Answer { get; private set; }

    public string Explanation { get; private set; }

    internal void Set(AnswerStatus answer, string explanation)
    {
        Answer = answer;
        Explanation = explanation;
    }
}
