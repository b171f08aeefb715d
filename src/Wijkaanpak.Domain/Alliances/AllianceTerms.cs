namespace Wijkaanpak.Domain.Alliances;

/// <summary>At which level an organisation takes part (Slagkracht in de wijk, §5.1, §6.2).</summary>
public enum AllianceLevel
{
    Bestuurlijk = 1,
    Tactisch,
    Operationeel,
}

/// <summary>The part an organisation plays in the alliance (§5.1, §6.1, §6.2).</summary>
public enum AllianceRole
{
    Kernpartner = 1,
    LidAlliantiebestuur,
    Voorzitter,
    ChangeAgent,
    Kwartiermaker,
    Programmadirecteur,
}

/// <summary>
/// How far residents have a say in the approach, from A (now and then informed or consulted) to E
/// (a formal seat on the alliance board) (§6.2, the five variants found in the NPLV areas).
/// </summary>
public enum ParticipationLevel
{
    A = 1,
    B,
    C,
    D,
    E,
}

public static class AllianceNames
{
    public static string DisplayName(this AllianceLevel level) => level switch
    {
        AllianceLevel.Bestuurlijk => "Bestuurlijk",
        AllianceLevel.Tactisch => "Tactisch",
        AllianceLevel.Operationeel => "Operationeel",
        _ => level.ToString(),
    };

    public static string DisplayName(this AllianceRole role) => role switch
    {
        AllianceRole.Kernpartner => "Kernpartner",
        AllianceRole.LidAlliantiebestuur => "Lid alliantiebestuur",
        AllianceRole.Voorzitter => "Voorzitter",
        AllianceRole.ChangeAgent => "Change agent / boegbeeld",
        AllianceRole.Kwartiermaker => "Kwartiermaker",
        AllianceRole.Programmadirecteur => "Programmadirecteur",
        _ => role.ToString(),
    };

    /// <summary>The roles that make up the alliance board: its members and the chair who leads it.</summary>
    public static bool SitsOnBoard(this AllianceRole role) => role is AllianceRole.LidAlliantiebestuur or AllianceRole.Voorzitter;

    /// <summary>Our summary of each variant (bron: Slagkracht in de wijk, §6.2).</summary>
    public static string Description(this ParticipationLevel level) => level switch
    {
        ParticipationLevel.A => "Bewoners doen af en toe mee: ze worden geïnformeerd of om hun mening gevraagd, maar hebben geen plek in de aanpak of het bestuur.",
        ParticipationLevel.B => "Een kleine groep vertegenwoordigt bewoners via bestaande netwerken of wijkorganen; vooral informeren, afstemmen en soms adviseren.",
        ParticipationLevel.C => "Bewoners zijn vast betrokken met een informele plek, bijvoorbeeld in een partnernetwerk, maar zitten niet in de alliantie.",
        ParticipationLevel.D => "Bewoners hebben een formele plek in de alliantie, maar geen zetel in het alliantiebestuur.",
        ParticipationLevel.E => "Bewoners hebben een formele zetel in het alliantiebestuur.",
        _ => level.ToString(),
    };
}
