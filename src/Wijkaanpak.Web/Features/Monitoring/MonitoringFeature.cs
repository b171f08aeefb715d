using FluentValidation;

namespace Wijkaanpak.Web.Features.Monitoring;

internal static class MonitoringFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<IndicatorService>();
        services.AddSingleton<IValidator<IndicatorEditModel>, IndicatorEditModelValidator>();
        services.AddSingleton<IValidator<MeasurementEditModel>, MeasurementEditModelValidator>();
        services.AddSingleton<IValidator<InterpretationEditModel>, InterpretationEditModelValidator>();
    }
}
