using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Inventories;

/// <summary>What kind of party a stakeholder is (§4.5).</summary>
public enum StakeholderKind
{
    Organisatie = 1,
    Vereniging,
    InformeelInitiatief,
    Participatiekanaal,
    Sleutelpersoon,
}

/// <summary>
/// One entry of the stakeholder inventory (§4.5): who is active in or around the area, what they
/// care about and how to reach them. The inventory is what the Oriënteren checklist on
/// stakeholders points to; an entry may name a registered organisation.
/// </summary>
public sealed class Stakeholder
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int ContactMaxLength = 300;

    private Stakeholder()
    {
        Name = string.Empty;
        Interest = string.Empty;
        Contact = string.Empty;
    }

    public Guid Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public StakeholderKind Kind { get; private set; }

    public string Name { get; private set; }

    /// <summary>The registered organisation this entry is, when it is one.</summary>
    public OrganisationId? OrganisationId { get; private set; }

    /// <summary>What they care about in the area and what they can bring.</summary>
    public string Interest { get; private set; }

    public string Contact { get; private set; }

    public uint Version { get; private set; }

    public static Stakeholder Add(ProgrammeId programmeId, StakeholderDetails details)
    {
        var stakeholder = new Stakeholder { Id = Guid.CreateVersion7(), ProgrammeId = programmeId };
        stakeholder.Change(details);
        return stakeholder;
    }

    public void Change(StakeholderDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!Enum.IsDefined(details.Kind))
        {
            throw new DomainRuleException("StakeholderKindKnown", "Kies het soort belanghebbende.");
        }

        Kind = details.Kind;
        Name = Guard.RequiredText(details.Name, NameMaxLength, "StakeholderNameRequired", "De naam");
        OrganisationId = details.OrganisationId;
        Interest = Guard.OptionalText(details.Interest, TextMaxLength, "StakeholderInterestTooLong", "Belang en inbreng");
        Contact = Guard.OptionalText(details.Contact, ContactMaxLength, "StakeholderContactTooLong", "Het contact");
    }
}

public sealed record StakeholderDetails(StakeholderKind Kind, string Name, OrganisationId? OrganisationId, string? Interest, string? Contact);
