using FluentValidation;

namespace Wijkaanpak.Web.Features.Checklists;

/// <summary>Registers the checklist services and validators.</summary>
internal static class ChecklistsFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<ChecklistService>();
        services.AddScoped<ChecklistTemplateService>();
        services.AddScoped<SignOffService>();
        services.AddSingleton<IValidator<AnswerEditModel>, AnswerEditModelValidator>();
        services.AddSingleton<IValidator<SignOffEditModel>, SignOffEditModelValidator>();
        services.AddSingleton<IValidator<QuestionEditModel>, QuestionEditModelValidator>();
        services.AddSingleton<IValidator<TemplateEditModel>, TemplateEditModelValidator>();
    }
}
