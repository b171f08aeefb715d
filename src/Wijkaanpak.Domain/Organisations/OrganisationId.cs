namespace Wijkaanpak.Domain.Organisations;

public readonly record struct OrganisationId(Guid Value)
{
    public static OrganisationId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
