namespace Wijkaanpak.Data.Audit;

/// <summary>Who made a change, as the audit trail records it.</summary>
public sealed record AuditIdentity(Guid? UserId, string Name);

/// <summary>Who is making the change being saved; the web app supplies the signed-in user.</summary>
public interface IAuditActor
{
    /// <summary>Asked at every save, so that it is right even when nothing asked for the user before.</summary>
    ValueTask<AuditIdentity> IdentifyAsync();
}

/// <summary>For work the system does itself: migrations, seeding, background jobs.</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public static readonly SystemAuditActor Instance = new();

    public ValueTask<AuditIdentity> IdentifyAsync() => ValueTask.FromResult(new AuditIdentity(null, "Systeem"));
}
