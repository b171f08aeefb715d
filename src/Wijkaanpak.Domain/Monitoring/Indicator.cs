using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Monitoring;

/// <summary>
/// A measure the programme follows over the years (§6.4, §7.3): what it is, where the figures come
/// from, which way is better, the baseline (nulmeting) and the target, and per year a written
/// interpretation (duiding). The yearly values themselves are <see cref="Measurement"/>s: there are
/// many, they arrive by import, and they are read per indicator, area and year.
/// </summary>
public sealed class Indicator
{
    public const int NameMaxLength = 200;
    public const int UnitMaxLength = 40;
    public const int SourceMaxLength = 200;
    public const int DefinitionMaxLength = 2000;
    public const int InterpretationMaxLength = 8000;
    public const int EarliestYear = 1990;
    public const int LatestYear = 2100;

    private readonly List<Interpretation> _interpretations = [];

    private Indicator()
    {
        Name = string.Empty;
        Unit = string.Empty;
        Source = string.Empty;
        Definition = string.Empty;
        AreaCode = string.Empty;
    }

    public IndicatorId Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public string Name { get; private set; }

    public IndicatorKind Kind { get; private set; }

    public string Unit { get; private set; }

    /// <summary>Where the figures come from: CBS Kerncijfers wijken en buurten, Leefbaarometer, a local monitor.</summary>
    public string Source { get; private set; }

    public string Definition { get; private set; }

    /// <summary>The area the baseline and target are about: the programme's wijk as a rule (CBS code).</summary>
    public string AreaCode { get; private set; }

    public ImprovementDirection Direction { get; private set; }

    public YearValue? Baseline { get; private set; }

    public YearValue? Target { get; private set; }

    public IReadOnlyList<Interpretation> Interpretations => _interpretations.OrderBy(interpretation => interpretation.Year).ToList();

    public uint Version { get; private set; }

    public static Indicator Define(ProgrammeId programmeId, IndicatorDetails details)
    {
        var indicator = new Indicator { Id = IndicatorId.New(), ProgrammeId = programmeId };
        indicator.Change(details);
        return indicator;
    }

    public void Change(IndicatorDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!Enum.IsDefined(details.Kind) || !Enum.IsDefined(details.Direction))
        {
            throw new DomainRuleException("IndicatorKindAndDirectionKnown", "Kies het soort indicator en welke kant beter is.");
        }

        if (details.Baseline is { } baseline && details.Target is { } target && target.Year <= baseline.Year)
        {
            throw new DomainRuleException("TargetAfterBaseline", "Het doel ligt in een later jaar dan de nulmeting.");
        }

        Name = Guard.RequiredText(details.Name, NameMaxLength, "IndicatorNameRequired", "De naam van de indicator");
        Kind = details.Kind;
        Unit = Guard.OptionalText(details.Unit, UnitMaxLength, "IndicatorUnitTooLong", "De eenheid");
        Source = Guard.OptionalText(details.Source, SourceMaxLength, "IndicatorSourceTooLong", "De bron");
        Definition = Guard.OptionalText(details.Definition, DefinitionMaxLength, "IndicatorDefinitionTooLong", "De definitie");
        AreaCode = Programmes.AreaCode.Parse(details.AreaCode).Value;
        Direction = details.Direction;
        Baseline = Checked(details.Baseline, "nulmeting");
        Target = Checked(details.Target, "doel");
    }

    /// <summary>Writes (or rewrites) the interpretation of one year's figures.</summary>
    public void Interpret(int year, string text, UserRef by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        CheckYear(year);
        var written = Guard.RequiredText(text, InterpretationMaxLength, "InterpretationRequired", "De duiding");
        _interpretations.RemoveAll(interpretation => interpretation.Year == year);
        _interpretations.Add(new Interpretation(year, written, by, now));
    }

    /// <summary>
    /// Whether the indicator lacks a recent figure in <paramref name="currentYear"/>. A figure of last year
    /// counts as recent: CBS and most monitors publish a year's figures during the next year, so only when
    /// neither this year nor last year has a value is the indicator behind.
    /// </summary>
    public static bool IsBehind(YearValue? latest, int currentYear) => latest is null || latest.Year < OldestRecentYear(currentYear);

    /// <summary>The earliest year whose figure still counts as recent in <paramref name="currentYear"/>.</summary>
    public static int OldestRecentYear(int currentYear) => currentYear - 1;

    /// <summary>How a value measured after the baseline compares with baseline and target, by the direction of improvement.</summary>
    public IndicatorTrend TrendOf(YearValue? latest) => TrendOf(Direction, Baseline, Target, latest);

    /// <summary>
    /// The same rule for an indicator read as a projection of only these columns (the portfolio reads
    /// tens of thousands of indicators and needs nothing else of them).
    /// </summary>
    public static IndicatorTrend TrendOf(ImprovementDirection direction, YearValue? baseline, YearValue? target, YearValue? latest)
    {
        if (baseline is null || latest is null || latest.Year <= baseline.Year)
        {
            return IndicatorTrend.Unknown;
        }

        var sign = direction == ImprovementDirection.HigherIsBetter ? 1 : -1;
        if (target is not null && sign * (latest.Value - target.Value) >= 0)
        {
            return IndicatorTrend.TargetReached;
        }

        return (sign * (latest.Value - baseline.Value)) switch
        {
            > 0 => IndicatorTrend.Improving,
            0 => IndicatorTrend.Unchanged,
            _ => IndicatorTrend.Worsening,
        };
    }

    internal static void CheckYear(int year)
    {
        if (year is < EarliestYear or > LatestYear)
        {
            throw new DomainRuleException("IndicatorYearPlausible", $"Vul een jaar tussen {EarliestYear} en {LatestYear} in.");
        }
    }

    private static YearValue? Checked(YearValue? value, string what)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Year is < EarliestYear or > LatestYear)
        {
            throw new DomainRuleException("IndicatorYearPlausible", $"Het jaar van de {what} ligt tussen {EarliestYear} en {LatestYear}.");
        }

        Measurement.CheckValue(value.Value);
        return value;
    }
}

public sealed record IndicatorDetails(
    string Name,
    IndicatorKind Kind,
    string? Unit,
    string? Source,
    string? Definition,
    string AreaCode,
    ImprovementDirection Direction,
    YearValue? Baseline,
    YearValue? Target);

/// <summary>The written meaning of one year's figures, by the team or a kenniskring (§7.3).</summary>
public sealed class Interpretation
{
    private Interpretation()
    {
        Text = string.Empty;
        WrittenBy = null!;
    }

    internal Interpretation(int year, string text, UserRef writtenBy, DateTimeOffset writtenAt)
    {
        Year = year;
        Text = text;
        WrittenBy = writtenBy;
        WrittenAt = writtenAt;
    }

    public int Year { get; private set; }

    public string Text { get; private set; }

    public UserRef WrittenBy { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }
}
