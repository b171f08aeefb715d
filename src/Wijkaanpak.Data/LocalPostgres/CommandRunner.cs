using System.Diagnostics;

namespace Wijkaanpak.Data.LocalPostgres;

internal sealed record CommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs PostgreSQL's tools. initdb and postgres refuse to run as root, so a privileged process runs
/// them as the 'postgres' user, from /tmp so that the working directory is always readable for it.
/// </summary>
internal static class CommandRunner
{
    public const string ServiceUser = "postgres";

    public static bool RunsPrivileged => Environment.IsPrivilegedProcess;

    public static async Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, bool asServiceUser, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = asServiceUser && RunsPrivileged ? "runuser" : program,
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServiceUser && RunsPrivileged)
        {
            foreach (var prefix in new[] { "-u", ServiceUser, "--", program })
            {
                startInfo.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new LocalPostgresUnavailableException($"Kon '{program}' niet starten.");

        // pg_ctl start leaves the server running with our pipes inherited, so read until exit, not until EOF.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var text = await CompletedOrEmpty(output).ConfigureAwait(false) + await CompletedOrEmpty(errors).ConfigureAwait(false);
        return new CommandResult(process.ExitCode, text.Trim());
    }

    private static async Task<string> CompletedOrEmpty(Task<string> reading)
    {
        var finished = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromMilliseconds(200))).ConfigureAwait(false);
        return finished == reading ? await reading.ConfigureAwait(false) : string.Empty;
    }
}
