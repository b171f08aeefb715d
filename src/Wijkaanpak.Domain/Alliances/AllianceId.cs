namespace Wijkaanpak.Domain.Alliances;

public readonly record struct AllianceId(Guid Value)
{
    public static AllianceId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
