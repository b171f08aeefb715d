namespace Wijkaanpak.Domain.Decisions;

public readonly record struct DecisionId(Guid Value)
{
    public static DecisionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
