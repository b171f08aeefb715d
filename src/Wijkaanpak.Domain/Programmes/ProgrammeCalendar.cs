using Wijkaanpak.Domain.Common;

namespace Wijkaanpak.Domain.Programmes;

/// <summary>
/// The days an act of a programme is dated against: the programme's start, its planned end and
/// today in the Netherlands. What has happened (a signature, a status change) lies between the
/// start and today; what may be planned (a membership, a participation level) between the start and
/// the planned end. The domain has no clock: services build this from the programme and theirs.
/// Figures and stories are not acts of the programme (a baseline is measured before it starts), so
/// they are not held to its start.
/// </summary>
public sealed record ProgrammeCalendar(DateOnly StartDate, DateOnly PlannedEndDate, DateOnly Today)
{
    public static ProgrammeCalendar Of(Programme programme, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return For(programme.StartDate, programme.HorizonYears, today);
    }

    /// <summary>For a service that reads only the start and horizon of a programme.</summary>
    public static ProgrammeCalendar For(DateOnly startDate, int horizonYears, DateOnly today) =>
        new(startDate, Programme.PlannedEndOf(startDate, horizonYears), today);

    /// <summary>Something that took place: not before the programme started, not after today.</summary>
    internal void EnsureHappened(DateOnly date, string rule, string what)
    {
        EnsureNotBeforeStart(date, rule, what);
        if (date > Today)
        {
            throw new DomainRuleException(rule, $"{what} kan niet in de toekomst liggen.");
        }
    }

    /// <summary>Something that may be planned ahead: not before the programme started, not after its planned end.</summary>
    internal void EnsureWithinLife(DateOnly date, string rule, string what)
    {
        EnsureNotBeforeStart(date, rule, what);
        if (date > PlannedEndDate)
        {
            throw new DomainRuleException(rule, $"{what} kan niet na het geplande einde van de wijkaanpak ({PlannedEndDate:d-M-yyyy}) liggen.");
        }
    }

    internal void EnsureNotBeforeStart(DateOnly date, string rule, string what)
    {
        if (date < StartDate)
        {
            throw new DomainRuleException(rule, $"{what} kan niet vóór de start van de wijkaanpak ({StartDate:d-M-yyyy}) liggen.");
        }
    }
}
