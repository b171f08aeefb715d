using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Wijkaanpak.Data.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster of the application's own, for development, tests and benchmarks: created on
/// first start under <see cref="LocalPostgresOptions.RootDirectory"/>, reused after, on a free
/// loopback port. A cluster left running by a killed process is restarted cleanly.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private readonly PostgresBinaries _binaries;
    private readonly LocalPostgresOptions _options;
    private readonly ILogger _logger;
    private int _stopped;

    private LocalPostgresCluster(PostgresBinaries binaries, LocalPostgresOptions options, ILogger logger, int port)
    {
        _binaries = binaries;
        _options = options;
        _logger = logger;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => DataDirectoryOf(_options.RootDirectory);

    public string ConnectionString => ConnectionStringFor(_options.DatabaseName);

    /// <summary>True when this start had to create the cluster (initdb) rather than reuse one.</summary>
    public bool WasCreated { get; private set; }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = CommandRunner.ServiceUser,
        IncludeErrorDetail = true,
    }.ConnectionString;

    public static async Task<LocalPostgresCluster> StartAsync(LocalPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var binaries = PostgresBinaries.Find(options.BinaryDirectory) ?? throw new LocalPostgresUnavailableException(
            "PostgreSQL is niet gevonden: de programma's initdb en pg_ctl staan niet " +
            (options.BinaryDirectory is null ? "op PATH of in /usr/lib/postgresql. " : $"in {options.BinaryDirectory}. ") +
            "Installeer de PostgreSQL-server (Debian/Ubuntu: 'apt-get install postgresql') of geef een eigen database op met " +
            "de omgevingsvariabele ConnectionStrings__Wijkaanpak.");

        var root = Path.GetFullPath(options.RootDirectory);
        var normalised = options with { RootDirectory = root };
        await PrepareFoldersAsync(root, cancellationToken).ConfigureAwait(false);

        var created = false;
        if (!File.Exists(Path.Combine(DataDirectoryOf(root), "PG_VERSION")))
        {
            await InitialiseAsync(binaries, normalised, cancellationToken).ConfigureAwait(false);
            created = true;
        }
        else
        {
            await StopStaleServerAsync(binaries, root, logger, cancellationToken).ConfigureAwait(false);
        }

        var port = ChoosePort(root);
        var cluster = new LocalPostgresCluster(binaries, normalised, logger, port) { WasCreated = created };
        await cluster.StartServerAsync(cancellationToken).ConfigureAwait(false);
        await cluster.EnsureDatabaseAsync(normalised.DatabaseName, template: null, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Eigen PostgreSQL-cluster draait op 127.0.0.1:{Port} (gegevens in {DataDirectory})", port, cluster.DataDirectory);
        return cluster;
    }

    /// <summary>Creates a database when it does not exist yet, optionally as a copy of a template database.</summary>
    public async Task EnsureDatabaseAsync(string database, string? template, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var templateClause = template is null ? string.Empty : $" TEMPLATE {Quote(template)}";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(database)}{templateClause}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var result = await CommandRunner.RunAsync(_binaries.PgCtl, ["-D", DataDirectory, "-m", "fast", "-w", "stop"], asServiceUser: true, cancellationToken)
            .ConfigureAwait(false);
        if (result.Succeeded)
        {
            _logger.LogInformation("Eigen PostgreSQL-cluster gestopt");
        }
        else
        {
            _logger.LogWarning("Stoppen van de eigen PostgreSQL-cluster mislukte: {Output}", result.Output);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static string DataDirectoryOf(string root) => Path.Combine(root, "data");

    private static string LogFileOf(string root) => Path.Combine(root, "postgres.log");

    private static string SocketDirectoryOf(string root) => Path.Combine(root, "socket");

    private static string PortFileOf(string root) => Path.Combine(root, "port");

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task PrepareFoldersAsync(string root, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(SocketDirectoryOf(root));
        if (!CommandRunner.RunsPrivileged)
        {
            return;
        }

        // The server runs as 'postgres': it must own its folders and reach them through every parent.
        var chown = await CommandRunner.RunAsync("chown", ["-R", $"{CommandRunner.ServiceUser}:{CommandRunner.ServiceUser}", root], asServiceUser: false, cancellationToken)
            .ConfigureAwait(false);
        var reachable = chown.Succeeded && (await CommandRunner.RunAsync("test", ["-w", root], asServiceUser: true, cancellationToken).ConfigureAwait(false)).Succeeded;
        if (!reachable)
        {
            throw new LocalPostgresUnavailableException(
                $"De gebruiker '{CommandRunner.ServiceUser}' kan niet schrijven in {root}. Omdat de app als root draait, start PostgreSQL " +
                $"als '{CommandRunner.ServiceUser}': die gebruiker moet bestaan en elke bovenliggende map moet voor hem toegankelijk zijn. " +
                "Kies een andere map met Wijkaanpak:LocalPostgres:RootDirectory of geef ConnectionStrings__Wijkaanpak op.");
        }
    }

    private static async Task InitialiseAsync(PostgresBinaries binaries, LocalPostgresOptions options, CancellationToken cancellationToken)
    {
        var data = DataDirectoryOf(options.RootDirectory);
        if (Directory.Exists(data))
        {
            // An earlier initdb was interrupted: what it left is no cluster yet.
            Directory.Delete(data, recursive: true);
        }

        List<string> arguments = ["-D", data, "-U", CommandRunner.ServiceUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"];
        if (options.Disposable)
        {
            arguments.Add("--no-sync");
        }

        var result = await CommandRunner.RunAsync(binaries.InitDb, arguments, asServiceUser: true, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new LocalPostgresUnavailableException($"initdb mislukte in {data}: {result.Output}");
        }
    }

    private static async Task StopStaleServerAsync(PostgresBinaries binaries, string root, ILogger logger, CancellationToken cancellationToken)
    {
        var data = DataDirectoryOf(root);
        var status = await CommandRunner.RunAsync(binaries.PgCtl, ["-D", data, "status"], asServiceUser: true, cancellationToken).ConfigureAwait(false);
        if (status.Succeeded)
        {
            // A server still runs on this folder: left behind by a process that was killed.
            // The orphan is healthy, so a fast (clean) shutdown keeps every commit; immediate only if that hangs.
            logger.LogWarning("Achtergebleven PostgreSQL-server in {DataDirectory} gevonden; die wordt eerst gestopt", data);
            var fast = await CommandRunner.RunAsync(binaries.PgCtl, ["-D", data, "-m", "fast", "-w", "-t", "20", "stop"], asServiceUser: true, cancellationToken)
                .ConfigureAwait(false);
            if (!fast.Succeeded)
            {
                await CommandRunner.RunAsync(binaries.PgCtl, ["-D", data, "-m", "immediate", "-w", "stop"], asServiceUser: true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static int ChoosePort(string root)
    {
        var portFile = PortFileOf(root);
        if (File.Exists(portFile) && int.TryParse(File.ReadAllText(portFile).Trim(), CultureInfo.InvariantCulture, out var earlier) && IsFree(earlier))
        {
            return earlier;
        }

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        File.WriteAllText(portFile, port.ToString(CultureInfo.InvariantCulture));
        return port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var serverOptions = $"-c listen_addresses=127.0.0.1 -p {Port} -k {SocketDirectoryOf(_options.RootDirectory)}";
        if (_options.Disposable)
        {
            serverOptions += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        var result = await CommandRunner.RunAsync(
            _binaries.PgCtl,
            ["-D", DataDirectory, "-l", LogFileOf(_options.RootDirectory), "-w", "-t", "60", "-o", serverOptions, "start"],
            asServiceUser: true,
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var log = File.Exists(LogFileOf(_options.RootDirectory)) ? string.Join('\n', File.ReadLines(LogFileOf(_options.RootDirectory)).TakeLast(20)) : string.Empty;
            throw new LocalPostgresUnavailableException($"PostgreSQL startte niet ({result.Output}).\n{log}");
        }
    }
}
