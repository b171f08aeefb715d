using System.Globalization;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Monitoring.Import;

/// <summary>Numbers, years and missing-value markers as they appear in CBS tables, monitors and Dutch Excel.</summary>
public static class CellParsing
{
    private const int MaxNumberLength = 64;

    /// <summary>CBS writes "." for unknown or secret and "x" for secret; an empty cell is missing too.</summary>
    public static bool IsMissing(ReadOnlySpan<char> cell) =>
        cell.IsEmpty || cell is "." || cell is "x" || cell is "X";

    /// <summary>
    /// Parses "12,5", "-1.234,5" (comma) or "12.5", "1,234.5" (point). Thousands separators must
    /// sit between groups of three digits, so "1.5" in a comma file is refused rather than read as 15.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> cell, DecimalMark mark, out decimal value) =>
        ReadNumber(cell, mark, out value) == NumberVerdict.Number;

    /// <summary>
    /// As <see cref="TryParseNumber"/>, and tells a number with more decimals than the database
    /// keeps (<see cref="Measurement.ValueDecimals"/>) from text that is no number at all: such a
    /// value is refused, never rounded, so that what is stored is what the file says.
    /// </summary>
    public static NumberVerdict ReadNumber(ReadOnlySpan<char> cell, DecimalMark mark, out decimal value)
    {
        value = 0;
        if (cell.IsEmpty || cell.Length > MaxNumberLength)
        {
            return NumberVerdict.NotANumber;
        }

        var decimalChar = mark == DecimalMark.Comma ? ',' : '.';
        var groupChar = mark == DecimalMark.Comma ? '.' : ',';
        var decimalAt = cell.IndexOf(decimalChar);
        if (decimalAt >= 0 && cell[(decimalAt + 1)..].Contains(decimalChar))
        {
            return NumberVerdict.NotANumber;
        }

        var integerPart = decimalAt >= 0 ? cell[..decimalAt] : cell;
        if (decimalAt >= 0 && cell[decimalAt..].Contains(groupChar))
        {
            return NumberVerdict.NotANumber;
        }

        if (integerPart.Contains(groupChar) && !GroupsOfThree(integerPart, groupChar))
        {
            return NumberVerdict.NotANumber;
        }

        Span<char> plain = stackalloc char[cell.Length];
        var length = 0;
        foreach (var character in cell)
        {
            if (character == groupChar)
            {
                continue;
            }

            plain[length++] = character == decimalChar ? '.' : character;
        }

        if (!decimal.TryParse(plain[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            return NumberVerdict.NotANumber;
        }

        return HasMoreDecimalsThanStored(plain[..length], value) ? NumberVerdict.TooManyDecimals : NumberVerdict.Number;
    }

    /// <summary>
    /// Counted in the text where it can be: decimal itself rounds beyond 28 digits, so "1." with
    /// thirty decimals would otherwise pass as 1. Trailing zeros lose nothing and do not count.
    /// </summary>
    private static bool HasMoreDecimalsThanStored(ReadOnlySpan<char> plain, decimal value)
    {
        var exponent = plain.IndexOfAny('e', 'E');
        if (exponent < 0)
        {
            var point = plain.IndexOf('.');
            return point >= 0 && plain[(point + 1)..].TrimEnd('0').Length > Measurement.ValueDecimals;
        }

        // "1E-30" parses as 0: a mantissa with a digit other than zero was not zero.
        return value != Math.Round(value, Measurement.ValueDecimals) || (value == 0 && plain[..exponent].ContainsAnyInRange('1', '9'));
    }

    /// <summary>"2023", or a CBS StatLine period such as "2023JJ00".</summary>
    public static bool TryParseYear(ReadOnlySpan<char> cell, out int year)
    {
        year = 0;
        return (cell.Length == 4 || (cell.Length == 8 && cell[4..] is "JJ00"))
            && int.TryParse(cell[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year);
    }

    public static bool YearInRange(int year) => year is >= Indicator.EarliestYear and <= Indicator.LatestYear;

    public static bool ValueInRange(decimal value) => Math.Abs(value) <= Measurement.MaxMagnitude;

    private static bool GroupsOfThree(ReadOnlySpan<char> integerPart, char groupChar)
    {
        var digits = integerPart.TrimStart("+-");
        var first = digits.IndexOf(groupChar);

        // "0.042" is not 42 in a comma file: no one writes thousands after a leading zero.
        if (first is < 1 or > 3 || digits[0] == '0')
        {
            return false;
        }

        var rest = digits[first..];
        while (!rest.IsEmpty)
        {
            if (rest.Length < 4 || rest[0] != groupChar || rest[1..4].ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            rest = rest[4..];
        }

        return true;
    }
}

public enum NumberVerdict
{
    Number,
    NotANumber,

    /// <summary>A number with more decimals than the database keeps: refused, not rounded.</summary>
    TooManyDecimals,
}

public enum AreaVerdict
{
    Inside,

    /// <summary>A valid code of an area the programme is not about: skipped and counted.</summary>
    Outside,

    /// <summary>Not a CBS code at all: a bad row.</summary>
    Malformed,
}

/// <summary>
/// Which areas a programme's measurements may be about: its own area codes, every area within them
/// (a buurt of a listed wijk, a wijk or buurt of a listed gemeente), and the wijk and gemeente they
/// lie in, which monitors report as a reference figure. Anything else in a file is skipped and
/// counted, so a CBS table of the whole country can be imported as it is.
/// </summary>
public sealed class AreaScope
{
    private readonly HashSet<string> _listed;
    private readonly HashSet<string> _parents;
    private readonly Dictionary<string, (AreaVerdict Verdict, string Code)> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (AreaVerdict Verdict, string Code)>.AlternateLookup<ReadOnlySpan<char>> _seenBySpan;

    public AreaScope(IEnumerable<string> programmeAreaCodes)
    {
        _listed = programmeAreaCodes.Select(code => AreaCode.Parse(code).Value).ToHashSet(StringComparer.Ordinal);
        _parents = _listed.SelectMany(ParentsOf).ToHashSet(StringComparer.Ordinal);
        _seenBySpan = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The verdict on a cell, with the normalised code (upper case); the same code string each time.</summary>
    public (AreaVerdict Verdict, string Code) Judge(ReadOnlySpan<char> cell)
    {
        if (_seenBySpan.TryGetValue(cell, out var known))
        {
            return known;
        }

        var text = cell.ToString();
        (AreaVerdict, string) verdict;
        if (AreaCode.TryParse(text, out var code))
        {
            verdict = (Covers(code!.Value) ? AreaVerdict.Inside : AreaVerdict.Outside, code.Value);
        }
        else
        {
            // CBS tables start with the country as a whole (NL00); that is a known area, not ours.
            verdict = text.StartsWith("NL", StringComparison.OrdinalIgnoreCase) && text.Length == 4 && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
                ? (AreaVerdict.Outside, text.ToUpperInvariant())
                : (AreaVerdict.Malformed, text);
        }

        // Bounded: a file with endless different malformed codes should not grow this without limit.
        if (_seen.Count < 100_000)
        {
            _seen[text] = verdict;
        }

        return verdict;
    }

    private bool Covers(string code) =>
        _listed.Contains(code) || _parents.Contains(code) || ParentsOf(code).Any(_listed.Contains);

    /// <summary>GM0622 for WK062203; WK062203 and GM0622 for BU06220301.</summary>
    private static IEnumerable<string> ParentsOf(string code)
    {
        if (code.StartsWith("BU", StringComparison.Ordinal))
        {
            yield return "WK" + code[2..8];
        }

        if (!code.StartsWith("GM", StringComparison.Ordinal))
        {
            yield return "GM" + code[2..6];
        }
    }
}
