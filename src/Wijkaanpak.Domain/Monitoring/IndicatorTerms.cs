namespace Wijkaanpak.Domain.Monitoring;

public readonly record struct IndicatorId(Guid Value)
{
    public static IndicatorId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>What an indicator tells (§6.4): the few key figures, what was delivered, what changed, how the process goes.</summary>
public enum IndicatorKind
{
    Kernindicator = 1,
    Output,
    Outcome,
    Proces,
}

/// <summary>Which way is better: more (employment) or less (burglaries).</summary>
public enum ImprovementDirection
{
    HigherIsBetter = 1,
    LowerIsBetter,
}

/// <summary>A value in a year: the baseline (nulmeting) or the target.</summary>
public sealed record YearValue(int Year, decimal Value);

/// <summary>How the latest measurement stands against baseline and target.</summary>
public enum IndicatorTrend
{
    /// <summary>No baseline or no measurement after it.</summary>
    Unknown = 0,

    /// <summary>The target is met or passed, in the direction of improvement.</summary>
    TargetReached,

    /// <summary>Better than the baseline, not yet at the target.</summary>
    Improving,

    /// <summary>Equal to the baseline.</summary>
    Unchanged,

    /// <summary>Worse than the baseline.</summary>
    Worsening,
}

public static class IndicatorTrends
{
    /// <summary>Moving the right way: better than the baseline, or at the target.</summary>
    public static bool IsOnTrack(this IndicatorTrend trend) => trend is IndicatorTrend.Improving or IndicatorTrend.TargetReached;
}

public static class IndicatorNames
{
    public static string DisplayName(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Kernindicator => "Kernindicator",
        IndicatorKind.Output => "Outputindicator",
        IndicatorKind.Outcome => "Outcome-indicator",
        IndicatorKind.Proces => "Procesindicator",
        _ => kind.ToString(),
    };

    public static string DisplayName(this ImprovementDirection direction) => direction switch
    {
        ImprovementDirection.HigherIsBetter => "Hoger is beter",
        ImprovementDirection.LowerIsBetter => "Lager is beter",
        _ => direction.ToString(),
    };

    public static string DisplayName(this IndicatorTrend trend) => trend switch
    {
        IndicatorTrend.TargetReached => "Doel bereikt",
        IndicatorTrend.Improving => "Beter dan de nulmeting",
        IndicatorTrend.Unchanged => "Gelijk aan de nulmeting",
        IndicatorTrend.Worsening => "Slechter dan de nulmeting",
        _ => "Nog niet te zeggen",
    };
}
