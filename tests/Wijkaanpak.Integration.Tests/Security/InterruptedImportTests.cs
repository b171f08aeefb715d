using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Monitoring.Import;
using Wijkaanpak.Web.Shared;

namespace Wijkaanpak.Integration.Tests.Security;

/// <summary>
/// An import whose database session ends while it writes — what PostgreSQL sees when the app
/// process dies — stores nothing, and the same file imports completely afterwards; uploads a dead
/// instance left behind are removed when an instance starts.
/// </summary>
public sealed class InterruptedImportTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>, IDisposable
{
    private const int Rows = 30_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("wijkaanpak-interrupted-import-").FullName;

    private AppFixture App => fixture.App;

    [Theory]
    [InlineData(ImportStage.Reading)]
    [InlineData(ImportStage.Storing)]
    public async Task AnImportWhoseSessionIsKilled_StoresNothing_AndTheSameFileThenImportsExactlyOnce(ImportStage killedWhile)
    {
        var (programme, staff, indicator) = await ArrangeAsync();
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.csv");
        var text = new StringBuilder("gebiedscode;indicator;jaar;waarde\n");
        for (var row = 0; row < Rows; row++)
        {
            text.Append(CultureInfo.InvariantCulture, $"BU0622{row % 10_000:D4};Werkzoekenden;{2000 + (row / 10_000)};{row % 100},5\n");
        }

        await File.WriteAllTextAsync(path, text.ToString());
        var file = new ImportFile(path, "metingen.csv");
        var before = await CountAsync(programme);
        await using var scope = App.ScopeFor(staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);
        var plan = (await service.AnalyseAsync(programme, file)).Value!.Plan;
        var killer = new KillSessionWhen(App.Database.ConnectionString, progress => progress.Stage == killedWhile && progress.ValuesStored >= 10_000);

        var interrupted = await service.ImportAsync(programme, file, plan, killer);

        Assert.NotNull(killer.KilledAt);
        Assert.Equal((ResultStatus.RuleBroken, MeasurementImportService.ConnectionLostMessage), (interrupted.Status, interrupted.Message));
        Assert.Equal(before, await CountAsync(programme));
        Assert.True(File.Exists(path), "The upload stays, so that the user can import it again without choosing it again.");

        var again = (await service.ImportAsync(programme, file, (await service.AnalyseAsync(programme, file)).Value!.Plan)).Value!;
        var once = await CountAsync(programme);
        var thirdTime = (await service.ImportAsync(programme, file, plan)).Value!;

        Assert.Equal((ImportOutcome.Imported, Rows, 0), (again.Outcome, again.New, again.Changed));
        Assert.Equal(before with { Measurements = before.Measurements + Rows, Imports = before.Imports + 1, Mappings = before.Mappings + 1 }, once with { AuditEntries = before.AuditEntries });
        Assert.True(once.AuditEntries > before.AuditEntries);
        Assert.Equal((0, 0, Rows), (thirdTime.New, thirdTime.Changed, thirdTime.Unchanged));
        await using var db = App.Database.CreateContext();
        Assert.Equal(Rows, await db.Measurements.Where(measurement => measurement.IndicatorId == indicator).Select(measurement => new { measurement.AreaCode, measurement.Year }).Distinct().CountAsync());
    }

    [Fact]
    public async Task TheUploadsOfAnInstanceThatDied_AreRemovedAtStart_AndThoseOfARunningInstanceStay()
    {
        var root = Path.Combine(_folder, ImportUploads.FolderName);
        using var running = new ImportUploads(root, NullLogger<ImportUploads>.Instance);
        var runningUpload = running.NewFilePath();
        await File.WriteAllTextAsync(runningUpload, "gebiedscode;waarde\n");

        // Another app process, holding its folder's lock as ImportUploads does (flock), then killed mid-import.
        // --no-fork: the killed process is the one that holds the lock; a forked child held it on for a
        // moment after the wait for the parent had returned, and the folder then still counted as in use.
        var deadFolder = Directory.CreateDirectory(Path.Combine(root, "ander-proces")).FullName;
        var deadUpload = Path.Combine(deadFolder, "halverwege.csv");
        await File.WriteAllTextAsync(deadUpload, "gebiedscode;waarde\n");
        using var process = Process.Start(new ProcessStartInfo("flock", ["--exclusive", "--no-fork", Path.Combine(deadFolder, ".in-gebruik"), "sleep", "600"]))!;
        await WaitForLockAsync(Path.Combine(deadFolder, ".in-gebruik"));
        var looseOld = Path.Combine(root, "oude-versie.csv");
        var looseNew = Path.Combine(root, "net-geupload.csv");
        await File.WriteAllTextAsync(looseOld, "x");
        await File.WriteAllTextAsync(looseNew, "x");
        File.SetLastWriteTimeUtc(looseOld, DateTime.UtcNow.AddDays(-2));
        using var starting = new ImportUploads(root, NullLogger<ImportUploads>.Instance);

        Assert.Equal(1, starting.RemoveStale());
        Assert.True(File.Exists(deadUpload), "A folder whose process still runs is kept.");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await starting.StartAsync(CancellationToken.None);

        Assert.False(Directory.Exists(deadFolder));
        Assert.True(File.Exists(runningUpload));
        Assert.True(File.Exists(looseNew));
        Assert.False(File.Exists(looseOld));
    }

    [Fact]
    public async Task TheApp_RunsTheCleanUpAtStart_OnTheFolderThePageUploadsTo()
    {
        var uploads = App.Services.GetRequiredService<ImportUploads>();
        Assert.Contains(App.Services.GetServices<IHostedService>(), service => ReferenceEquals(service, uploads));
        Assert.Equal(Path.Combine(Path.GetTempPath(), ImportUploads.FolderName), uploads.Root);
        var dead = Directory.CreateDirectory(Path.Combine(uploads.Root, $"gestopt-{Guid.NewGuid():N}")).FullName;
        await File.WriteAllTextAsync(Path.Combine(dead, "upload.csv"), "x");

        await uploads.StartAsync(CancellationToken.None);

        Assert.False(Directory.Exists(dead));
        Assert.StartsWith(uploads.Root, uploads.NewFilePath(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task WaitForLockAsync(string path)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (FileNotFoundException)
            {
                // flock has not created the lock file yet: that is no lock.
            }
            catch (IOException)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("flock did not take the lock.");
    }

    private async Task<Counts> CountAsync(ProgrammeId programme)
    {
        await using var db = App.Database.CreateContext();
        return new Counts(
            await db.Measurements.CountAsync(),
            await db.MeasurementImports.CountAsync(),
            await db.ImportMappings.CountAsync(),
            await db.AuditEntries.CountAsync(entry => entry.ProgrammeId == programme.Value));
    }

    private async Task<(ProgrammeId Programme, Web.Shared.Security.CurrentUser Staff, IndicatorId Indicator)> ArrangeAsync()
    {
        var programme = Programme.Create(new ProgrammeDetails("Westwijk Vooruit", "Vlaardingen", ["GM0622"], UrgencyKind.Meervoudig, new DateOnly(2024, 1, 1), 15, null), DateTimeOffset.UtcNow);
        var indicator = Indicator.Define(programme.Id, new IndicatorDetails("Werkzoekenden", IndicatorKind.Kernindicator, "%", "Monitor", null, "GM0622", ImprovementDirection.LowerIsBetter, null, null));
        await using (var db = App.Database.CreateContext())
        {
            db.AddRange(programme, indicator);
            await db.SaveChangesAsync();
        }

        return (programme.Id, await App.CreateUserAsync(Role.Programmabureau, null, programme.Id), indicator.Id);
    }

    private sealed record Counts(int Measurements, int Imports, int Mappings, int AuditEntries);

    /// <summary>
    /// From a second connection, ends the import's session (pg_terminate_backend) the moment the
    /// progress says so, and waits until PostgreSQL has ended it, as when the app process dies.
    /// </summary>
    private sealed class KillSessionWhen(string connectionString, Func<ImportProgress, bool> when) : IProgress<ImportProgress>
    {
        public ImportProgress? KilledAt { get; private set; }

        public void Report(ImportProgress value)
        {
            if (KilledAt is not null || !when(value))
            {
                return;
            }

            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            connection.Open();
            using var find = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle' AND query LIKE 'COPY import_cells%'",
                connection);
            var pid = (int)find.ExecuteScalar()!;
            using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid, 5000)", connection);
            kill.Parameters.AddWithValue("pid", pid);
            Assert.True((bool)kill.ExecuteScalar()!);
            KilledAt = value;
        }
    }
}
