using Wijkaanpak.Domain.Common;

namespace Wijkaanpak.Domain.Organisations;

/// <summary>
/// A person who speaks and signs for an <see cref="Organisation"/>: a board member who signs the
/// lokaal contract, a manager in the alliance, a professional in an operational team. Linked to
/// a user account when they sign in themselves.
/// </summary>
public sealed class Representative
{
    public const int NameMaxLength = 200;
    public const int FunctionMaxLength = 200;
    public const int ContactMaxLength = 200;

    private Representative()
    {
        Name = string.Empty;
        Function = string.Empty;
        Email = string.Empty;
        Phone = string.Empty;
    }

    internal Representative(RepresentativeDetails details)
        : this()
    {
        Id = Guid.CreateVersion7();
        Change(details);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string Function { get; private set; }

    public string Email { get; private set; }

    public string Phone { get; private set; }

    /// <summary>The account this person signs in with, if any.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>Set when the person no longer represents the organisation; kept because they signed things.</summary>
    public bool IsActive { get; private set; }

    internal void Change(RepresentativeDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Name = Guard.RequiredText(details.Name, NameMaxLength, "RepresentativeNameRequired", "De naam");
        Function = Guard.OptionalText(details.Function, FunctionMaxLength, "RepresentativeFunctionTooLong", "De functie");
        Email = Guard.OptionalText(details.Email, ContactMaxLength, "RepresentativeEmailTooLong", "Het e-mailadres");
        Phone = Guard.OptionalText(details.Phone, ContactMaxLength, "RepresentativePhoneTooLong", "Het telefoonnummer");
        if (Email.Length > 0 && (!Email.Contains('@', StringComparison.Ordinal) || Email.Any(char.IsWhiteSpace)))
        {
            throw new DomainRuleException("RepresentativeEmailInvalid", "Vul een geldig e-mailadres in, zoals naam@organisatie.nl.");
        }

        UserId = details.UserId;
        IsActive = details.IsActive;
    }
}

/// <summary>What a user fills in about a representative.</summary>
public sealed record RepresentativeDetails(string Name, string? Function, string? Email, string? Phone, Guid? UserId, bool IsActive = true);
