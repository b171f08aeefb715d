using Wijkaanpak.Domain.Common;

namespace Wijkaanpak.Domain.Organisations;

/// <summary>A party that can take part in alliances and whose representatives sign for it.</summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;

    private Organisation()
    {
        Name = string.Empty;
    }

    public OrganisationId Id { get; private set; }

    public string Name { get; private set; }

    public OrganisationType Type { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public static Organisation Create(string name, OrganisationType type, DateTimeOffset now)
    {
        var organisation = new Organisation { Id = OrganisationId.New(), CreatedAt = now };
        organisation.Rename(name, type);
        return organisation;
    }

    public void Rename(string name, OrganisationType type)
    {
        if (!Enum.IsDefined(type))
        {
            throw new DomainRuleException("OrganisationTypeMustBeKnown", "Kies het soort organisatie.");
        }

        Name = Guard.RequiredText(name, NameMaxLength, "OrganisationNameRequired", "De naam van de organisatie");
        Type = type;
    }
}
