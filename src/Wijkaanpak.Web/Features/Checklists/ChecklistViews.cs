using Wijkaanpak.Domain.Checklists;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Checklists;

/// <summary>The process model of one programme in its current cycle, with the completion of every checklist.</summary>
public sealed record ChecklistOverview(ProgrammeId ProgrammeId, Phase CurrentPhase, int Cycle, Completion OfProgramme, IReadOnlyList<PhaseProgress> Phases);

public sealed record PhaseProgress(Phase Phase, bool IsCurrent, bool IsPassed, Completion Completion, IReadOnlyList<BlockProgress> Blocks);

/// <summary>
/// One building block on the overview. <see cref="IsStarted"/> is false until someone gives the first
/// answer; its completion then counts the questions of the newest template version as open.
/// </summary>
public sealed record BlockProgress(string Code, string Title, string SourceSection, bool HasChecklist, bool IsStarted, Completion Completion);

/// <summary>
/// One building block's checklist as a programme sees it: the questions of the template version it
/// answers (the newest version before the first answer), each with its current answer.
/// </summary>
public sealed record ChecklistView(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    BuildingBlock Block,
    string Title,
    string Purpose,
    string SourceSection,
    int Cycle,
    int TemplateVersion,
    bool IsStarted,
    bool IsClosed,
    uint Version,
    IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<AnswerRevisionView> History,
    IReadOnlyList<int> OtherCycles)
{
    /// <summary>The cycle the programme is in now; a checklist of an earlier cycle is read only.</summary>
    public int ProgrammeCycle { get; init; }

    /// <summary>Set when a Beheerder has made a newer version of the template than the one this checklist answers.</summary>
    public NewerTemplateView? NewerTemplate { get; init; }

    /// <summary>Whether the current user may answer here; the page shows the edit controls only then (the service checks again).</summary>
    public bool CanAnswer { get; init; }

    /// <summary>Whether the current user may move this checklist to the newer template version.</summary>
    public bool CanMoveToNewerTemplate { get; init; }

    /// <summary>Who in the alliance signed this checklist, who is still expected, and every signature ever given.</summary>
    public SignOffsView SignOffs { get; init; } = SignOffsView.Empty;

    public Completion Completion => new(Questions.Count(question => question.Answer?.Status.CountsAsAnswered() == true), Questions.Count);

    public string SourceText => SourceTexts.Of(SourceSection);
}

public sealed record QuestionView(string Key, int Position, string Text, string Help, AnswerView? Answer);

public sealed record AnswerView(AnswerStatus Status, string Explanation, IReadOnlyList<string> EvidenceLinks, string AnsweredBy, DateTimeOffset AnsweredAt);

/// <summary>What moving to the newer template version would do, so that staff can decide.</summary>
public sealed record NewerTemplateView(int VersionNumber, string ChangeNote, DateTimeOffset CreatedAt, TemplateChanges Changes, int AnswersCarriedOver, int AnswersNotCarriedOver);

/// <summary>One answer ever given, with the question as it was worded in the version it answered.</summary>
public sealed record AnswerRevisionView(
    int Revision,
    int TemplateVersion,
    string QuestionKey,
    string QuestionText,
    AnswerStatus Status,
    string Explanation,
    IReadOnlyList<string> EvidenceLinks,
    string AnsweredBy,
    DateTimeOffset AnsweredAt);

/// <summary>What a saved answer changed: the checklist's new row version and completion, and the answer as stored.</summary>
public sealed record AnswerSaved(uint Version, Completion Completion, AnswerView Answer)
{
    /// <summary>The sign-off status after the change: a changed answer outdates the signatures given before it.</summary>
    public SignOffsView? SignOffs { get; init; }
}

/// <summary>What a move to a newer template version did.</summary>
public sealed record TemplateMoved(int VersionNumber, uint Version, int AnswersCarriedOver, int AnswersNotCarriedOver);

public static class SourceTexts
{
    public const string Handbook = "Slagkracht in de wijk";

    /// <summary>"bron: Slagkracht in de wijk, §4.1": how every question names the section it is based on.</summary>
    public static string Of(string sourceSection) => $"bron: {Handbook}, {sourceSection}";
}

/// <summary>
/// The sign-off of one checklist: a row for every organisation in the alliance today, and the full
/// history of signatures, outdated ones included. <see cref="ReviewedRevision"/> is the content
/// revision shown, which a signature made from this view covers.
/// </summary>
public sealed record SignOffsView(int ReviewedRevision, IReadOnlyList<OrganisationSignOffView> Organisations, IReadOnlyList<SignOffHistoryView> History)
{
    public static readonly SignOffsView Empty = new(0, [], []);

    /// <summary>Whether the checklist has answers; without them there is nothing to sign.</summary>
    public bool HasAnswers { get; init; }

    /// <summary>The user's own organisation when they may sign now (expected or outdated); null otherwise.</summary>
    public string? SignAs { get; init; }

    /// <summary>For a partner who may sign checklists but not this one: why not.</summary>
    public string? CannotSignReason { get; init; }

    public int SignedCount => Organisations.Count(organisation => organisation.State == SignOffState.Signed);
}

/// <summary>Where one alliance member stands; who signed, when and with what remark for its latest signature, if any.</summary>
public sealed record OrganisationSignOffView(
    OrganisationId OrganisationId,
    string OrganisationName,
    SignOffState State,
    string? SignedBy,
    DateTimeOffset? SignedAt,
    string? Remark);

/// <summary>One signature ever given, with the organisation's name as it was then.</summary>
public sealed record SignOffHistoryView(string OrganisationName, string SignedBy, DateTimeOffset SignedAt, string Remark, bool IsOutdated);

/// <summary>What a signature changed: the checklist's sign-off status afterwards.</summary>
public sealed record SignedOff(string OrganisationName, SignOffsView SignOffs);

/// <summary>The checklists waiting for the signature of the user's organisation, over the programmes whose alliance it is in today.</summary>
public sealed record ChecklistsToSign(string? OrganisationName, IReadOnlyList<ChecklistToSign> Waiting);

/// <summary>One checklist waiting for a (new) signature.</summary>
public sealed record ChecklistToSign(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    string BuildingBlockCode,
    string BuildingBlockTitle,
    Phase Phase,
    int Cycle,
    SignOffState State,
    DateTimeOffset LastChangedAt);
