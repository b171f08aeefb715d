namespace Wijkaanpak.Web.Features.Privacy;

internal static class PrivacyFeature
{
    public static void Register(IServiceCollection services) => services.AddScoped<PrivacyService>();
}
