using FluentValidation;

namespace Wijkaanpak.Web.Features.Contracts;

internal static class ContractsFeature
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<ContractService>();
        services.AddSingleton<IValidator<ContractDraftEditModel>, ContractDraftEditModelValidator>();
        services.AddSingleton<IValidator<CommitmentEditModel>, CommitmentEditModelValidator>();
        services.AddSingleton<IValidator<SignatureEditModel>, SignatureEditModelValidator>();
        services.AddSingleton<IValidator<RevisionEditModel>, RevisionEditModelValidator>();
    }
}
