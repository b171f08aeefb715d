using System.Diagnostics;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// From starting <c>dotnet Wijkaanpak.Web.dll</c> to the first 200 on /health, in Production as an
/// operator runs it: published with ReadyToRun as the Dockerfile publishes it, on the seeded database
/// and on a fresh one (first <c>--migrate</c>, then start); and, for comparison, the plain build
/// output, whose code the JIT compiler still has to compile at start.
/// </summary>
internal static class ColdStart
{
    /// <summary>Wall-clock seconds to healthy, and the processor seconds the app used for it (load-independent).</summary>
    public sealed record StartResult(Statistics Seconds, Statistics ProcessorSeconds);

    /// <summary>Publishes the app as the Dockerfile does, into a folder of its own; returns the path of its assembly.</summary>
    public static async Task<string> PublishReadyToRunAsync(string folder)
    {
        await DotnetCommand.RunAsync(
            AppProcess.RepositoryRoot,
            null,
            "publish", Path.Combine("src", "Wijkaanpak.Web"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-p:UseAppHost=false", "-o", folder);
        return Path.Combine(folder, "Wijkaanpak.Web.dll");
    }

    public static async Task<StartResult> ExistingDatabaseAsync(string connectionString, int runs, string? assemblyPath = null)
    {
        var samples = new List<double>();
        var processor = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var app = await AppProcess.StartAsync(connectionString, AppProcess.FreePort(), "Production", assemblyPath: assemblyPath);
            samples.Add(app.StartupTime.TotalSeconds);
            processor.Add(app.StartupProcessorTime.TotalSeconds);
        }

        return new StartResult(Statistics.Of(samples), Statistics.Of(processor));
    }

    public static async Task<StartResult> FreshDatabaseAsync(int runs, string assemblyPath)
    {
        var samples = new List<double>();
        var processor = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var database = await TestDatabase.CreateEmptyAsync();
            var watch = Stopwatch.StartNew();
            await MigrateAsync(database.ConnectionString, assemblyPath);
            await using var app = await AppProcess.StartAsync(database.ConnectionString, AppProcess.FreePort(), "Production", assemblyPath: assemblyPath);
            samples.Add(watch.Elapsed.TotalSeconds);
            processor.Add(app.StartupProcessorTime.TotalSeconds);
        }

        return new StartResult(Statistics.Of(samples), Statistics.Of(processor));
    }

    private static Task MigrateAsync(string connectionString, string assemblyPath) =>
        DotnetCommand.RunAsync(
            Path.GetDirectoryName(assemblyPath)!,
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__Wijkaanpak"] = connectionString },
            assemblyPath, "--migrate");
}
