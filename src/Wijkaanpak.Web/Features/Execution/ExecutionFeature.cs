using FluentValidation;

namespace Wijkaanpak.Web.Features.Execution;

internal static class ExecutionFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<ExecutionService>();
        services.AddScoped<FinancingService>();
        services.AddSingleton<IValidator<PeriodEditModel>, PeriodEditModelValidator>();
        services.AddSingleton<IValidator<InterventionEditModel>, InterventionEditModelValidator>();
        services.AddSingleton<IValidator<StatusChangeEditModel>, StatusChangeEditModelValidator>();
        services.AddSingleton<IValidator<BudgetLineEditModel>, BudgetLineEditModelValidator>();
    }
}
