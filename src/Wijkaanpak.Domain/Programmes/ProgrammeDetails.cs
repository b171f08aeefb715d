namespace Wijkaanpak.Domain.Programmes;

/// <summary>What staff describe about a programme when they create or edit it.</summary>
public sealed record ProgrammeDetails(
    string Name,
    string Municipality,
    IReadOnlyList<string> AreaCodes,
    UrgencyKind Urgency,
    DateOnly StartDate,
    int HorizonYears,
    string? Description);
