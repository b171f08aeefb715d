using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Wijkaanpak.TestSupport;

/// <summary>
/// The real application on a test database. With onRealPort it listens on a
/// free Kestrel port, so that a browser can reach it. In Development (the default) demo data is seeded.
/// </summary>
public sealed class WijkaanpakAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public WijkaanpakAppFactory(string connectionString, bool onRealPort = false, string environment = "Development", IReadOnlyDictionary<string, string>? settings = null)
    {
        _connectionString = connectionString;
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string>();
        if (onRealPort)
        {
            UseKestrel(0);
        }
    }

    /// <summary>The address Kestrel listens on; only for a factory started on a real port.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:Wijkaanpak", _connectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
