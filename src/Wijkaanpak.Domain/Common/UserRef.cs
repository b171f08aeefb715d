namespace Wijkaanpak.Domain.Common;

/// <summary>
/// The person who did something (answered, decided, moved a phase). The display name is a snapshot
/// taken at that moment, so that history stays readable after a user is renamed or removed.
/// </summary>
public sealed record UserRef
{
    public const int DisplayNameMaxLength = 200;

    public UserRef(Guid userId, string displayName)
    {
        if (userId == Guid.Empty)
        {
            throw new DomainRuleException("UserMustBeKnown", "Het is niet bekend wie dit doet.");
        }

        UserId = userId;
        DisplayName = Guard.RequiredText(displayName, DisplayNameMaxLength, "UserMustBeKnown", "De naam van de gebruiker");
    }

    public Guid UserId { get; }

    public string DisplayName { get; }
}
