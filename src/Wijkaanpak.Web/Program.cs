using Wijkaanpak.Data.LocalPostgres;
using Wijkaanpak.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
LocalPostgresCluster? localCluster;
try
{
    localCluster = await LocalDatabase.StartIfNeededAsync(builder);
}
catch (LocalPostgresUnavailableException unavailable)
{
    await Console.Error.WriteLineAsync(unavailable.Message);
    return 1;
}

try
{
    builder.AddWijkaanpak();
    var app = builder.Build();
    localCluster?.StopWhenApplicationStops(app.Lifetime);

    if (args.Contains("--migrate"))
    {
        // Production upgrades: apply the migrations, then exit without serving (see README).
        await app.MigrateAsync();
        await app.StopAsync();
        return 0;
    }

    if (args.Contains(AdministratorCommand.Switch))
    {
        var exitCode = await AdministratorCommand.RunAsync(app, args);
        await app.StopAsync();
        return exitCode;
    }

    await app.PrepareForDevelopmentAsync();
    app.UseWijkaanpak();
    await app.RunAsync();
    return 0;
}
catch (Exception) when (localCluster is not null)
{
    // The host never got far enough to stop the cluster itself: stop it here, then fail.
    await localCluster.StopAsync();
    throw;
}

/// <summary>The entry point; public so that tests can host the app.</summary>
public partial class Program;
