using FluentValidation;
using Wijkaanpak.Domain.Checklists;

namespace Wijkaanpak.Web.Features.Checklists;

/// <summary>What one question's card holds while someone answers it; checked by <see cref="AnswerEditModelValidator"/>.</summary>
public sealed class AnswerEditModel
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Status)] = "Antwoord",
        [nameof(Explanation)] = "Toelichting",
        [nameof(EvidenceLinks)] = "Links naar onderbouwing",
    };

    public string QuestionKey { get; set; } = string.Empty;

    public AnswerStatus? Status { get; set; }

    public string Explanation { get; set; } = string.Empty;

    /// <summary>Web addresses, one per line, as people paste them.</summary>
    public string EvidenceLinks { get; set; } = string.Empty;

    /// <summary>
    /// The checklist's row version the page last saw; 0 while the programme has no checklist for the
    /// block yet. When the checklist changed since, the save is only a conflict if this question's
    /// answer changed too (see <see cref="Loaded"/>): answers to other questions do not stand in the way.
    /// </summary>
    public uint Version { get; set; }

    /// <summary>
    /// This question's stored answer as the user found it (null: unanswered then). Compared with the
    /// answer stored now when the checklist changed after <see cref="Version"/>, so that saving never
    /// reverts an answer someone else gave meanwhile.
    /// </summary>
    public AnswerView? Loaded { get; set; }

    public IReadOnlyList<string> EvidenceLinkList() =>
        EvidenceLinks.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static AnswerEditModel For(QuestionView question, uint version)
    {
        ArgumentNullException.ThrowIfNull(question);
        return For(question.Key, question.Answer, version);
    }

    public static AnswerEditModel For(string questionKey, AnswerView? answer, uint version) => new()
    {
        QuestionKey = questionKey,
        Status = answer?.Status,
        Explanation = answer?.Explanation ?? string.Empty,
        EvidenceLinks = string.Join("\n", answer?.EvidenceLinks ?? []),
        Version = version,
        Loaded = answer,
    };

    /// <summary>Whether this differs from the stored answer, i.e. whether there is unsaved input.</summary>
    public bool DiffersFrom(AnswerView? stored) =>
        Status != stored?.Status
        || !string.Equals(Explanation.Trim(), stored?.Explanation ?? string.Empty, StringComparison.Ordinal)
        || !EvidenceLinkList().SequenceEqual(stored?.EvidenceLinks ?? [], StringComparer.Ordinal);
}

public sealed class AnswerEditModelValidator : AbstractValidator<AnswerEditModel>
{
    public AnswerEditModelValidator()
    {
        RuleFor(model => model.QuestionKey)
            .NotEmpty().WithMessage("Het is niet duidelijk welke vraag u beantwoordt.");

        RuleFor(model => model.Status)
            .NotNull().WithMessage("Kies een antwoord: ja, deels, nee, n.v.t. of nog onbekend.")
            .IsInEnum().WithMessage("Kies een antwoord: ja, deels, nee, n.v.t. of nog onbekend.");

        RuleFor(model => model.Explanation)
            .MaximumLength(ProgrammeChecklist.ExplanationMaxLength)
            .WithMessage($"De toelichting mag hoogstens {ProgrammeChecklist.ExplanationMaxLength} tekens hebben.");

        RuleFor(model => model.EvidenceLinks)
            .Custom((links, context) =>
            {
                var lines = new AnswerEditModel { EvidenceLinks = links ?? string.Empty }.EvidenceLinkList();
                var invalid = lines.Where(line => !IsWebAddress(line)).ToList();
                if (invalid.Count > 0)
                {
                    context.AddFailure(
                        $"Geen geldig webadres: {string.Join(", ", invalid.Take(3).Select(Shorten))}. " +
                        "Zet één volledig adres per regel, beginnend met https:// of http://.");
                }

                if (lines.Distinct(StringComparer.Ordinal).Count() > Domain.Checklists.EvidenceLinks.MaxLinks)
                {
                    context.AddFailure($"Geef hoogstens {Domain.Checklists.EvidenceLinks.MaxLinks} links.");
                }
            });
    }

    /// <summary>The same test the domain applies (<see cref="Domain.Checklists.EvidenceLinks.Normalise"/>), so the form says it first.</summary>
    private static bool IsWebAddress(string link) =>
        link.Length <= Domain.Checklists.EvidenceLinks.MaxLength
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private static string Shorten(string text) => text.Length <= 60 ? $"'{text}'" : $"'{text[..60]}…'";
}
