using FluentValidation;
using Wijkaanpak.Domain.Organisations;

namespace Wijkaanpak.Web.Features.Organisations;

public sealed class OrganisationEditModel
{
    public string Name { get; set; } = string.Empty;

    public OrganisationType? Type { get; set; }

    public uint Version { get; set; }
}

public sealed class OrganisationEditModelValidator : AbstractValidator<OrganisationEditModel>
{
    public OrganisationEditModelValidator()
    {
        RuleFor(model => model.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Vul de naam van de organisatie in.")
            .MaximumLength(Organisation.NameMaxLength).WithMessage($"De naam mag hoogstens {Organisation.NameMaxLength} tekens hebben.");
        RuleFor(model => model.Type)
            .NotNull().WithMessage("Kies het soort organisatie.")
            .IsInEnum().WithMessage("Kies het soort organisatie.");
    }
}

public sealed record OrganisationListItem(OrganisationId Id, string Name, OrganisationType Type, int UserCount, uint Version);
