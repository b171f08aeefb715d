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

/// <summary>A person who represents an organisation, as the Beheerder fills it in.</summary>
public sealed class RepresentativeEditModel
{
    public string Name { get; set; } = string.Empty;

    public string? Function { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>The account this person signs in with; only accounts of the same organisation qualify.</summary>
    public Guid? UserId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The organisation's version this edit was made on: representatives are part of the organisation.</summary>
    public uint OrganisationVersion { get; set; }

    public RepresentativeDetails ToDetails() => new(Name, Function, Email, Phone, UserId, IsActive);
}

public sealed class RepresentativeEditModelValidator : AbstractValidator<RepresentativeEditModel>
{
    public RepresentativeEditModelValidator()
    {
        RuleFor(model => model.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Vul de naam in.")
            .MaximumLength(Representative.NameMaxLength).WithMessage($"De naam mag hoogstens {Representative.NameMaxLength} tekens hebben.");
        RuleFor(model => model.Function)
            .MaximumLength(Representative.FunctionMaxLength).WithMessage($"De functie mag hoogstens {Representative.FunctionMaxLength} tekens hebben.");
        RuleFor(model => model.Email)
            .MaximumLength(Representative.ContactMaxLength).WithMessage($"Het e-mailadres mag hoogstens {Representative.ContactMaxLength} tekens hebben.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.")
            .When(model => !string.IsNullOrWhiteSpace(model.Email));
        RuleFor(model => model.Phone)
            .MaximumLength(Representative.ContactMaxLength).WithMessage($"Het telefoonnummer mag hoogstens {Representative.ContactMaxLength} tekens hebben.")
            .Matches(@"^[0-9+()\-\s]*$").WithMessage("Een telefoonnummer bevat alleen cijfers, spaties, +, - en haakjes.");
    }
}

public sealed record RepresentativeView(Guid Id, string Name, string Function, string Email, string Phone, Guid? UserId, string? AccountEmail, bool IsActive);

public sealed record AccountChoice(Guid UserId, string Label);

public sealed record OrganisationDetailView(
    OrganisationId Id,
    string Name,
    OrganisationType Type,
    IReadOnlyList<RepresentativeView> Representatives,
    IReadOnlyList<AccountChoice> Accounts,
    uint Version);
