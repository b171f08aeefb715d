using Microsoft.AspNetCore.Identity;

namespace Wijkaanpak.Web.Features.Account;

/// <summary>Identity's messages in Dutch, as users read them next to the field.</summary>
internal sealed class DutchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Het huidige wachtwoord klopt niet." };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Een wachtwoord heeft ten minste {length} tekens." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Een wachtwoord bevat ten minste {uniqueChars} verschillende tekens." };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Een wachtwoord bevat ten minste één cijfer." };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Een wachtwoord bevat ten minste één kleine letter." };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Een wachtwoord bevat ten minste één hoofdletter." };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Een wachtwoord bevat ten minste één leesteken of symbool." };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Er is al een account met het e-mailadres {email}." };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Er is al een account met het e-mailadres {userName}." };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"'{email}' is geen geldig e-mailadres." };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"'{userName}' is geen geldig e-mailadres." };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Iemand anders heeft dit account intussen gewijzigd. Laad het opnieuw." };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Er ging iets mis. Probeer het opnieuw." };
}
