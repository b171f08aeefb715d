using FluentValidation;

namespace Wijkaanpak.Web.Features.Decisions;

internal static class DecisionsFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<DecisionService>();
        services.AddSingleton<IValidator<WeighingEditModel>, WeighingEditModelValidator>();
        services.AddSingleton<IValidator<GoNoGoEditModel>, GoNoGoEditModelValidator>();
        services.AddSingleton<IValidator<PhaseMoveEditModel>, PhaseMoveEditModelValidator>();
        services.AddSingleton<IValidator<DecisionEditModel>, DecisionEditModelValidator>();
        services.AddSingleton<IValidator<HerijkingEditModel>, HerijkingEditModelValidator>();
        services.AddSingleton<GoNoGoCorrectionValidator>();
    }
}
