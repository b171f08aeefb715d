using System.Diagnostics;

namespace Wijkaanpak.Benchmarks;

/// <summary>A <c>dotnet</c> command the benchmark needs (publish, migrate, a local tool); a failure stops the run with its output.</summary>
internal static class DotnetCommand
{
    public static async Task<string> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} faalde ({process.ExitCode}):\n{await output}\n{await errors}");
        }

        return await output;
    }
}
