namespace Wijkaanpak.Domain.Common;

/// <summary>
/// A business rule of the model was broken. <see cref="Rule"/> names the rule so that tests and
/// logs can tell which one; <see cref="Exception.Message"/> is the Dutch text shown to the user.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string rule, string message)
        : base(message) => Rule = rule;

    public DomainRuleException()
        : this("Unknown", "Een regel van het model is overtreden.")
    {
    }

    public DomainRuleException(string message)
        : this("Unknown", message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException) => Rule = "Unknown";

    public string Rule { get; }
}
