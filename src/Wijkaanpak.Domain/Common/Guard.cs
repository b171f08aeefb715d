namespace Wijkaanpak.Domain.Common;

/// <summary>Checks shared by the aggregates; each failure is a named rule with a Dutch message.</summary>
public static class Guard
{
    public static string RequiredText(string? value, int maxLength, string rule, string fieldLabel)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainRuleException(rule, $"{fieldLabel} is verplicht.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException(rule, $"{fieldLabel} mag hoogstens {maxLength} tekens hebben.");
        }

        return trimmed;
    }

    public static string OptionalText(string? value, int maxLength, string rule, string fieldLabel)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        return trimmed.Length > maxLength
            ? throw new DomainRuleException(rule, $"{fieldLabel} mag hoogstens {maxLength} tekens hebben.")
            : trimmed;
    }
}
