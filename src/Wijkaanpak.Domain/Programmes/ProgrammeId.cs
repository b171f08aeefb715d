namespace Wijkaanpak.Domain.Programmes;

public readonly record struct ProgrammeId(Guid Value)
{
    public static ProgrammeId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
