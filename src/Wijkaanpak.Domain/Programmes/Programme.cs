using Wijkaanpak.Domain.Common;

namespace Wijkaanpak.Domain.Programmes;

/// <summary>
/// A neighbourhood approach (wijkaanpak): a long-running, additional package of measures by a
/// coalition of parties for one or more areas (Slagkracht in de wijk, §2.1).
/// </summary>
public sealed class Programme
{
    public const int NameMaxLength = 200;
    public const int MunicipalityMaxLength = 100;
    public const int DescriptionMaxLength = 4000;
    public const int MaxAreaCodes = 50;

    // A wijkaanpak runs for ten to twenty years (§2.1); shorter is a project, longer is not planned.
    public const int MinHorizonYears = 10;
    public const int MaxHorizonYears = 20;

    public static readonly DateOnly EarliestStartDate = new(1990, 1, 1);
    public static readonly DateOnly LatestStartDate = new(2100, 12, 31);

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

    public DateOnly PlannedEndDate => StartDate.AddYears(HorizonYears);

    public string Description { get; private set; }

    public Phase CurrentPhase { get; private set; }

    /// <summary>Starts at 1; every herijking starts the next cycle (§8.2).</summary>
    public int Cycle { get; private set; }

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

        if (details.StartDate < EarliestStartDate || details.StartDate > LatestStartDate)
        {
            throw new DomainRuleException(
                "StartDateMustBePlausible",
                $"De startdatum ligt tussen {EarliestStartDate.Year} en {LatestStartDate.Year}.");
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
