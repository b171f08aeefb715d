using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Execution;

/// <summary>The kinds of effort in an execution programme (§6.3).</summary>
public enum InterventionKind
{
    Regulier = 1,
    Additioneel,
    Experiment,
    QuickWin,
    SmallWin,
    Bewonersinitiatief,
}

public enum InterventionStatus
{
    Gepland = 1,
    Lopend,
    Bijgesteld,
    Gestopt,
    Afgerond,
}

/// <summary>
/// One action of the execution programme (§6.3): who carries it, which ambitions it serves (at least
/// one: the handbook asks for precision about what every effort is for), what kind it is, its
/// budget and dates, and its status with the reason and date of every change.
/// </summary>
public sealed class Intervention
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int ReasonMaxLength = 2000;
    public const decimal MaxBudget = 1_000_000_000m;

    /// <summary>The last year an intervention can be planned in; with <c>Programme.EarliestStartDate</c> the window a typed date must fall in.</summary>
    public const int LatestYear = 2100;

    private readonly List<Guid> _ownerOrganisationIds = [];
    private readonly List<Guid> _ambitionIds = [];
    private readonly List<Guid> _indicatorIds = [];
    private readonly List<StatusChange> _statusHistory = [];

    private Intervention()
    {
        Title = string.Empty;
        Description = string.Empty;
    }

    public Guid Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    /// <summary>The execution period (uitvoeringsprogramma) it belongs to.</summary>
    public Guid PeriodId { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public InterventionKind Kind { get; private set; }

    public IReadOnlyList<Guid> OwnerOrganisationIds => _ownerOrganisationIds;

    public IReadOnlyList<Guid> AmbitionIds => _ambitionIds;

    /// <summary>The indicators this intervention should move.</summary>
    public IReadOnlyList<Guid> IndicatorIds => _indicatorIds;

    public decimal Budget { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public InterventionStatus Status { get; private set; }

    public IReadOnlyList<StatusChange> StatusHistory => _statusHistory.OrderBy(change => change.ChangedOn).ThenBy(change => change.RecordedAt).ToList();

    public uint Version { get; private set; }

    public static Intervention Plan(ProgrammeId programmeId, ExecutionPeriod period, InterventionDetails details, UserRef by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(by);
        if (period.ProgrammeId != programmeId)
        {
            throw new DomainRuleException("PeriodOfTheProgramme", "Kies een uitvoeringsprogramma van dit programma.");
        }

        var intervention = new Intervention { Id = Guid.CreateVersion7(), ProgrammeId = programmeId, PeriodId = period.Id, Status = InterventionStatus.Gepland };
        intervention.Change(details);
        intervention._statusHistory.Add(new StatusChange(null, InterventionStatus.Gepland, "Opgenomen in het uitvoeringsprogramma.", details.StartDate, by, now));
        return intervention;
    }

    public void Change(InterventionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!Enum.IsDefined(details.Kind))
        {
            throw new DomainRuleException("InterventionKindKnown", "Kies het soort interventie.");
        }

        var ambitions = details.AmbitionIds.Distinct().ToList();
        if (ambitions.Count == 0)
        {
            throw new DomainRuleException(
                "InterventionServesAnAmbition",
                "Kies ten minste één ambitie die deze interventie dient: elke inzet moet zeggen waarvoor hij is.");
        }

        if (details.Budget is < 0 or > MaxBudget)
        {
            throw new DomainRuleException("InterventionBudgetPlausible", "Het budget ligt tussen € 0 en € 1 miljard.");
        }

        if (details.EndDate is { } end && end < details.StartDate)
        {
            throw new DomainRuleException("InterventionEndsAfterStart", "De einddatum ligt vóór de startdatum.");
        }

        Title = Guard.RequiredText(details.Title, TitleMaxLength, "InterventionTitleRequired", "De naam van de interventie");
        Description = Guard.OptionalText(details.Description, DescriptionMaxLength, "InterventionDescriptionTooLong", "De omschrijving");
        Kind = details.Kind;
        Budget = details.Budget;
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        Replace(_ownerOrganisationIds, details.OwnerOrganisationIds.Select(owner => owner.Value));
        Replace(_ambitionIds, ambitions);
        Replace(_indicatorIds, details.IndicatorIds.Select(indicator => indicator.Value));
    }

    /// <summary>Changes the status; every change states why and when (§6.3), and a stopped or finished intervention stays so.</summary>
    /// <remarks>
    /// A status change has happened: it is dated between the programme's start and today. Not held to
    /// the previous change: the first entry is the planned start, which a stop may well precede.
    /// </remarks>
    public StatusChange ChangeStatus(InterventionStatus to, string reason, DateOnly on, ProgrammeCalendar calendar, UserRef by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Enum.IsDefined(to))
        {
            throw new DomainRuleException("InterventionStatusKnown", "Kies een status.");
        }

        if (to == Status)
        {
            throw new DomainRuleException("StatusMustChange", $"De interventie is al {Status.DisplayName().ToLowerInvariant()}.");
        }

        if (Status is InterventionStatus.Gestopt or InterventionStatus.Afgerond)
        {
            throw new DomainRuleException(
                "EndedInterventionStaysEnded",
                $"Een {Status.DisplayName().ToLowerInvariant()} interventie verandert niet meer van status; plan zo nodig een nieuwe.");
        }

        if (to == InterventionStatus.Gepland)
        {
            throw new DomainRuleException("NoBackToPlanned", "Een interventie die loopt of is bijgesteld, gaat niet terug naar gepland.");
        }

        calendar.EnsureHappened(on, DateRules.StatusChangeWithinProgrammeLife, "De datum van de statuswijziging");
        var change = new StatusChange(
            Status,
            to,
            Guard.RequiredText(reason, ReasonMaxLength, "StatusChangeNeedsReason", "De reden van de statuswijziging"),
            on,
            by,
            now);
        _statusHistory.Add(change);
        Status = to;
        return change;
    }

    /// <summary>The date of the last status change: to spot interventions without recent news.</summary>
    public DateOnly LastStatusChangeOn => _statusHistory.Max(change => change.ChangedOn);

    private static void Replace(List<Guid> target, IEnumerable<Guid> values)
    {
        target.Clear();
        target.AddRange(values.Distinct());
    }
}

public sealed record InterventionDetails(
    string Title,
    string? Description,
    InterventionKind Kind,
    IReadOnlyCollection<OrganisationId> OwnerOrganisationIds,
    IReadOnlyCollection<Guid> AmbitionIds,
    IReadOnlyCollection<IndicatorId> IndicatorIds,
    decimal Budget,
    DateOnly StartDate,
    DateOnly? EndDate);

/// <summary>One status change, with its reason and date.</summary>
public sealed class StatusChange
{
    private StatusChange()
    {
        Reason = string.Empty;
        RecordedBy = null!;
    }

    internal StatusChange(InterventionStatus? from, InterventionStatus to, string reason, DateOnly changedOn, UserRef recordedBy, DateTimeOffset recordedAt)
    {
        From = from;
        To = to;
        Reason = reason;
        ChangedOn = changedOn;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public InterventionStatus? From { get; private set; }

    public InterventionStatus To { get; private set; }

    public string Reason { get; private set; }

    public DateOnly ChangedOn { get; private set; }

    public UserRef RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

public static class InterventionNames
{
    public static string DisplayName(this InterventionKind kind) => kind switch
    {
        InterventionKind.Regulier => "Regulier",
        InterventionKind.Additioneel => "Additioneel",
        InterventionKind.Experiment => "Experiment / doorbraakpilot",
        InterventionKind.QuickWin => "Quick win",
        InterventionKind.SmallWin => "Small win",
        InterventionKind.Bewonersinitiatief => "Bewonersinitiatief",
        _ => kind.ToString(),
    };

    public static string DisplayName(this InterventionStatus status) => status switch
    {
        InterventionStatus.Gepland => "Gepland",
        InterventionStatus.Lopend => "Lopend",
        InterventionStatus.Bijgesteld => "Bijgesteld",
        InterventionStatus.Gestopt => "Gestopt",
        InterventionStatus.Afgerond => "Afgerond",
        _ => status.ToString(),
    };
}
