using System.Diagnostics;
using System.Net;
using Wijkaanpak.TestSupport;

namespace Wijkaanpak.E2E.Tests.Infrastructure;

/// <summary>
/// Debian's nginx in the foreground with the configuration shipped in docs/nginx/wijkaanpak.conf,
/// pointed at the given app instances; pid, logs and temporary files stay in a folder of its own.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";

    /// <summary>The addresses in the shipped file that stand for the first and the second instance.</summary>
    private static readonly string[] ShippedInstances = ["server 127.0.0.1:5001 ", "server 127.0.0.1:5002 "];

    private const string ShippedListen = "listen 8080;";

    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    public static bool Installed => File.Exists(NginxPath);

    public Uri Address { get; }

    public int Port => Address.Port;

    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    /// <param name="instancePorts">The app instances, one for each in the shipped file (the same one twice for a single instance).</param>
    /// <param name="port">Where nginx listens; a free port when null, the old one when a test starts it again.</param>
    public static async Task<NginxProxy> StartAsync(IReadOnlyList<int> instancePorts, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(instancePorts);
        if (instancePorts.Count != ShippedInstances.Length)
        {
            throw new ArgumentException($"De meegeleverde configuratie heeft {ShippedInstances.Length} instanties.", nameof(instancePorts));
        }

        var folder = Directory.CreateTempSubdirectory("wijkaanpak-nginx-").FullName;
        var listen = port ?? AppProcess.FreePort();
        var site = await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot, "docs", "nginx", "wijkaanpak.conf"));
        site = Replace(site, ShippedListen, $"listen 127.0.0.1:{listen};");
        for (var instance = 0; instance < instancePorts.Count; instance++)
        {
            site = Replace(site, ShippedInstances[instance], $"server 127.0.0.1:{instancePorts[instance]} ");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "wijkaanpak.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            # One process in the foreground, as the invoking user: the test owns and ends it.
            master_process off;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/wijkaanpak.conf;
            }
            """);

        var start = new ProcessStartInfo(NginxPath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", folder + "/", "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var proxy = new NginxProxy(new Process { StartInfo = start }, folder, listen);
        proxy._process.Start();
        proxy._process.BeginOutputReadLine();
        proxy._process.BeginErrorReadLine();
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the operating system's temp clean-up; it holds only logs.
        }
    }

    /// <summary>Replaces text that must be in the shipped file: a test that silently proxied elsewhere would prove nothing.</summary>
    private static string Replace(string configuration, string shipped, string replacement) =>
        configuration.Contains(shipped, StringComparison.Ordinal)
            ? configuration.Replace(shipped, replacement, StringComparison.Ordinal)
            : throw new InvalidOperationException($"docs/nginx/wijkaanpak.conf bevat '{shipped}' niet meer; pas de test mee aan.");

    private async Task WaitUntilListeningAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx stopte meteen (code {_process.ExitCode}):\n{ErrorLog}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Address, "health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"nginx gaf geen gezonde app door op {Address}:\n{ErrorLog}");
    }
}
