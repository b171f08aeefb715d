using System.Diagnostics;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// From starting <c>dotnet Wijkaanpak.Web.dll</c> to the first 200 on /health, in Production as an
/// operator runs it: on the seeded database, and on a fresh one (first <c>--migrate</c>, then start).
/// </summary>
internal static class ColdStart
{
    /// <summary>Wall-clock seconds to healthy, and the processor seconds the app used for it (load-independent).</summary>
    public sealed record StartResult(Statistics Seconds, Statistics ProcessorSeconds);

    public static async Task<StartResult> ExistingDatabaseAsync(string connectionString, int runs)
    {
        var samples = new List<double>();
        var processor = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var app = await AppProcess.StartAsync(connectionString, AppProcess.FreePort(), "Production");
            samples.Add(app.StartupTime.TotalSeconds);
            processor.Add(app.StartupProcessorTime.TotalSeconds);
        }

        return new StartResult(Statistics.Of(samples), Statistics.Of(processor));
    }

    public static async Task<StartResult> FreshDatabaseAsync(int runs)
    {
        var samples = new List<double>();
        var processor = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var database = await TestDatabase.CreateEmptyAsync();
            var watch = Stopwatch.StartNew();
            await MigrateAsync(database.ConnectionString);
            await using var app = await AppProcess.StartAsync(database.ConnectionString, AppProcess.FreePort(), "Production");
            samples.Add(watch.Elapsed.TotalSeconds);
            processor.Add(app.StartupProcessorTime.TotalSeconds);
        }

        return new StartResult(Statistics.Of(samples), Statistics.Of(processor));
    }

    private static async Task MigrateAsync(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(AppProcess.WebAssemblyPath);
        start.ArgumentList.Add("--migrate");
        start.WorkingDirectory = Path.GetDirectoryName(AppProcess.WebAssemblyPath)!;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Wijkaanpak"] = connectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"--migrate faalde ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}
