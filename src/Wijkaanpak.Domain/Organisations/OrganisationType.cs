namespace Wijkaanpak.Domain.Organisations;

/// <summary>The kinds of parties that take part in a wijkaanpak (Slagkracht in de wijk, §4.5, §5.1).</summary>
public enum OrganisationType
{
    Gemeente = 1,
    Woningcorporatie,
    Politie,
    OpenbaarMinisterie,
    Onderwijs,
    Zorg,
    Welzijn,
    Ggd,
    Ondernemers,
    Bewonersorganisatie,
    RijkMinisterie,
    Fonds,
    Kennisinstelling,
    Overig,
}

public static class OrganisationTypeNames
{
    public static string DisplayName(this OrganisationType type) => type switch
    {
        OrganisationType.Gemeente => "Gemeente",
        OrganisationType.Woningcorporatie => "Woningcorporatie",
        OrganisationType.Politie => "Politie",
        OrganisationType.OpenbaarMinisterie => "Openbaar Ministerie",
        OrganisationType.Onderwijs => "Onderwijs",
        OrganisationType.Zorg => "Zorg",
        OrganisationType.Welzijn => "Welzijn",
        OrganisationType.Ggd => "GGD",
        OrganisationType.Ondernemers => "Ondernemers",
        OrganisationType.Bewonersorganisatie => "Bewonersorganisatie",
        OrganisationType.RijkMinisterie => "Rijk / ministerie",
        OrganisationType.Fonds => "Fonds",
        OrganisationType.Kennisinstelling => "Kennisinstelling",
        OrganisationType.Overig => "Overig",
        _ => type.ToString(),
    };
}
