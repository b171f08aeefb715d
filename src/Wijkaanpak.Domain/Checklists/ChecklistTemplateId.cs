namespace Wijkaanpak.Domain.Checklists;

/// <summary>Identifies one version of a checklist template.</summary>
public readonly record struct ChecklistTemplateId(Guid Value)
{
    public static ChecklistTemplateId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
