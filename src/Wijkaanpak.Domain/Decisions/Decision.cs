using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Process;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Decisions;

/// <summary>
/// One entry of a programme's besluitenlijst (decision log): the go/no-go decision, phase moves,
/// herijkingen and other decisions staff enter. A decision is never edited: a correction is a new
/// decision that supersedes it (<see cref="Correct"/>), and the superseded one stays, marked.
/// Go/no-go, phase-move and herijking decisions are created by the <see cref="Programme"/> method
/// that does the act, which returns the decision for the caller to store in the same transaction;
/// so the log cannot miss an act, nor hold an act that did not happen.
/// </summary>
public sealed class Decision
{
    public const int DecidedByMaxLength = 200;
    public const int TitleMaxLength = 200;
    public const int RationaleMaxLength = 8000;
    public const int CorrectionReasonMaxLength = 2000;
    public const int MaxBuildingBlocks = 20;

    private static readonly DateOnly EarliestDecisionDate = new(1990, 1, 1);

    private readonly List<string> _buildingBlockCodes = [];

    private Decision()
    {
        DecidedBy = string.Empty;
        Title = string.Empty;
        Rationale = string.Empty;
        CorrectionReason = string.Empty;
        RecordedBy = null!;
    }

    public DecisionId Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public DecisionKind Kind { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    /// <summary>The body that took the decision, e.g. "Alliantiebestuur" or "College van B en W".</summary>
    public string DecidedBy { get; private set; }

    public string Title { get; private set; }

    public string Rationale { get; private set; }

    /// <summary>The programme's cycle when the decision was taken.</summary>
    public int Cycle { get; private set; }

    /// <summary>The building blocks the decision concerns (e.g. those a herijking re-opens).</summary>
    public IReadOnlyList<string> BuildingBlockCodes => _buildingBlockCodes;

    /// <summary>An earlier decision this one concerns, e.g. the decision a herijking revisits.</summary>
    public DecisionId? RelatedDecisionId { get; private set; }

    /// <summary>Phase moves (and herijkingen, which move back): the phase left.</summary>
    public Phase? FromPhase { get; private set; }

    /// <summary>Phase moves (and herijkingen): the phase entered.</summary>
    public Phase? ToPhase { get; private set; }

    /// <summary>Only for <see cref="DecisionKind.GoNoGo"/>.</summary>
    public GoNoGoDetails? GoNoGo { get; private set; }

    /// <summary>The decision this one corrects, if it is a correction.</summary>
    public DecisionId? SupersedesId { get; private set; }

    /// <summary>Why the superseded decision was corrected; empty when this is no correction.</summary>
    public string CorrectionReason { get; private set; }

    public DecisionId? SupersededById { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    public bool IsSuperseded => SupersededById is not null;

    public UserRef RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Concurrency token: PostgreSQL's xmin of the row; two corrections of one decision conflict.</summary>
    public uint Version { get; private set; }

    /// <summary>Records another decision of the alliance board, e.g. to stop or adjust an intervention.</summary>
    public static Decision Record(
        Programme programme,
        DecisionDetails details,
        IEnumerable<string>? buildingBlockCodes,
        Decision? related,
        UserRef recordedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(details);
        if (related is not null && related.ProgrammeId != programme.Id)
        {
            throw new DomainRuleException("RelatedDecisionOfSameProgramme", "Een besluit kan alleen verwijzen naar een besluit van hetzelfde programma.");
        }

        EnsureNotBeforeStart(programme, details.DecidedOn);
        var decision = New(programme.Id, DecisionKind.Other, programme.Cycle, details, recordedBy, now);
        decision._buildingBlockCodes.AddRange(NormaliseBlocks(buildingBlockCodes));
        decision.RelatedDecisionId = related?.Id;
        return decision;
    }

    /// <summary>
    /// Corrects a decision by a new one that supersedes it, with the reason. The new decision keeps
    /// what the original concerned (kind, phases, blocks, links). A go/no-go decision is corrected
    /// through <c>Programme.CorrectGoNoGoDecision</c>, because the correction changes the programme.
    /// </summary>
    public static Decision Correct(Decision original, DecisionDetails corrected, string reason, UserRef recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (original.Kind == DecisionKind.GoNoGo)
        {
            throw new DomainRuleException(
                "GoNoGoCorrectedThroughProgramme",
                "Een go/no-go-besluit corrigeert u via het go/no-go-besluit van het programma.");
        }

        var correction = New(original.ProgrammeId, original.Kind, original.Cycle, corrected, recordedBy, now);
        correction._buildingBlockCodes.AddRange(original._buildingBlockCodes);
        correction.RelatedDecisionId = original.RelatedDecisionId;
        correction.FromPhase = original.FromPhase;
        correction.ToPhase = original.ToPhase;
        correction.Supersede(original, reason, now);
        return correction;
    }

    internal static Decision ForPhaseChange(Programme programme, PhaseMoveInput move, UserRef recordedBy, DateTimeOffset now)
    {
        EnsureNotBeforeStart(programme, move.DecidedOn);
        var decision = New(
            programme.Id,
            DecisionKind.PhaseChange,
            programme.Cycle,
            new DecisionDetails(move.DecidedOn, move.DecidedBy, $"Van {programme.CurrentPhase.DisplayName()} naar {move.To.DisplayName()}", move.Reason),
            recordedBy,
            now);
        decision.FromPhase = programme.CurrentPhase;
        decision.ToPhase = move.To;
        return decision;
    }

    internal static Decision ForHerijking(
        Programme programme,
        HerijkingInput herijking,
        IReadOnlyList<string> reopenedBlocks,
        Phase toPhase,
        Decision? revisits,
        UserRef recordedBy,
        DateTimeOffset now)
    {
        EnsureNotBeforeStart(programme, herijking.DecidedOn);
        var decision = New(
            programme.Id,
            DecisionKind.Herijking,
            programme.Cycle,
            new DecisionDetails(herijking.DecidedOn, herijking.DecidedBy, $"Herijking: start van cyclus {programme.Cycle + 1}", herijking.Reason),
            recordedBy,
            now);
        decision._buildingBlockCodes.AddRange(reopenedBlocks);
        decision.RelatedDecisionId = revisits?.Id;
        decision.FromPhase = programme.CurrentPhase;
        decision.ToPhase = toPhase;
        return decision;
    }

    internal static Decision ForGoNoGo(
        Programme programme,
        GoNoGoDecisionInput input,
        GoNoGoDetails goNoGo,
        UserRef recordedBy,
        DateTimeOffset now)
    {
        EnsureNotBeforeStart(programme, input.DecidedOn);
        var title = goNoGo.Outcome == GoNoGoOutcome.Go
            ? "Go: het programma start als wijkaanpak"
            : "No-go: geen wijkaanpak";
        var decision = New(programme.Id, DecisionKind.GoNoGo, programme.Cycle, new DecisionDetails(input.DecidedOn, input.DecidedBy, title, input.Rationale), recordedBy, now);
        decision._buildingBlockCodes.Add("4.6");
        decision.GoNoGo = goNoGo;
        return decision;
    }

    /// <summary>Makes this decision the correction of <paramref name="original"/>; checks before changing either.</summary>
    internal void Supersede(Decision original, string reason, DateTimeOffset now)
    {
        if (original.IsSuperseded)
        {
            throw new DomainRuleException(
                "DecisionAlreadySuperseded",
                "Dit besluit is al door een later besluit vervangen; corrigeer het geldende besluit.");
        }

        CorrectionReason = Guard.RequiredText(reason, CorrectionReasonMaxLength, "CorrectionNeedsReason", "De reden van de correctie");
        SupersedesId = original.Id;
        original.SupersededById = Id;
        original.SupersededAt = now;
    }

    /// <summary>A decision is an act of the programme: it is not taken before the programme started.</summary>
    internal static void EnsureNotBeforeStart(Programme programme, DateOnly decidedOn)
    {
        if (decidedOn < programme.StartDate)
        {
            throw new DomainRuleException(
                DateRules.DecisionNotBeforeProgrammeStart,
                $"De datum van het besluit kan niet vóór de start van de wijkaanpak ({programme.StartDate:d-M-yyyy}) liggen.");
        }
    }

    private static Decision New(ProgrammeId programmeId, DecisionKind kind, int cycle, DecisionDetails details, UserRef recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(recordedBy);

        // A day of slack: "today" in the Netherlands can be tomorrow in UTC.
        var latest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        if (details.DecidedOn < EarliestDecisionDate || details.DecidedOn > latest)
        {
            throw new DomainRuleException(
                DateRules.DecisionNotInFuture,
                $"De datum van het besluit ligt niet in de toekomst en niet voor {EarliestDecisionDate.Year}.");
        }

        return new Decision
        {
            Id = DecisionId.New(),
            ProgrammeId = programmeId,
            Kind = kind,
            Cycle = cycle,
            DecidedOn = details.DecidedOn,
            DecidedBy = Guard.RequiredText(details.DecidedBy, DecidedByMaxLength, "DecisionBodyRequired", "Het orgaan dat besloot"),
            Title = Guard.RequiredText(details.Title, TitleMaxLength, "DecisionTitleRequired", "De titel van het besluit"),
            Rationale = Guard.RequiredText(details.Rationale, RationaleMaxLength, "DecisionRationaleRequired", "De motivering van het besluit"),
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }

    private static List<string> NormaliseBlocks(IEnumerable<string>? codes)
    {
        var result = new List<string>();
        foreach (var code in (codes ?? []).Select(code => code?.Trim()).Where(code => !string.IsNullOrEmpty(code)))
        {
            if (!ProcessModel.BuildingBlocks.Any(block => block.Code == code))
            {
                throw new DomainRuleException("BuildingBlockMustExist", $"'{code}' is geen bouwsteen van het procesmodel.");
            }

            if (!result.Contains(code!))
            {
                result.Add(code!);
            }
        }

        return result.Count > MaxBuildingBlocks
            ? throw new DomainRuleException("TooManyBuildingBlocks", $"Een besluit noemt hoogstens {MaxBuildingBlocks} bouwstenen.")
            : result;
    }
}
