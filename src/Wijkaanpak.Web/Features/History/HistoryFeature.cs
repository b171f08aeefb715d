namespace Wijkaanpak.Web.Features.History;

internal static class HistoryFeature
{
    public static void Register(IServiceCollection services) => services.AddScoped<HistoryService>();
}
