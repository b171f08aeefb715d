using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Wijkaanpak.TestSupport;

/// <summary>
/// The built app as a process of its own (<c>dotnet Wijkaanpak.Web.dll</c>) on a port of its own,
/// on a given database: what an operator runs several of behind a proxy, and what the benchmark
/// starts to time a cold start.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The operating system's id of the app's process, for tools that inspect it (the benchmark's heap dumps).</summary>
    public int ProcessId => _process.Id;

    /// <summary>From starting the process to the first 200 on /health.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>
    /// The processor time the app used until then (all its threads): unlike <see cref="StartupTime"/>
    /// it does not grow when other processes share the machine.
    /// </summary>
    public TimeSpan StartupProcessorTime { get; private set; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>What the process wrote so far, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The web project's own build output, of the same configuration as this test assembly.</summary>
    public static string WebAssemblyPath
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            return Path.Combine(RepositoryRoot, "src", "Wijkaanpak.Web", "bin", configuration, framework, "Wijkaanpak.Web.dll");
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Wijkaanpak.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"Wijkaanpak.sln niet gevonden boven {AppContext.BaseDirectory}.");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the app and waits until /health answers 200. <paramref name="settings"/> configure this
    /// process by key ("Section:Key"), passed as environment variables. <paramref name="assemblyPath"/>
    /// names a published app to start instead of the web project's build output.
    /// </summary>
    public static async Task<AppProcess> StartAsync(
        string connectionString,
        int port,
        string environment = "Development",
        IReadOnlyDictionary<string, string>? settings = null,
        string? assemblyPath = null)
    {
        var assembly = assemblyPath ?? WebAssemblyPath;
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} ontbreekt: bouw eerst de oplossing (dotnet build Wijkaanpak.sln).");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Wijkaanpak"] = connectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var app = new AppProcess(new Process { StartInfo = start }, port);
        var started = Stopwatch.StartNew();
        app._process.OutputDataReceived += (_, line) => app.Append(line.Data);
        app._process.ErrorDataReceived += (_, line) => app.Append(line.Data);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync();
        app.StartupTime = started.Elapsed;
        app.StartupProcessorTime = app._process.TotalProcessorTime;
        return app;
    }

    /// <summary>Ends the process at once, as a crashed or switched-off server would.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"De app op poort {Port} stopte bij het starten (code {_process.ExitCode}):\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but still busy starting.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"De app op poort {Port} was na {StartTimeout.TotalSeconds} s niet gezond:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
