using FluentValidation;

namespace Wijkaanpak.Web.Features.Reports;

internal static class ReportsFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<ReportService>();
        services.AddSingleton<IValidator<SectionEditModel>, SectionEditModelValidator>();
        services.AddSingleton<IValidator<AdoptionEditModel>, AdoptionEditModelValidator>();
    }
}
