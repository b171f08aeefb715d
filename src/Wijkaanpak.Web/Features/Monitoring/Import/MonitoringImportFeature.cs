namespace Wijkaanpak.Web.Features.Monitoring.Import;

internal static class MonitoringImportFeature
{
    public static void Register(IServiceCollection services) => services.AddScoped<MeasurementImportService>();
}
