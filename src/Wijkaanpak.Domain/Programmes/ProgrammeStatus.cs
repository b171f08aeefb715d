namespace Wijkaanpak.Domain.Programmes;

/// <summary>Whether the approach is still running as a wijkaanpak.</summary>
public enum ProgrammeStatus
{
    Active = 1,

    /// <summary>Ended as a wijkaanpak, e.g. by a no-go decision; the record stays readable.</summary>
    Ended = 2,
}

public static class ProgrammeStatusNames
{
    public static string DisplayName(this ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Active => "Lopend",
        ProgrammeStatus.Ended => "Beëindigd",
        _ => status.ToString(),
    };
}
