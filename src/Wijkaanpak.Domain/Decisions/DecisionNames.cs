namespace Wijkaanpak.Domain.Decisions;

/// <summary>The Dutch texts for the decision types, used by every screen and report.</summary>
public static class DecisionNames
{
    public const AlternativeMeasures AllAlternativeMeasures =
        AlternativeMeasures.IntensifySocialManagement
        | AlternativeMeasures.IntensifyPhysicalManagement
        | AlternativeMeasures.StrengthenAreaBasedWork
        | AlternativeMeasures.AdditionalSectoralPolicy
        | AlternativeMeasures.CommunityBuilding
        | AlternativeMeasures.Other;

    public static string DisplayName(this DecisionKind kind) => kind switch
    {
        DecisionKind.GoNoGo => "Go/no-go-besluit",
        DecisionKind.PhaseChange => "Faseovergang",
        DecisionKind.Herijking => "Herijking",
        DecisionKind.Other => "Besluit",
        _ => kind.ToString(),
    };

    public static string DisplayName(this GoNoGoOutcome outcome) => outcome switch
    {
        GoNoGoOutcome.Go => "Go",
        GoNoGoOutcome.NoGo => "No-go",
        _ => outcome.ToString(),
    };

    /// <summary>The Dutch name of a single measure.</summary>
    public static string DisplayName(this AlternativeMeasures measure) => measure switch
    {
        AlternativeMeasures.IntensifySocialManagement => "Sociaal beheer intensiveren",
        AlternativeMeasures.IntensifyPhysicalManagement => "Fysiek beheer intensiveren",
        AlternativeMeasures.StrengthenAreaBasedWork => "Wijkgericht werken versterken",
        AlternativeMeasures.AdditionalSectoralPolicy => "Extra sectoraal beleid",
        AlternativeMeasures.CommunityBuilding => "De gemeenschap versterken (community building)",
        AlternativeMeasures.Other => "Anders",
        _ => measure.ToString(),
    };

    /// <summary>The single measures a combination holds, in a fixed order.</summary>
    public static IReadOnlyList<AlternativeMeasures> Members(this AlternativeMeasures measures) =>
        Enum.GetValues<AlternativeMeasures>()
            .Where(measure => measure != AlternativeMeasures.None && measures.HasFlag(measure))
            .ToList();

    /// <summary>The question in our own words (bron: Slagkracht in de wijk, §4.6), phrased so that "ja" is favourable.</summary>
    public static string Text(this GoNoGoQuestion question) => question switch
    {
        GoNoGoQuestion.FitsCoreCompetences => "Past wat de wijkaanpak vraagt bij de kerntaken en sterke kanten van onze organisatie?",
        GoNoGoQuestion.NoUnacceptableRisks => "Kunnen wij meedoen zonder risico's te lopen die wij niet kunnen dragen?",
        GoNoGoQuestion.StrengthensPosition => "Versterkt meedoen de positie van onze organisatie?",
        GoNoGoQuestion.EnoughCapacity => "Is er genoeg menskracht en tijd, bij ons en bij de andere partijen?",
        GoNoGoQuestion.LawAndRegulationAllow => "Laten wet- en regelgeving deze samenwerking toe?",
        _ => question.ToString(),
    };

    /// <summary>A short column heading for the question, for tables of weighings side by side.</summary>
    public static string ShortLabel(this GoNoGoQuestion question) => question switch
    {
        GoNoGoQuestion.FitsCoreCompetences => "Kerntaken",
        GoNoGoQuestion.NoUnacceptableRisks => "Risico's",
        GoNoGoQuestion.StrengthensPosition => "Positie",
        GoNoGoQuestion.EnoughCapacity => "Capaciteit",
        GoNoGoQuestion.LawAndRegulationAllow => "Wet- en regelgeving",
        _ => question.ToString(),
    };
}
