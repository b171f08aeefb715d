namespace Wijkaanpak.Domain.Programmes;

/// <summary>The four building blocks of the handbook's process model (Slagkracht in de wijk, §3.1).</summary>
public enum Phase
{
    Orienteren = 1,
    Opstarten = 2,
    Ontwerpen = 3,
    UitvoerenEnHerijken = 4,
}
