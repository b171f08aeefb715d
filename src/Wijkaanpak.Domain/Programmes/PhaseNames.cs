namespace Wijkaanpak.Domain.Programmes;

/// <summary>The Dutch names the handbook gives the phases and urgencies, used by every screen and report.</summary>
public static class PhaseNames
{
    public static string DisplayName(this Phase phase) => phase switch
    {
        Phase.Orienteren => "Oriënteren",
        Phase.Opstarten => "Opstarten",
        Phase.Ontwerpen => "Ontwerpen",
        Phase.UitvoerenEnHerijken => "Uitvoeren en herijken",
        _ => phase.ToString(),
    };

    public static string DisplayName(this UrgencyKind urgency) => urgency switch
    {
        UrgencyKind.Acuut => "Acuut",
        UrgencyKind.Sluimerend => "Sluimerend",
        UrgencyKind.Meervoudig => "Meervoudig",
        _ => urgency.ToString(),
    };
}
