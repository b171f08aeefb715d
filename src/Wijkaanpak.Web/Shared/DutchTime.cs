namespace Wijkaanpak.Web.Shared;

/// <summary>
/// Moments are stored in UTC; people read them in Dutch time, whatever the server's zone (containers
/// run in UTC). Falls back to UTC where the time-zone database is missing.
/// </summary>
public static class DutchTime
{
    private static readonly TimeZoneInfo Netherlands = FindNetherlands();

    public static DateTimeOffset InNetherlands(this DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Netherlands);

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
