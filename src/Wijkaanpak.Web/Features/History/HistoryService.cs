using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.History;

public sealed record HistoryChange(string Property, string Old, string New);

public sealed record HistoryEntry(long Id, DateTimeOffset At, string UserName, string Kind, string Action, IReadOnlyList<HistoryChange> Changes);

public sealed record HistoryFilter(Guid? UserId = null, string? Kind = null);

public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Entries, IReadOnlyList<(Guid? Id, string Name)> People, IReadOnlyList<string> Kinds, bool HasMore);

/// <summary>The "Geschiedenis" of a programme: its audit trail, newest first, filterable by person and kind.</summary>
public sealed class HistoryService(IDbContextFactory<WijkaanpakDbContext> dbFactory, AccessGuard access)
{
    public const int PageSize = 200;

    public async Task<Result<HistoryPage>> GetAsync(ProgrammeId programme, HistoryFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (await access.DenyAsync(Capability.ViewHistory, programme, cancellationToken) is { } denied)
        {
            return denied.As<HistoryPage>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ofProgramme = db.AuditEntries.AsNoTracking().Where(entry => entry.ProgrammeId == programme.Value);
        var people = await ofProgramme.Select(entry => new { entry.UserId, entry.UserName }).Distinct().ToListAsync(cancellationToken);
        var kinds = await ofProgramme.Select(entry => entry.EntityType).Distinct().ToListAsync(cancellationToken);

        var query = ofProgramme;
        if (filter.UserId is { } userId)
        {
            query = query.Where(entry => entry.UserId == userId);
        }

        if (!string.IsNullOrEmpty(filter.Kind))
        {
            query = query.Where(entry => entry.EntityType == filter.Kind);
        }

        var rows = await query.OrderByDescending(entry => entry.At).ThenByDescending(entry => entry.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var entries = rows.Take(PageSize)
            .Select(row => new HistoryEntry(row.Id, row.At, row.UserName, row.EntityType, row.Action, ParseChanges(row.Changes)))
            .ToList();
        return new HistoryPage(
            entries,
            people.Select(person => (person.UserId, person.UserName)).OrderBy(person => person.UserName, StringComparer.CurrentCulture).ToList(),
            kinds.Order(StringComparer.Ordinal).ToList(),
            rows.Count > PageSize);
    }

    private static List<HistoryChange> ParseChanges(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Where(property => AuditNames.IsShown(property.Name))
            .Select(property => new HistoryChange(property.Name, Show(property.Name, property.Value, "oud"), Show(property.Name, property.Value, "nieuw")))
            .Where(change => change.Old != Empty || change.New != Empty)
            .ToList();
    }

    public const string Empty = "–";

    private static string Show(string property, JsonElement change, string side) =>
        change.TryGetProperty(side, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => Empty,
                JsonValueKind.String => AuditNames.Value(property, value.GetString() ?? string.Empty) is { Length: > 0 } text ? text : Empty,
                JsonValueKind.Array when value.GetArrayLength() == 0 => Empty,
                JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText())),
                _ => value.GetRawText(),
            }
            : Empty;
}
