using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Execution;

/// <summary>
/// An execution programme (uitvoeringsprogramma, §6.3): a period of three to four years within the
/// programme's long horizon, in which its interventions run. A herijking leads to the next one.
/// </summary>
public sealed class ExecutionPeriod
{
    public const int NameMaxLength = 200;
    public const int MinYears = 3;
    public const int MaxYears = 4;

    private ExecutionPeriod() => Name = string.Empty;

    public Guid Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public string Name { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly Until { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Plans a period; it must lie within the programme's horizon and not overlap the other periods.</summary>
    public static ExecutionPeriod Plan(Programme programme, IReadOnlyCollection<ExecutionPeriod> existing, string name, DateOnly from, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(existing);
        if (until <= from || until > from.AddYears(MaxYears) || until < from.AddYears(MinYears).AddDays(-1))
        {
            throw new DomainRuleException("PeriodThreeToFourYears", $"Een uitvoeringsprogramma loopt {MinYears} tot {MaxYears} jaar.");
        }

        if (from < programme.StartDate || until > programme.PlannedEndDate)
        {
            throw new DomainRuleException(
                "PeriodWithinHorizon",
                $"Het uitvoeringsprogramma valt binnen de looptijd van de wijkaanpak ({programme.StartDate:d-M-yyyy} tot {programme.PlannedEndDate:d-M-yyyy}).");
        }

        if (existing.FirstOrDefault(period => period.From <= until && from <= period.Until) is { } overlapping)
        {
            throw new DomainRuleException("PeriodsDoNotOverlap", $"Deze periode overlapt met '{overlapping.Name}'.");
        }

        return new ExecutionPeriod
        {
            Id = Guid.CreateVersion7(),
            ProgrammeId = programme.Id,
            Name = Guard.RequiredText(name, NameMaxLength, "PeriodNameRequired", "De naam van het uitvoeringsprogramma"),
            From = from,
            Until = until,
        };
    }

    public bool Contains(DateOnly date) => From <= date && date <= Until;
}
