namespace Wijkaanpak.Domain.Decisions;

/// <summary>What a decision in the besluitenlijst is about.</summary>
public enum DecisionKind
{
    /// <summary>The go/no-go decision of §4.6; only made through <c>Programme.RecordGoNoGoDecision</c>.</summary>
    GoNoGo = 1,

    /// <summary>A move to another phase; made by <c>Programme.MoveToPhase</c>.</summary>
    PhaseChange = 2,

    /// <summary>A herijking that starts a new cycle (§8.2); made by <c>Programme.RecordHerijking</c>.</summary>
    Herijking = 3,

    /// <summary>Any other decision of the alliance board that staff enter, e.g. stopping an intervention.</summary>
    Other = 4,
}

public enum GoNoGoOutcome
{
    Go = 1,
    NoGo = 2,
}

/// <summary>
/// What is done instead when the answer is no go (§4.6): doing nothing extra is seldom an option.
/// Flags, because a no go usually combines several.
/// </summary>
[Flags]
public enum AlternativeMeasures
{
    None = 0,
    IntensifySocialManagement = 1,
    IntensifyPhysicalManagement = 2,

    /// <summary>Strengthen wijkgericht werken: the municipality's routine work per area.</summary>
    StrengthenAreaBasedWork = 4,
    AdditionalSectoralPolicy = 8,
    CommunityBuilding = 16,

    /// <summary>Described in <see cref="GoNoGoDetails.OtherMeasureDescription"/>.</summary>
    Other = 32,
}

/// <summary>The five questions each organisation weighs for itself before the go/no-go (§4.6). "Ja" is the favourable answer to each.</summary>
public enum GoNoGoQuestion
{
    FitsCoreCompetences = 1,
    NoUnacceptableRisks = 2,
    StrengthensPosition = 3,
    EnoughCapacity = 4,
    LawAndRegulationAllow = 5,
}
