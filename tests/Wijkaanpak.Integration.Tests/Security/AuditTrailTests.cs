using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.History;
using Wijkaanpak.Web.Features.Programmes;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Integration.Tests.Security;

public sealed class AuditTrailTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>
{
    private AppFixture App => fixture.App;

    private static ProgrammeEditModel Model(string name) => new()
    {
        Name = name,
        Municipality = "Arnhem",
        AreaCodes = "WK020201",
        Urgency = UrgencyKind.Sluimerend,
        StartDate = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        HorizonYears = 12,
    };

    [Fact]
    public async Task EditingAProgramme_WritesWhoWhenWhatAndOldAndNewValues()
    {
        var staff = await App.CreateUserAsync(Role.Programmabureau);
        await using var scope = App.ScopeFor(staff);
        var programmes = App.ServiceFor<ProgrammeService>(scope);
        var id = (await programmes.CreateAsync(Model("Presikhaaf Vooruit"))).Value;
        var edit = (await programmes.GetForEditAsync(id)).Value!;
        edit.Name = "Presikhaaf Verder";
        edit.HorizonYears = 15;

        Assert.True((await programmes.UpdateAsync(id, edit)).IsOk);

        await using var db = App.Database.CreateContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(entry => entry.ProgrammeId == id.Value).OrderBy(entry => entry.Id).ToListAsync();
        Assert.Equal(["Programme:Toegevoegd", "ProgrammeMember:Toegevoegd", "Programme:Gewijzigd"], entries.Select(entry => $"{entry.EntityType}:{entry.Action}"));
        var update = entries[^1];
        Assert.Equal(staff.UserId, update.UserId);
        Assert.Equal(staff.DisplayName, update.UserName);
        Assert.Equal(id.Value.ToString(), update.EntityId);
        Assert.True(DateTimeOffset.UtcNow - update.At < TimeSpan.FromMinutes(1));
        using var changes = JsonDocument.Parse(update.Changes);
        Assert.Equal("Presikhaaf Vooruit", changes.RootElement.GetProperty("Name").GetProperty("oud").GetString());
        Assert.Equal("Presikhaaf Verder", changes.RootElement.GetProperty("Name").GetProperty("nieuw").GetString());
        Assert.Equal(12, changes.RootElement.GetProperty("HorizonYears").GetProperty("oud").GetInt32());
        Assert.Equal(15, changes.RootElement.GetProperty("HorizonYears").GetProperty("nieuw").GetInt32());
        Assert.False(changes.RootElement.TryGetProperty("Municipality", out _), "Alleen gewijzigde velden horen in de wijziging.");
    }

    [Fact]
    public async Task History_ShowsChangesNewestFirst_AndFiltersByPerson()
    {
        var first = await App.CreateUserAsync(Role.Programmabureau);
        var second = await App.CreateUserAsync(Role.Programmabureau);
        ProgrammeId id;
        await using (var scope = App.ScopeFor(first))
        {
            id = (await App.ServiceFor<ProgrammeService>(scope).CreateAsync(Model("Malburgen Samen"))).Value;
        }

        await App.AddMemberAsync(id, second);
        await using (var scope = App.ScopeFor(second))
        {
            var programmes = App.ServiceFor<ProgrammeService>(scope);
            var edit = (await programmes.GetForEditAsync(id)).Value!;
            edit.Description = "Aangevuld door een collega.";
            await programmes.UpdateAsync(id, edit);
        }

        await using var reading = App.ScopeFor(first);
        var history = App.ServiceFor<HistoryService>(reading);
        var all = (await history.GetAsync(id, new HistoryFilter())).Value!;
        var bySecond = (await history.GetAsync(id, new HistoryFilter(UserId: second.UserId))).Value!;

        Assert.Equal(second.DisplayName, all.Entries[0].UserName);
        Assert.Contains(all.Entries[0].Changes, change => change.Property == "Description" && change.New == "Aangevuld door een collega.");
        Assert.True(all.Entries.Zip(all.Entries.Skip(1)).All(pair => pair.First.At >= pair.Second.At));
        Assert.All(bySecond.Entries, entry => Assert.Equal(second.DisplayName, entry.UserName));
        Assert.Contains(all.People, person => person.Id == first.UserId);
    }

    [Fact]
    public async Task AuditRows_CannotBeChangedOrRemoved_NotEvenThroughTheApplicationsOwnContext()
    {
        await using (var scope = App.ScopeFor(await App.CreateUserAsync(Role.Programmabureau)))
        {
            await App.ServiceFor<ProgrammeService>(scope).CreateAsync(Model("Het Broek Beter"));
        }

        await using var db = App.Database.CreateContext();
        var entry = await db.AuditEntries.OrderByDescending(row => row.Id).FirstAsync();
        db.AuditEntries.Remove(entry);
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("audittrail kan niet worden gewijzigd", refused.InnerException!.Message, StringComparison.Ordinal);

        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE audit_entries SET user_name = 'vervalst'", connection);
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        await using var truncate = new NpgsqlCommand("TRUNCATE audit_entries", connection);
        await Assert.ThrowsAsync<PostgresException>(() => truncate.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task ARefusedOperation_ChangesNothingAndLeavesNoAuditRow()
    {
        var councillor = await App.CreateUserAsync(Role.Raadslid);
        await using var db = App.Database.CreateContext();
        var before = await db.AuditEntries.CountAsync();
        await using var scope = App.ScopeFor(councillor);

        var result = await App.ServiceFor<ProgrammeService>(scope).CreateAsync(Model("Mag niet"));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal(before, await db.AuditEntries.CountAsync());
        Assert.False(await db.Programmes.AnyAsync(programme => programme.Name == "Mag niet"));
    }
}
