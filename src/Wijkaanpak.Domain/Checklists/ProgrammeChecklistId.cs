namespace Wijkaanpak.Domain.Checklists;

public readonly record struct ProgrammeChecklistId(Guid Value)
{
    public static ProgrammeChecklistId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
