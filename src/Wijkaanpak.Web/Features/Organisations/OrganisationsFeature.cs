using FluentValidation;

namespace Wijkaanpak.Web.Features.Organisations;

internal static class OrganisationsFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<OrganisationService>();
        services.AddSingleton<IValidator<OrganisationEditModel>, OrganisationEditModelValidator>();
        services.AddSingleton<IValidator<RepresentativeEditModel>, RepresentativeEditModelValidator>();
    }
}
