using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Access;

/// <summary>Gives a user access to one programme; without it a user sees nothing of it (Beheerder excepted).</summary>
public sealed class ProgrammeMember
{
    private ProgrammeMember()
    {
    }

    public ProgrammeMember(ProgrammeId programmeId, Guid userId, DateTimeOffset addedAt)
    {
        ProgrammeId = programmeId;
        UserId = userId;
        AddedAt = addedAt;
    }

    public ProgrammeId ProgrammeId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
}
