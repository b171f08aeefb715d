namespace Wijkaanpak.Web.Features.Monitoring.Import;

internal static class MonitoringImportFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<MeasurementImportService>();
        services.AddSingleton(provider => ImportUploads.InTempFolder(provider.GetRequiredService<ILogger<ImportUploads>>()));

        // At start: remove the uploads a stopped or crashed instance left behind.
        services.AddHostedService(provider => provider.GetRequiredService<ImportUploads>());
    }
}
