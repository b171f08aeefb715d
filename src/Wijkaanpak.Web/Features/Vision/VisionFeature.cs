using FluentValidation;

namespace Wijkaanpak.Web.Features.Vision;

internal static class VisionFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<VisionService>();
        services.AddScoped<OpgaveService>();
        services.AddSingleton<IValidator<MissionEditModel>, MissionEditModelValidator>();
        services.AddSingleton<IValidator<AmbitionEditModel>, AmbitionEditModelValidator>();
        services.AddSingleton<IValidator<GoalEditModel>, GoalEditModelValidator>();
        services.AddSingleton<IValidator<OpgaveEditModel>, OpgaveEditModelValidator>();
        services.AddSingleton<IValidator<StoryEditModel>, StoryEditModelValidator>();
    }
}
