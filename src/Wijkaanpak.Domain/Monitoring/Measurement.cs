using Wijkaanpak.Domain.Common;

namespace Wijkaanpak.Domain.Monitoring;

/// <summary>
/// One value of an indicator for one area in one year, with where it came from. At most one per
/// indicator, area and year: a new value for the same cell replaces the old one, and the same
/// value again changes nothing, which makes a re-import of the same file a no-op.
/// </summary>
public sealed class Measurement
{
    public const int SourceMaxLength = 300;
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    /// <summary>The database keeps six decimals (numeric(20, 6)); more is refused where a value is entered or imported, never rounded.</summary>
    public const int ValueDecimals = 6;

    private Measurement()
    {
        AreaCode = string.Empty;
        SourceName = string.Empty;
        SourceColumn = string.Empty;
    }

    public Guid Id { get; private set; }

    public IndicatorId IndicatorId { get; private set; }

    public string AreaCode { get; private set; }

    public int Year { get; private set; }

    public decimal Value { get; private set; }

    /// <summary>The file or table the value came from, or "handmatig" when typed in.</summary>
    public string SourceName { get; private set; }

    /// <summary>The column (or indicator name in a long file) within the source.</summary>
    public string SourceColumn { get; private set; }

    /// <summary>The import that stored it, if it came from one.</summary>
    public Guid? ImportId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Measurement Record(IndicatorId indicatorId, MeasurementInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        Indicator.CheckYear(input.Year);
        CheckValue(input.Value);

        var latestYear = LatestYear(now);
        if (input.Year > latestYear)
        {
            throw new DomainRuleException(DateRules.MeasurementYearNotInFuture, $"Een meting is van {latestYear} of eerder: een toekomstig jaar is nog niet gemeten.");
        }

        return new Measurement
        {
            Id = Guid.CreateVersion7(),
            IndicatorId = indicatorId,
            AreaCode = Programmes.AreaCode.Parse(input.AreaCode).Value,
            Year = input.Year,
            Value = input.Value,
            SourceName = Guard.RequiredText(input.SourceName, SourceMaxLength, "MeasurementSourceRequired", "De bron van de meting"),
            SourceColumn = Guard.OptionalText(input.SourceColumn, SourceMaxLength, "MeasurementSourceTooLong", "De kolom in de bron"),
            ImportId = input.ImportId,
            RecordedAt = now,
        };
    }

    /// <summary>
    /// The last year a figure can be of: a figure is measured, not expected, so its year has begun.
    /// Earlier years than the programme's start are fine (a baseline is measured before). A day of
    /// slack: "today" in the Netherlands can be tomorrow in UTC, on New Year's Eve too. The import
    /// asks this too.
    /// </summary>
    public static int LatestYear(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(1).Year;

    /// <summary>Replaces the value of this cell; returns false (and changes nothing) when it is the same value.</summary>
    public bool Correct(MeasurementInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckValue(input.Value);
        if (input.Value == Value)
        {
            return false;
        }

        Value = input.Value;
        SourceName = Guard.RequiredText(input.SourceName, SourceMaxLength, "MeasurementSourceRequired", "De bron van de meting");
        SourceColumn = Guard.OptionalText(input.SourceColumn, SourceMaxLength, "MeasurementSourceTooLong", "De kolom in de bron");
        ImportId = input.ImportId;
        RecordedAt = now;
        return true;
    }

    internal static void CheckValue(decimal value)
    {
        if (Math.Abs(value) > MaxMagnitude)
        {
            throw new DomainRuleException("MeasurementValuePlausible", "Deze waarde is te groot om een meting te zijn.");
        }
    }
}

public sealed record MeasurementInput(string AreaCode, int Year, decimal Value, string SourceName, string? SourceColumn, Guid? ImportId = null);
