using FluentValidation;

namespace Wijkaanpak.Web.Features.Alliance;

internal static class AllianceFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<AllianceService>();
        services.AddScoped<InventoryService>();
        services.AddSingleton<IValidator<MembershipEditModel>, MembershipEditModelValidator>();
        services.AddSingleton<IValidator<EndMembershipEditModel>, EndMembershipEditModelValidator>();
        services.AddSingleton<IValidator<SubAllianceEditModel>, SubAllianceEditModelValidator>();
        services.AddSingleton<IValidator<ParticipationEditModel>, ParticipationEditModelValidator>();
        services.AddSingleton<IValidator<StakeholderEditModel>, StakeholderEditModelValidator>();
        services.AddSingleton<IValidator<PolicyLineEditModel>, PolicyLineEditModelValidator>();
    }
}
