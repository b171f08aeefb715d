using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Shared;

/// <summary>How a service finds the days an act of a programme is dated against, without loading the programme.</summary>
public static class ProgrammeCalendars
{
    /// <summary>The programme's start and planned end, and today in the Netherlands; null when the programme does not exist.</summary>
    public static async Task<ProgrammeCalendar?> CalendarOfAsync(this WijkaanpakDbContext db, ProgrammeId programmeId, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dates = await db.Programmes.AsNoTracking()
            .Where(programme => programme.Id == programmeId)
            .Select(programme => new { programme.StartDate, programme.HorizonYears })
            .SingleOrDefaultAsync(cancellationToken);
        return dates is null ? null : ProgrammeCalendar.For(dates.StartDate, dates.HorizonYears, clock.TodayInNetherlands());
    }
}
