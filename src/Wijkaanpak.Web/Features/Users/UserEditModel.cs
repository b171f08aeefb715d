using FluentValidation;
using Wijkaanpak.Data.Identity;
using Wijkaanpak.Domain.Access;

namespace Wijkaanpak.Web.Features.Users;

public sealed class UserEditModel
{
    public string Email { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public IReadOnlyCollection<Role> Roles { get; set; } = new HashSet<Role>();

    public Guid? OrganisationId { get; set; }

    public IReadOnlyCollection<Guid> ProgrammeIds { get; set; } = new HashSet<Guid>();

    /// <summary>Only when creating: the first password, which the user must replace at first sign-in.</summary>
    public string? InitialPassword { get; set; }

    /// <summary>Shown next to the account actions; changed only through them.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Identity's own concurrency token of the user row.</summary>
    public string? ConcurrencyStamp { get; set; }

    public bool IsNew => ConcurrencyStamp is null;

    public const int EmailMaxLength = 256;

    /// <summary>Long enough for any passphrase or password manager; a limit keeps hashing cheap for a pasted page of text.</summary>
    public const int MaximumPasswordLength = 128;
}

public sealed class UserEditModelValidator : AbstractValidator<UserEditModel>
{
    public const int MinimumPasswordLength = 12;

    public UserEditModelValidator()
    {
        RuleFor(model => model.Email)
            .Must(email => !string.IsNullOrWhiteSpace(email)).WithMessage("Vul het e-mailadres in.")
            .EmailAddress().WithMessage("Dit is geen geldig e-mailadres.")
            .MaximumLength(UserEditModel.EmailMaxLength).WithMessage($"Het e-mailadres mag hoogstens {UserEditModel.EmailMaxLength} tekens hebben.");
        RuleFor(model => model.DisplayName)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Vul de naam in.")
            .MaximumLength(AppUser.DisplayNameMaxLength).WithMessage($"De naam mag hoogstens {AppUser.DisplayNameMaxLength} tekens hebben.");
        RuleFor(model => model.Roles)
            .Must(roles => roles is not null && roles.Any()).WithMessage("Kies ten minste één rol.");
        RuleFor(model => model.OrganisationId)
            .NotNull().When(model => model.Roles?.Contains(Role.Alliantiepartner) == true)
            .WithMessage("Een alliantiepartner tekent voor een organisatie: kies die organisatie.");
        RuleFor(model => model.InitialPassword)
            .Must(password => !string.IsNullOrEmpty(password)).When(model => model.IsNew).WithMessage("Kies een eerste wachtwoord.")
            .MinimumLength(MinimumPasswordLength).When(model => model.IsNew && !string.IsNullOrEmpty(model.InitialPassword))
            .WithMessage($"Een wachtwoord heeft ten minste {MinimumPasswordLength} tekens.")
            .MaximumLength(UserEditModel.MaximumPasswordLength)
            .WithMessage($"Een wachtwoord heeft hoogstens {UserEditModel.MaximumPasswordLength} tekens.");
    }
}

public sealed record UserListItem(
    Guid Id,
    string DisplayName,
    string Email,
    IReadOnlyList<Role> Roles,
    string? OrganisationName,
    int ProgrammeCount,
    bool IsActive,
    bool IsLockedOut);

public sealed record Choice(Guid Id, string Name);
