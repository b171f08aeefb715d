using FluentValidation;

namespace Wijkaanpak.Web.Features.Users;

internal static class UsersFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<UserAdminService>();
        services.AddSingleton<IValidator<UserEditModel>, UserEditModelValidator>();
    }
}
