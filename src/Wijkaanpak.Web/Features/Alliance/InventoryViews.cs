using Wijkaanpak.Domain.Inventories;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Alliance;

/// <summary>The two inventories of Oriënteren side by side: policy (§4.3) and stakeholders (§4.5).</summary>
public sealed record InventoryView(
    ProgrammeId ProgrammeId,
    string ProgrammeName,
    IReadOnlyList<StakeholderView> Stakeholders,
    IReadOnlyList<PolicyLineView> PolicyLines,
    IReadOnlyList<OrganisationChoice> Organisations,
    bool CanEdit);

public sealed record StakeholderView(Guid Id, StakeholderKind Kind, string Name, Guid? OrganisationId, string? OrganisationName, string Interest, string Contact, uint Version);

public sealed record PolicyLineView(Guid Id, string Title, PolicyKind Kind, PolicyScale Scale, int FromYear, int? UntilYear, string Owner, string OutcomeSoFar, uint Version);
