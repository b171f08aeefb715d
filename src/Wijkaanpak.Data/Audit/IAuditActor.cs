namespace Wijkaanpak.Data.Audit;

/// <summary>Who is making the change being saved; the web app supplies the signed-in user.</summary>
public interface IAuditActor
{
    Guid? UserId { get; }

    string Name { get; }
}

/// <summary>For work the system does itself: migrations, seeding, background jobs.</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public static readonly SystemAuditActor Instance = new();

    public Guid? UserId => null;

    public string Name => "Systeem";
}
