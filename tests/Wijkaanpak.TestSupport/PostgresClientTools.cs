using System.Diagnostics;
using Npgsql;

namespace Wijkaanpak.TestSupport;

/// <summary>
/// PostgreSQL's client programs (pg_dump, pg_restore) run against a test database the way an
/// operator runs them: as separate processes over the same connection the app uses.
/// </summary>
public static class PostgresClientTools
{
    /// <summary>Runs a client program with the host, port, user and password of <paramref name="connectionString"/>.</summary>
    public static async Task RunAsync(string program, string connectionString, params string[] arguments)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--host", connection.Host!, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", connection.Username! }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} kon niet starten.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} eindigde met {process.ExitCode}: {await errors}{await output}");
        }
    }
}
