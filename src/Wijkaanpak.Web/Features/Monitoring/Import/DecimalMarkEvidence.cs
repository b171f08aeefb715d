using System.Globalization;

namespace Wijkaanpak.Web.Features.Monitoring.Import;

/// <summary>
/// What the numbers of a whole file say about its decimal mark. Each cell that looks like a number
/// votes when it can tell: "12,5" and "0,042" (a leading zero is never followed by thousands),
/// "1.234,5" (the last of two marks), "1.234.567" (a mark twice separates thousands). A cell with one
/// mark and exactly three digits after it ("1.010", "2.500") cannot tell and is kept as an example
/// for the user; a file with only such cells is undecided, and the user is asked.
/// </summary>
public sealed class DecimalMarkEvidence
{
    /// <summary>Examples enough to recognise the file's numbers; more would only repeat the question.</summary>
    public const int MaxExamples = 3;

    private const int MaxNumberLength = 64;

    private readonly List<string> _examples = [];

    public int CommaVotes { get; private set; }

    public int PointVotes { get; private set; }

    /// <summary>Cells such as "1.010" that read both ways.</summary>
    public int Undecidable { get; private set; }

    /// <summary>The first few distinct cells that read both ways, as they are written in the file.</summary>
    public IReadOnlyList<string> Examples => _examples;

    public void Add(ReadOnlySpan<char> cell)
    {
        var text = cell.Trim();

        // Most cells are codes, names or plain integers: leave them after a look at the first and last character.
        if (text.IsEmpty || text.Length > MaxNumberLength || !char.IsAsciiDigit(text[^1]) || !(char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.' or ','))
        {
            return;
        }

        var number = text.TrimStart("+-");
        if (number.IndexOfAny('e', 'E') is >= 0 and var exponent)
        {
            number = number[..exponent];
        }

        if (number.IsEmpty || number.ContainsAnyExcept("0123456789.,"))
        {
            return;
        }

        var points = number.Count('.');
        var commas = number.Count(',');
        if (points + commas == 0)
        {
            return;
        }

        if (points > 0 && commas > 0)
        {
            // "1.234,5" or "1,234.5": the last mark is the decimal one, if it is there once.
            var last = number[Math.Max(number.LastIndexOf('.'), number.LastIndexOf(','))];
            if ((last == '.' ? points : commas) == 1)
            {
                Vote(last);
            }

            return;
        }

        var mark = points > 0 ? '.' : ',';
        if (points + commas > 1)
        {
            // "1.234.567": a mark that comes back separates thousands, so the decimal mark is the other one.
            Vote(mark == '.' ? ',' : '.');
            return;
        }

        var at = number.IndexOf(mark);
        var whole = number[..at];
        if (number.Length - at - 1 != 3 || whole.IsEmpty || whole[0] == '0' || whole.Length > 3)
        {
            // "1.5", "12.3456", "0.042", ".125" and "1234.567" are written with a decimal mark: no one
            // groups thousands after a leading zero or after more than three digits.
            Vote(mark);
            return;
        }

        Undecidable++;
        if (_examples.Count < MaxExamples && !_examples.Contains(text.ToString(), StringComparer.Ordinal))
        {
            _examples.Add(text.ToString());
        }
    }

    /// <summary>
    /// The mark most cells vote for; null when the votes tie and some cells read both ways (the
    /// user decides). Without any evidence a semicolon file is Dutch (comma), otherwise a point.
    /// </summary>
    public DecimalMark? Decide(char separator) =>
        CommaVotes > PointVotes ? DecimalMark.Comma
        : PointVotes > CommaVotes ? DecimalMark.Point
        : Undecidable > 0 ? null
        : separator == ';' ? DecimalMark.Comma : DecimalMark.Point;

    /// <summary>An example read both ways, for the user to choose from: "1.010" is 1,01 or 1010.</summary>
    public static DecimalMarkExample Example(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DecimalMarkExample(text, Reading(text, DecimalMark.Point), Reading(text, DecimalMark.Comma));
    }

    private static string Reading(string text, DecimalMark mark) =>
        CellParsing.TryParseNumber(text, mark, out var value)

            // Without thousands separators: "1010" cannot be mistaken, "1.010" would be the question again.
            ? value.ToString("0.############", Dutch)
            : "geen getal";

    private static CultureInfo Dutch => CultureInfo.GetCultureInfo("nl-NL");

    private void Vote(char decimalMark)
    {
        if (decimalMark == ',')
        {
            CommaVotes++;
        }
        else
        {
            PointVotes++;
        }
    }
}

/// <summary>
/// A number from the file that reads two ways: with a decimal point (<see cref="AsPoint"/>) and with
/// a decimal comma and a point between thousands (<see cref="AsComma"/>), both written the Dutch way.
/// </summary>
public sealed record DecimalMarkExample(string Text, string AsPoint, string AsComma)
{
    /// <summary>"1.010 → 1,01 (decimaalpunt) of 1010 (duizendtallen)": the mark in the example first, as a decimal mark.</summary>
    public string Description => Text.Contains(',', StringComparison.Ordinal)
        ? $"{Text} → {AsComma} (decimaalkomma) of {AsPoint} (duizendtallen)"
        : $"{Text} → {AsPoint} (decimaalpunt) of {AsComma} (duizendtallen)";
}
