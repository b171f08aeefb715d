using Wijkaanpak.Domain.Common;

namespace Wijkaanpak.Domain.Checklists;

/// <summary>
/// The current answer to one question of a <see cref="ProgrammeChecklist"/>. Replaced in place when
/// answered again; every version, this one included, is also kept in the checklist's append-only
/// <see cref="ProgrammeChecklist.AnswerHistory"/>.
/// </summary>
public sealed class ChecklistAnswer
{
    private readonly List<string> _evidenceLinks = [];

    private ChecklistAnswer()
    {
        QuestionKey = string.Empty;
        Explanation = string.Empty;
        AnsweredBy = null!;
    }

    internal ChecklistAnswer(string questionKey, AnswerContent content, UserRef answeredBy, DateTimeOffset answeredAt)
    {
        Id = Guid.CreateVersion7();
        QuestionKey = questionKey;
        Explanation = string.Empty;
        AnsweredBy = answeredBy;
        Replace(content, answeredBy, answeredAt);
    }

    public Guid Id { get; private set; }

    public string QuestionKey { get; private set; }

    public AnswerStatus Status { get; private set; }

    public string Explanation { get; private set; }

    public IReadOnlyList<string> EvidenceLinks => _evidenceLinks;

    public UserRef AnsweredBy { get; private set; }

    /// <summary>When this content was given. A carried-over answer keeps its original author and time.</summary>
    public DateTimeOffset AnsweredAt { get; private set; }

    internal AnswerContent Content => new(Status, Explanation, _evidenceLinks);

    internal void Replace(AnswerContent content, UserRef answeredBy, DateTimeOffset answeredAt)
    {
        Status = content.Status;
        Explanation = content.Explanation;
        _evidenceLinks.Clear();
        _evidenceLinks.AddRange(content.EvidenceLinks);
        AnsweredBy = answeredBy;
        AnsweredAt = answeredAt;
    }
}

/// <summary>
/// One entry in the answer history: what was answered to which question of which template version,
/// by whom and when. Never changed or removed, so that sign-offs and audits can show what a
/// checklist said at any moment, also for questions a later template version dropped.
/// </summary>
public sealed class ChecklistAnswerRevision
{
    private readonly List<string> _evidenceLinks = [];

    private ChecklistAnswerRevision()
    {
        QuestionKey = string.Empty;
        Explanation = string.Empty;
        AnsweredBy = null!;
    }

    internal ChecklistAnswerRevision(
        int revision,
        ChecklistTemplateId templateId,
        string questionKey,
        AnswerContent content,
        UserRef answeredBy,
        DateTimeOffset answeredAt)
    {
        Id = Guid.CreateVersion7();
        Revision = revision;
        TemplateId = templateId;
        QuestionKey = questionKey;
        Status = content.Status;
        Explanation = content.Explanation;
        _evidenceLinks = [.. content.EvidenceLinks];
        AnsweredBy = answeredBy;
        AnsweredAt = answeredAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The checklist's <see cref="ProgrammeChecklist.ContentRevision"/> this answer created; orders the history.</summary>
    public int Revision { get; private set; }

    /// <summary>The template version whose question this answered; look the question text up there.</summary>
    public ChecklistTemplateId TemplateId { get; private set; }

    public string QuestionKey { get; private set; }

    public AnswerStatus Status { get; private set; }

    public string Explanation { get; private set; }

    public IReadOnlyList<string> EvidenceLinks => _evidenceLinks;

    public UserRef AnsweredBy { get; private set; }

    public DateTimeOffset AnsweredAt { get; private set; }
}

/// <summary>What an answer says, apart from who said it and when; two equal contents are no change.</summary>
internal sealed record AnswerContent(AnswerStatus Status, string Explanation, IReadOnlyList<string> EvidenceLinks)
{
    public bool SameAs(AnswerContent other) =>
        Status == other.Status
        && string.Equals(Explanation, other.Explanation, StringComparison.Ordinal)
        && EvidenceLinks.SequenceEqual(other.EvidenceLinks, StringComparer.Ordinal);
}

/// <summary>What moving a checklist to a newer template version did with its answers, by question key.</summary>
public sealed record TemplateMoveResult(IReadOnlyList<string> CarriedOver, IReadOnlyList<string> Dropped);
