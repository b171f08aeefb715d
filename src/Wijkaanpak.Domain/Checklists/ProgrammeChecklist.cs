using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Checklists;

/// <summary>
/// A programme's checklist for one building block in one cycle, answering one template version.
/// Its own aggregate, not part of <see cref="Programme"/>: partners answer checklists at the same
/// time as staff edit the programme, and one shared row version would make them conflict.
/// There is at most one per programme, block and cycle (a unique index in the database); the one
/// in force for a block is the one of the latest cycle (<see cref="ProcessCompletion.InForce"/>).
/// </summary>
public sealed class ProgrammeChecklist
{
    public const int ExplanationMaxLength = 4000;

    private readonly List<string> _questionKeys = [];
    private readonly List<ChecklistAnswer> _answers = [];
    private readonly List<ChecklistAnswerRevision> _answerHistory = [];
    private readonly List<ChecklistSignOff> _signOffs = [];

    private ProgrammeChecklist() => BuildingBlockCode = string.Empty;

    public ProgrammeChecklistId Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public string BuildingBlockCode { get; private set; }

    public int Cycle { get; private set; }

    /// <summary>The template version this checklist answers.</summary>
    public ChecklistTemplateId TemplateId { get; private set; }

    public int TemplateVersionNumber { get; private set; }

    /// <summary>
    /// The question keys of <see cref="TemplateId"/>, in order. A copy of an immutable template, kept
    /// so that answering and completion need no template at hand.
    /// </summary>
    public IReadOnlyList<string> QuestionKeys => _questionKeys;

    /// <summary>The current answer per question; questions without one are unanswered.</summary>
    public IReadOnlyList<ChecklistAnswer> Answers => _answers;

    /// <summary>Every answer ever given, oldest first; append-only.</summary>
    public IReadOnlyList<ChecklistAnswerRevision> AnswerHistory => _answerHistory.OrderBy(revision => revision.Revision).ToList();

    /// <summary>Every signature ever given, oldest first; append-only, outdated ones included.</summary>
    public IReadOnlyList<ChecklistSignOff> SignOffs => _signOffs.OrderBy(signOff => signOff.SignedAt).ToList();

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When the content last changed: an answer, or a move to another template version.</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>
    /// Goes up by one with every content change. A sign-off keeps the revision it signed and is
    /// outdated as soon as this is higher: more robust than comparing times that may coincide.
    /// </summary>
    public int ContentRevision { get; private set; }

    /// <summary>Set when a herijking re-opens the block in a later cycle; the checklist then stays readable only.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>Concurrency token: PostgreSQL's xmin of the row.</summary>
    public uint Version { get; private set; }

    public Completion Completion => new(
        _answers.Count(answer => answer.Status.CountsAsAnswered() && _questionKeys.Contains(answer.QuestionKey)),
        _questionKeys.Count);

    /// <summary>Starts the checklist of a building block in the programme's current cycle.</summary>
    public static ProgrammeChecklist Start(Programme programme, ChecklistTemplate template, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(template);

        var checklist = new ProgrammeChecklist
        {
            Id = ProgrammeChecklistId.New(),
            ProgrammeId = programme.Id,
            BuildingBlockCode = template.BuildingBlockCode,
            Cycle = programme.Cycle,
            StartedAt = now,
            LastChangedAt = now,
        };
        checklist.UseTemplate(template);
        return checklist;
    }

    /// <summary>
    /// Starts a fresh checklist for a block that the herijking of the current cycle re-opened, and
    /// closes the previous cycle's one, which stays readable. The new one starts empty: re-opening
    /// means the team answers the questions again for the new cycle.
    /// </summary>
    public static ProgrammeChecklist Reopen(ProgrammeChecklist previous, Programme programme, ChecklistTemplate template, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(template);

        if (previous.ProgrammeId != programme.Id || template.BuildingBlockCode != previous.BuildingBlockCode)
        {
            throw new DomainRuleException(
                "ReopenSameProgrammeAndBlock",
                "Een checklist wordt heropend voor hetzelfde programma en dezelfde bouwsteen.");
        }

        if (previous.Cycle >= programme.Cycle || !programme.IsReopenedInCurrentCycle(previous.BuildingBlockCode))
        {
            throw new DomainRuleException(
                "ReopenOnlyBlocksOfTheHerijking",
                $"Bouwsteen {previous.BuildingBlockCode} is bij de herijking van cyclus {programme.Cycle} niet heropend.");
        }

        previous.EnsureOpen();
        var next = Start(programme, template, now);
        previous.ClosedAt = now;
        return next;
    }

    /// <summary>The latest signature of an organisation, outdated or not.</summary>
    public ChecklistSignOff? LatestSignOffOf(OrganisationId organisationId) =>
        _signOffs.Where(signOff => signOff.OrganisationId == organisationId).MaxBy(signOff => signOff.SignedRevision);

    public bool IsOutdated(ChecklistSignOff signOff)
    {
        ArgumentNullException.ThrowIfNull(signOff);
        return signOff.SignedRevision < ContentRevision;
    }

    public SignOffState SignOffStateOf(OrganisationId organisationId) => LatestSignOffOf(organisationId) switch
    {
        null => SignOffState.Expected,
        var signOff when IsOutdated(signOff) => SignOffState.Outdated,
        _ => SignOffState.Signed,
    };

    /// <summary>
    /// A representative signs the checklist as it stands for their own organisation, which must take
    /// part in the alliance. Never for another organisation: the signature is that organisation's word.
    /// <paramref name="reviewedRevision"/> is the content revision the signer saw: a signature always
    /// covers what was read, so a change in between is refused rather than signed unseen.
    /// </summary>
    public ChecklistSignOff SignOff(
        Signatory signatory,
        OrganisationId organisationId,
        string organisationName,
        IReadOnlySet<OrganisationId> allianceMembers,
        int reviewedRevision,
        string? remark,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signatory);
        ArgumentNullException.ThrowIfNull(allianceMembers);
        EnsureOpen();
        if (signatory.OwnOrganisationId != organisationId)
        {
            throw new DomainRuleException(
                "SignOnlyForOwnOrganisation",
                "U kunt alleen aftekenen voor de organisatie waarvoor u werkt.");
        }

        if (!allianceMembers.Contains(organisationId))
        {
            throw new DomainRuleException(
                "SignatoryMustBeAllianceMember",
                $"{organisationName} neemt nu geen deel aan de alliantie van dit programma en tekent daarom niet af.");
        }

        if (_answers.Count == 0)
        {
            throw new DomainRuleException("NothingToSign", "Deze checklist heeft nog geen antwoorden om af te tekenen.");
        }

        if (reviewedRevision != ContentRevision)
        {
            throw new DomainRuleException(
                "SignWhatYouReviewed",
                "De antwoorden zijn gewijzigd sinds u de checklist opende. Bekijk de nieuwste stand en teken dan opnieuw af.");
        }

        if (SignOffStateOf(organisationId) == SignOffState.Signed)
        {
            throw new DomainRuleException("AlreadySigned", $"{organisationName} heeft deze stand van de checklist al afgetekend.");
        }

        var signOff = new ChecklistSignOff(organisationId, organisationName, ContentRevision, remark, signatory.User, now);
        _signOffs.Add(signOff);
        return signOff;
    }

    public ChecklistAnswer? AnswerTo(string questionKey) => _answers.SingleOrDefault(answer => answer.QuestionKey == questionKey);

    /// <summary>The history of one question's answers, oldest first, across template versions.</summary>
    public IReadOnlyList<ChecklistAnswerRevision> HistoryOf(string questionKey) =>
        AnswerHistory.Where(revision => revision.QuestionKey == questionKey).ToList();

    /// <summary>
    /// Answers a question. Returns whether the content changed: answering the same again adds no
    /// history and leaves <see cref="ContentRevision"/>, and therefore sign-offs, as they are.
    /// </summary>
    public bool Answer(
        string questionKey,
        AnswerStatus status,
        string? explanation,
        IEnumerable<string?>? evidenceLinks,
        UserRef answeredBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answeredBy);
        EnsureOpen();

        if (!_questionKeys.Contains(questionKey))
        {
            throw new DomainRuleException("QuestionNotInChecklist", $"Deze checklist heeft geen vraag '{questionKey}'.");
        }

        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException("AnswerStatusMustBeKnown", "Kies ja, deels, nee, n.v.t. of nog onbekend.");
        }

        var content = new AnswerContent(
            status,
            Guard.OptionalText(explanation, ExplanationMaxLength, "ExplanationTooLong", "De toelichting"),
            EvidenceLinks.Normalise(evidenceLinks));

        var current = AnswerTo(questionKey);
        if (current is not null && current.Content.SameAs(content))
        {
            return false;
        }

        if (current is null)
        {
            _answers.Add(new ChecklistAnswer(questionKey, content, answeredBy, now));
        }
        else
        {
            current.Replace(content, answeredBy, now);
        }

        MarkChanged(now);
        _answerHistory.Add(new ChecklistAnswerRevision(ContentRevision, TemplateId, questionKey, content, answeredBy, now));
        return true;
    }

    /// <summary>
    /// Moves to a newer version of the same block's template. Answers to unchanged questions (same
    /// key, same text) are carried over as they are, with their author and time; answers to
    /// reworded or retired questions leave the current answers but stay in the history, which
    /// names the version they answered. Counts as a content change even when every answer is
    /// carried over: what was signed was the older list of questions.
    /// </summary>
    public TemplateMoveResult MoveToTemplateVersion(ChecklistTemplate current, ChecklistTemplate newer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(newer);
        if (current.Id != TemplateId)
        {
            throw new ArgumentException("Pass the template version this checklist answers.", nameof(current));
        }

        EnsureOpen();
        if (newer.BuildingBlockCode != BuildingBlockCode || newer.VersionNumber <= current.VersionNumber)
        {
            throw new DomainRuleException(
                "MoveOnlyToNewerVersion",
                $"Kies een nieuwere versie van de checklist van bouwsteen {BuildingBlockCode} dan versie {current.VersionNumber}.");
        }

        var unchanged = current.ChangesTo(newer).Unchanged.ToHashSet(StringComparer.Ordinal);
        var carried = _answers.Where(answer => unchanged.Contains(answer.QuestionKey)).Select(answer => answer.QuestionKey).ToList();
        var dropped = _answers.Where(answer => !unchanged.Contains(answer.QuestionKey)).Select(answer => answer.QuestionKey).ToList();

        _answers.RemoveAll(answer => !unchanged.Contains(answer.QuestionKey));
        UseTemplate(newer);
        MarkChanged(now);
        return new TemplateMoveResult(carried, dropped);
    }

    private void UseTemplate(ChecklistTemplate template)
    {
        TemplateId = template.Id;
        TemplateVersionNumber = template.VersionNumber;
        _questionKeys.Clear();
        _questionKeys.AddRange(template.Questions.Select(question => question.Key));
    }

    private void MarkChanged(DateTimeOffset now)
    {
        ContentRevision++;
        LastChangedAt = now;
    }

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new DomainRuleException(
                "ChecklistClosed",
                $"Deze checklist hoort bij cyclus {Cycle} en is bij een herijking afgesloten; hij is alleen nog te lezen.");
        }
    }
}
