using System.Text.RegularExpressions;
using Wijkaanpak.Domain.Common;

namespace Wijkaanpak.Domain.Programmes;

public enum AreaLevel
{
    Gemeente = 1,
    Wijk = 2,
    Buurt = 3,
}

/// <summary>
/// A CBS area code: a municipality (GM + 4 digits), a district (WK + 6) or a neighbourhood (BU + 8).
/// The digits of a district and a neighbourhood start with those of their municipality.
/// </summary>
public sealed partial record AreaCode
{
    private AreaCode(string value, AreaLevel level)
    {
        Value = value;
        Level = level;
    }

    public string Value { get; }

    public AreaLevel Level { get; }

    public const string FormatDescription =
        "Gebruik een CBS-code: GM met 4 cijfers (gemeente), WK met 6 cijfers (wijk) of BU met 8 cijfers (buurt), bijvoorbeeld WK036301.";

    public static bool TryParse(string? text, out AreaCode? areaCode)
    {
        areaCode = null;
        var candidate = text?.Trim().ToUpperInvariant();
        if (candidate is null || !CbsCodePattern().IsMatch(candidate))
        {
            return false;
        }

        var level = candidate[..2] switch
        {
            "GM" when candidate.Length == 6 => AreaLevel.Gemeente,
            "WK" when candidate.Length == 8 => AreaLevel.Wijk,
            "BU" when candidate.Length == 10 => AreaLevel.Buurt,
            _ => (AreaLevel?)null,
        };
        if (level is null)
        {
            return false;
        }

        areaCode = new AreaCode(candidate, level.Value);
        return true;
    }

    public static AreaCode Parse(string? text) =>
        TryParse(text, out var areaCode)
            ? areaCode!
            : throw new DomainRuleException("AreaCodeMustBeCbsCode", $"'{text}' is geen geldige gebiedscode. {FormatDescription}");

    public override string ToString() => Value;

    [GeneratedRegex("^(GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex CbsCodePattern();
}
