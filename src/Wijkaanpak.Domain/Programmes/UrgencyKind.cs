namespace Wijkaanpak.Domain.Programmes;

/// <summary>How the urgency of an area shows itself (Slagkracht in de wijk, §4.1).</summary>
public enum UrgencyKind
{
    /// <summary>A sudden event or crisis makes action unavoidable.</summary>
    Acuut = 1,

    /// <summary>Problems build up slowly and out of sight until they surface.</summary>
    Sluimerend = 2,

    /// <summary>Several problems in several domains reinforce each other.</summary>
    Meervoudig = 3,
}
