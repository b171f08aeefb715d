using Wijkaanpak.Domain.Common;

namespace Wijkaanpak.Domain.Organisations;

/// <summary>A party that can take part in alliances and whose representatives sign for it.</summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;

    private readonly List<Representative> _representatives = [];

    private Organisation()
    {
        Name = string.Empty;
    }

    public OrganisationId Id { get; private set; }

    public string Name { get; private set; }

    public OrganisationType Type { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Touched when a representative changes, so that the row with the concurrency token changes too.</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<Representative> Representatives => _representatives;

    public static Organisation Create(string name, OrganisationType type, DateTimeOffset now)
    {
        var organisation = new Organisation { Id = OrganisationId.New(), CreatedAt = now, LastChangedAt = now };
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

    public Representative AddRepresentative(RepresentativeDetails details, DateTimeOffset now)
    {
        EnsureAccountNotLinkedTwice(details, null);
        var representative = new Representative(details);
        _representatives.Add(representative);
        LastChangedAt = now;
        return representative;
    }

    public void ChangeRepresentative(Guid representativeId, RepresentativeDetails details, DateTimeOffset now)
    {
        var representative = _representatives.SingleOrDefault(candidate => candidate.Id == representativeId)
            ?? throw new DomainRuleException("RepresentativeMustExist", "Deze vertegenwoordiger hoort niet (meer) bij de organisatie.");
        EnsureAccountNotLinkedTwice(details, representativeId);
        representative.Change(details);
        LastChangedAt = now;
    }

    private void EnsureAccountNotLinkedTwice(RepresentativeDetails details, Guid? representativeId)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.UserId is { } userId && _representatives.Any(other => other.UserId == userId && other.Id != representativeId))
        {
            throw new DomainRuleException("AccountLinkedOnce", "Dit account hoort al bij een andere vertegenwoordiger van deze organisatie.");
        }
    }
}
