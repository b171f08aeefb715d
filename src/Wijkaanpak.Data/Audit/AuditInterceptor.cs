using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wijkaanpak.Data.Access;
using Wijkaanpak.Data.Identity;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Data.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every insert, update and delete of domain data, users,
/// roles and programme access, in the same transaction as the change itself.
/// </summary>
public sealed class AuditInterceptor(IAuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    // Secrets and bookkeeping that say nothing to a reader of the history.
    private static readonly HashSet<string> IgnoredProperties =
    [
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName), "Version",
        // Failed sign-in attempts count towards lockout; they are logged, not audited as edits.
        nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd),
    ];

    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new JsonStringEnumConverter() } };

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context, await actor.IdentifyAsync());
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    // The application saves asynchronously; this path serves synchronous callers (tools) only.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context, actor.IdentifyAsync().AsTask().GetAwaiter().GetResult());
        return base.SavingChanges(eventData, result);
    }

    private void Record(DbContext? context, AuditIdentity who)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(entry.Entity))
            .Select(entry => ToAuditEntry(entry, who, now))
            .Where(entry => entry is not null)
            .ToList();
        context.AddRange(entries!);
    }

    private static bool IsAudited(object entity) =>
        entity.GetType().Assembly == typeof(Programme).Assembly
        || entity is AppUser or ProgrammeMember or IdentityUserRole<Guid>;

    private static AuditEntry? ToAuditEntry(EntityEntry entry, AuditIdentity who, DateTimeOffset now)
    {
        var properties = entry.Properties.Where(property => !IgnoredProperties.Contains(property.Metadata.Name)).ToList();
        var changed = entry.State switch
        {
            EntityState.Added => properties.ToDictionary(property => property.Metadata.Name, property => new AuditChange(null, Plain(property.CurrentValue))),
            EntityState.Deleted => properties.ToDictionary(property => property.Metadata.Name, property => new AuditChange(Plain(property.OriginalValue), null)),
            _ => properties
                .Where(property => property.IsModified && !Equals(Serialize(property.OriginalValue), Serialize(property.CurrentValue)))
                .ToDictionary(property => property.Metadata.Name, property => new AuditChange(Plain(property.OriginalValue), Plain(property.CurrentValue))),
        };
        AddComplexMembers(entry, changed);
        if (changed.Count == 0)
        {
            return null;
        }

        var action = entry.State switch
        {
            EntityState.Added => "Toegevoegd",
            EntityState.Deleted => "Verwijderd",
            _ => "Gewijzigd",
        };
        return new AuditEntry(
            now,
            who.UserId,
            who.Name,
            entry.Metadata.ClrType.Name,
            KeyOf(entry),
            action,
            ProgrammeOf(entry),
            JsonSerializer.Serialize(changed.ToDictionary(pair => NameOf(pair.Key), pair => pair.Value), JsonOptions));
    }

    /// <summary>
    /// Value objects (who recorded something) and JSON lists (phase moves, weighings) are complex
    /// members, not plain properties. A changed list is recorded with its new content; its earlier
    /// content is in the entry that recorded it.
    /// </summary>
    private static void AddComplexMembers(EntityEntry entry, Dictionary<string, AuditChange> changed)
    {
        var added = entry.State == EntityState.Added;
        var deleted = entry.State == EntityState.Deleted;
        foreach (var member in entry.ComplexProperties.Where(member => added || deleted || member.IsModified))
        {
            changed[member.Metadata.Name] = deleted ? new AuditChange(member.CurrentValue, null) : new AuditChange(null, member.CurrentValue);
        }

        foreach (var member in entry.ComplexCollections.Where(member => added || deleted || member.IsModified))
        {
            changed[member.Metadata.Name] = deleted ? new AuditChange(member.CurrentValue, null) : new AuditChange(null, member.CurrentValue);
        }
    }

    // Backing fields such as "_areaCodes" read as their property name in the history.
    private static string NameOf(string property) => property.TrimStart('_') is var name && name.Length > 0
        ? char.ToUpperInvariant(name[0]) + name[1..]
        : property;

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(key => Convert.ToString(Plain(entry.Property(key.Name).CurrentValue), System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// A programme is its own; anything else belongs to the programme its ProgrammeId names, or to
    /// that of a tracked parent (an answer belongs to its checklist's programme).
    /// </summary>
    private static Guid? ProgrammeOf(EntityEntry entry, int depth = 0)
    {
        if (entry.Entity is Programme programme)
        {
            return programme.Id.Value;
        }

        if (entry.Metadata.FindProperty("ProgrammeId") is { } property)
        {
            return entry.Property(property.Name).CurrentValue switch
            {
                ProgrammeId id => id.Value,
                Guid id => id,
                _ => null,
            };
        }

        if (depth > 2)
        {
            return null;
        }

        foreach (var foreignKey in entry.Metadata.GetForeignKeys())
        {
            var values = foreignKey.Properties.Select(key => entry.Property(key.Name).CurrentValue).ToList();
            var parent = entry.Context.ChangeTracker.Entries()
                .FirstOrDefault(candidate => candidate.Metadata == foreignKey.PrincipalEntityType
                    && foreignKey.PrincipalKey.Properties.Select(key => candidate.Property(key.Name).CurrentValue).SequenceEqual(values));
            if (parent is not null && ProgrammeOf(parent, depth + 1) is { } programmeId)
            {
                return programmeId;
            }
        }

        return null;
    }

    private static string Serialize(object? value) => JsonSerializer.Serialize(Plain(value), JsonOptions);

    /// <summary>A strongly typed id (a struct with one Guid "Value") is written as the Guid itself.</summary>
    private static object? Plain(object? value) =>
        value is not null && value.GetType() is { IsValueType: true } type && type.GetProperty("Value")?.GetValue(value) is Guid id
            ? id
            : value;

    private sealed record AuditChange(
        [property: JsonPropertyName("oud")] object? Old,
        [property: JsonPropertyName("nieuw")] object? New);
}
