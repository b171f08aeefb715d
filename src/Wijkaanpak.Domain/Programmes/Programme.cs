using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Decisions;
using Wijkaanpak.Domain.Process;

namespace Wijkaanpak.Domain.Programmes;

/// <summary>
/// A neighbourhood approach (wijkaanpak): a long-running, additional package of measures by a
/// coalition of parties for one or more areas (Slagkracht in de wijk, §2.1).
/// It also keeps where the approach is in the process model (§3.1): phase, cycle, the recorded
/// phase moves and herijkingen, and the go/no-go weighings and decision (Programme.GoNoGo.cs).
/// Every act that belongs in the besluitenlijst returns its <see cref="Decision"/>; the caller
/// stores it in the same transaction as the programme.
/// </summary>
public sealed partial class Programme
{
    public const int NameMaxLength = 200;
    public const int MunicipalityMaxLength = 100;
    public const int DescriptionMaxLength = 4000;
    public const int MaxAreaCodes = 50;

    // A wijkaanpak runs for ten to twenty years (§2.1); shorter is a project, longer is not planned.
    public const int MinHorizonYears = 10;
    public const int MaxHorizonYears = 20;

    // The start of an approach kept here: not before 2000 (the oldest approach still running started
    // after it, given the horizon of at most twenty years), and at most five years ahead, through
    // the end of that year: enough to register an approach being prepared, not a typo such as 2099.
    public static readonly DateOnly EarliestStartDate = new(2000, 1, 1);
    public const int MaxStartYearsAhead = 5;

    public const int PhaseMoveReasonMaxLength = 4000;

    private readonly List<PhaseTransition> _phaseTransitions = [];
    private readonly List<Herijking> _herijkingen = [];
    private List<string> _areaCodes = [];

    private Programme()
    {
        Name = string.Empty;
        Municipality = string.Empty;
        Description = string.Empty;
    }

    public ProgrammeId Id { get; private set; }

    public string Name { get; private set; }

    public string Municipality { get; private set; }

    public IReadOnlyList<AreaCode> AreaCodes => _areaCodes.Select(AreaCode.Parse).ToList();

    public UrgencyKind Urgency { get; private set; }

    public DateOnly StartDate { get; private set; }

    public int HorizonYears { get; private set; }

    public DateOnly PlannedEndDate => PlannedEndOf(StartDate, HorizonYears);

    public string Description { get; private set; }

    public Phase CurrentPhase { get; private set; }

    /// <summary>Starts at 1; every herijking starts the next cycle (§8.2).</summary>
    public int Cycle { get; private set; }

    /// <summary>Ended by a no go; an ended programme makes no more phase moves or herijkingen.</summary>
    public ProgrammeStatus Status { get; private set; }

    public bool IsEnded => Status == ProgrammeStatus.Ended;

    /// <summary>The date of the decision that ended the approach.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>Every phase move, oldest first, including those a herijking made.</summary>
    public IReadOnlyList<PhaseTransition> PhaseTransitions => _phaseTransitions.OrderBy(transition => transition.MovedAt).ToList();

    /// <summary>Oldest first; the last one started the current cycle (when <see cref="Cycle"/> &gt; 1).</summary>
    public IReadOnlyList<Herijking> Herijkingen => _herijkingen.OrderBy(herijking => herijking.StartsCycle).ToList();

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token: PostgreSQL's xmin of the row.</summary>
    public uint Version { get; private set; }

    /// <summary>A new approach starts where the process model starts: orienting, first cycle.</summary>
    public static Programme Create(ProgrammeDetails details, DateTimeOffset now)
    {
        var programme = new Programme
        {
            Id = ProgrammeId.New(),
            CurrentPhase = Phase.Orienteren,
            Cycle = 1,
            Status = ProgrammeStatus.Active,
            CreatedAt = now,
        };
        programme.Apply(details, now);
        return programme;
    }

    /// <summary>
    /// Registers an approach that was already running before it was kept in this application,
    /// in the phase and cycle it has reached.
    /// </summary>
    public static Programme RegisterRunning(ProgrammeDetails details, Phase currentPhase, int cycle, DateTimeOffset now)
    {
        if (!Enum.IsDefined(currentPhase))
        {
            throw new DomainRuleException("PhaseMustExist", "Kies een fase van het procesmodel.");
        }

        if (cycle < 1)
        {
            throw new DomainRuleException("CycleStartsAtOne", "De cyclus begint bij 1.");
        }

        var programme = Create(details, now);
        programme.CurrentPhase = currentPhase;
        programme.Cycle = cycle;
        return programme;
    }

    public void UpdateDetails(ProgrammeDetails details, DateTimeOffset now) => Apply(details, now);

    public static DateOnly PlannedEndOf(DateOnly startDate, int horizonYears) => startDate.AddYears(horizonYears);

    /// <summary>The last start date accepted on <paramref name="today"/>: the end of the year <see cref="MaxStartYearsAhead"/> years on.</summary>
    public static DateOnly LatestStartDate(DateOnly today) => new(today.Year + MaxStartYearsAhead, 12, 31);

    /// <summary>The one place of the start-date window; the edit form's validator asks it too.</summary>
    public static bool IsPlausibleStartDate(DateOnly startDate, DateOnly today) =>
        startDate >= EarliestStartDate && startDate <= LatestStartDate(today);

    /// <summary>The decision date of the latest phase move (or herijking); null before the first.</summary>
    public DateOnly? LastPhaseMoveOn => _phaseTransitions.Count == 0 ? null : _phaseTransitions.Max(transition => transition.DecidedOn);

    /// <summary>
    /// Moves to another phase, forward or back, for a stated reason. The one firm gate: leaving
    /// Oriënteren for a later phase needs a standing go decision (§4.6). Returns the decision for
    /// the besluitenlijst.
    /// </summary>
    public Decision MoveToPhase(PhaseMoveInput move, UserRef movedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(move);
        ArgumentNullException.ThrowIfNull(movedBy);
        EnsureNotEnded();

        if (!Enum.IsDefined(move.To))
        {
            throw new DomainRuleException("PhaseMustExist", "Kies een fase van het procesmodel.");
        }

        if (move.To == CurrentPhase)
        {
            throw new DomainRuleException("AlreadyInThatPhase", $"Het programma is al in de fase {CurrentPhase.DisplayName()}.");
        }

        var reason = Guard.RequiredText(move.Reason, PhaseMoveReasonMaxLength, "PhaseMoveNeedsReason", "De reden voor de faseovergang");

        if (CurrentPhase == Phase.Orienteren && GoNoGo != GoNoGoOutcome.Go)
        {
            throw new DomainRuleException(
                "NoOpstartenWithoutGo",
                $"Het programma gaat pas van Oriënteren naar {move.To.DisplayName()} na een go-besluit (§4.6).");
        }

        Decision.EnsureNotBeforeStart(this, move.DecidedOn);
        EnsureAfterPreviousMove(move.DecidedOn);
        var decision = Decision.ForPhaseChange(this, move with { Reason = reason }, movedBy, now);
        _phaseTransitions.Add(new PhaseTransition(CurrentPhase, move.To, Cycle, reason, decision.Id, move.DecidedOn, movedBy, now));
        CurrentPhase = move.To;
        UpdatedAt = now;
        return decision;
    }

    /// <summary>
    /// Records a herijking (§8.2) from Uitvoeren en herijken: the next cycle starts, the chosen
    /// building blocks of Opstarten and Ontwerpen are re-opened, and the programme moves back to the
    /// earliest phase among them. <paramref name="revisits"/> is the earlier decision it reconsiders,
    /// if any. Returns the decision for the besluitenlijst.
    /// </summary>
    public Decision RecordHerijking(HerijkingInput herijking, Decision? revisits, UserRef recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(herijking);
        ArgumentNullException.ThrowIfNull(recordedBy);
        EnsureNotEnded();

        if (CurrentPhase != Phase.UitvoerenEnHerijken)
        {
            throw new DomainRuleException(
                "HerijkingFromUitvoerenEnHerijken",
                $"Herijken gebeurt in de fase {Phase.UitvoerenEnHerijken.DisplayName()}; het programma is in de fase {CurrentPhase.DisplayName()}.");
        }

        var reason = Guard.RequiredText(herijking.Reason, PhaseMoveReasonMaxLength, "HerijkingNeedsReason", "De reden voor de herijking");
        var blocks = ReopenableBlocks(herijking.ReopenedBuildingBlockCodes);

        if (revisits is not null && revisits.ProgrammeId != Id)
        {
            throw new DomainRuleException("RelatedDecisionOfSameProgramme", "Een herijking kan alleen een besluit van hetzelfde programma herzien.");
        }

        Decision.EnsureNotBeforeStart(this, herijking.DecidedOn);
        EnsureAfterPreviousMove(herijking.DecidedOn);
        var toPhase = blocks.Min(block => block.Phase);
        var codes = blocks.Select(block => block.Code).ToList();
        var decision = Decision.ForHerijking(this, herijking with { Reason = reason }, codes, toPhase, revisits, recordedBy, now);

        Cycle++;
        _herijkingen.Add(new Herijking(Cycle, reason, codes, decision.Id, revisits?.Id, recordedBy, now));
        _phaseTransitions.Add(new PhaseTransition(CurrentPhase, toPhase, Cycle, reason, decision.Id, herijking.DecidedOn, recordedBy, now));
        CurrentPhase = toPhase;
        UpdatedAt = now;
        return decision;
    }

    /// <summary>Whether the herijking that started the current cycle re-opened this building block.</summary>
    public bool IsReopenedInCurrentCycle(string buildingBlockCode) =>
        _herijkingen.Any(herijking => herijking.StartsCycle == Cycle && herijking.ReopenedBuildingBlockCodes.Contains(buildingBlockCode));

    /// <summary>The chosen blocks in the order of the process model; each must belong to Opstarten or Ontwerpen.</summary>
    private static List<BuildingBlock> ReopenableBlocks(IReadOnlyList<string>? codes)
    {
        var chosen = (codes ?? []).Select(code => code?.Trim()).Where(code => !string.IsNullOrEmpty(code)).ToHashSet(StringComparer.Ordinal);
        var unknown = chosen.FirstOrDefault(code => !ProcessModel.BuildingBlocks.Any(block =>
            block.Code == code && block.Phase is Phase.Opstarten or Phase.Ontwerpen));
        if (unknown is not null)
        {
            throw new DomainRuleException(
                "HerijkingReopensOpstartenOrOntwerpen",
                $"'{unknown}' is geen bouwsteen van Opstarten of Ontwerpen; alleen die worden bij een herijking heropend.");
        }

        return chosen.Count == 0
            ? throw new DomainRuleException(
                "HerijkingReopensAtLeastOneBlock",
                "Kies ten minste één bouwsteen van Opstarten of Ontwerpen om opnieuw te doorlopen.")
            : ProcessModel.BuildingBlocks.Where(block => chosen.Contains(block.Code)).ToList();
    }

    /// <summary>
    /// Phase moves follow each other: a move dated before the previous one would make the recorded
    /// path of the programme read out of order. The same day is allowed (a go and the move to
    /// Opstarten are often decided in one meeting).
    /// </summary>
    private void EnsureAfterPreviousMove(DateOnly decidedOn)
    {
        if (LastPhaseMoveOn is { } previous && decidedOn < previous)
        {
            throw new DomainRuleException(
                DateRules.PhaseMoveNotBeforePreviousMove,
                $"De datum van het besluit kan niet vóór de vorige faseovergang ({previous:d-M-yyyy}) liggen.");
        }
    }

    private void EnsureNotEnded()
    {
        if (IsEnded)
        {
            throw new DomainRuleException(
                "ProgrammeHasEnded",
                "Dit programma is als wijkaanpak beëindigd; het verandert niet meer van fase.");
        }
    }

    private void Apply(ProgrammeDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);

        var name = Guard.RequiredText(details.Name, NameMaxLength, "ProgrammeNameRequired", "De naam");
        var municipality = Guard.RequiredText(details.Municipality, MunicipalityMaxLength, "MunicipalityRequired", "De gemeente");
        var description = Guard.OptionalText(details.Description, DescriptionMaxLength, "DescriptionTooLong", "De omschrijving");
        var areaCodes = NormaliseAreaCodes(details.AreaCodes);

        if (!Enum.IsDefined(details.Urgency))
        {
            throw new DomainRuleException("UrgencyMustBeKnown", "Kies het soort urgentie: acuut, sluimerend of meervoudig.");
        }

        if (details.HorizonYears is < MinHorizonYears or > MaxHorizonYears)
        {
            throw new DomainRuleException(
                "HorizonWithinTenToTwentyYears",
                $"De looptijd van een wijkaanpak ligt tussen {MinHorizonYears} en {MaxHorizonYears} jaar.");
        }

        // UTC's day is close enough for a window of years.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (!IsPlausibleStartDate(details.StartDate, today))
        {
            throw new DomainRuleException(
                DateRules.ProgrammeStartWithinWindow,
                $"De startdatum ligt tussen {EarliestStartDate.Year} en {LatestStartDate(today).Year}.");
        }

        // Moving the start past a recorded phase move would date that move before the programme.
        var firstMove = _phaseTransitions.Count == 0 ? (DateOnly?)null : _phaseTransitions.Min(transition => transition.DecidedOn);
        if (details.StartDate > firstMove)
        {
            throw new DomainRuleException(
                DateRules.ProgrammeStartNotAfterPhaseMoves,
                $"De startdatum kan niet na de eerste vastgelegde faseovergang ({firstMove:d-M-yyyy}) liggen.");
        }

        Name = name;
        Municipality = municipality;
        Description = description;
        _areaCodes = areaCodes;
        Urgency = details.Urgency;
        HorizonYears = details.HorizonYears;
        StartDate = details.StartDate;
        UpdatedAt = now;
    }

    private static List<string> NormaliseAreaCodes(IReadOnlyList<string>? codes)
    {
        var parsed = (codes ?? [])
            .Where(code => !string.IsNullOrWhiteSpace(code))
            .Select(code => AreaCode.Parse(code).Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        if (parsed.Count == 0)
        {
            throw new DomainRuleException("AtLeastOneArea", "Noem ten minste één gebied (wijk- of buurtcode).");
        }

        return parsed.Count > MaxAreaCodes
            ? throw new DomainRuleException("TooManyAreas", $"Een programma heeft hoogstens {MaxAreaCodes} gebiedscodes.")
            : parsed;
    }
}
