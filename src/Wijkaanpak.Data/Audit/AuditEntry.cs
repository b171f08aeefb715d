namespace Wijkaanpak.Data.Audit;

/// <summary>
/// One insert, update or delete of audited data: who, when, what, and each changed property's old
/// and new value (JSON). Append-only: a database trigger refuses updates and deletes.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        UserName = string.Empty;
        EntityType = string.Empty;
        EntityId = string.Empty;
        Action = string.Empty;
        Changes = "{}";
    }

    public AuditEntry(DateTimeOffset at, Guid? userId, string userName, string entityType, string entityId, string action, Guid? programmeId, string changes)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        ProgrammeId = programmeId;
        Changes = changes;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>"Toegevoegd", "Gewijzigd" or "Verwijderd".</summary>
    public string Action { get; private set; }

    /// <summary>The programme the change belongs to, for the programme's history view.</summary>
    public Guid? ProgrammeId { get; private set; }

    public string Changes { get; private set; }
}
