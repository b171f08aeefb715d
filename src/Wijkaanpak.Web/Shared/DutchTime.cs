namespace Wijkaanpak.Web.Shared;

/// <summary>
/// Moments are stored in UTC; people read them in Dutch time, whatever the server's zone (containers
/// run in UTC). Falls back to UTC where the time-zone database is missing.
/// </summary>
public static class DutchTime
{
    private static readonly TimeZoneInfo Netherlands = FindNetherlands();

    public static DateTimeOffset InNetherlands(this DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Netherlands);

    /// <summary>The calendar day it is now in the Netherlands: shortly after midnight there it is still yesterday in UTC.</summary>
    public static DateOnly TodayInNetherlands(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().InNetherlands().DateTime);
    }

    private static TimeZoneInfo FindNetherlands()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
