using FluentValidation;

namespace Wijkaanpak.Web.Features.Programmes;

/// <summary>Registers the feature's service and validators; every feature has one such class.</summary>
internal static class ProgrammesFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<ProgrammeService>();
        services.AddSingleton<IValidator<ProgrammeEditModel>, ProgrammeEditModelValidator>();
    }
}
