namespace Wijkaanpak.Web.Features.Dashboards;

internal static class DashboardsFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddScoped<WorklistService>();
    }
}
