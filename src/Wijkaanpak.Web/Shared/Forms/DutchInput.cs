using System.Globalization;

namespace Wijkaanpak.Web.Shared.Forms;

/// <summary>
/// Reads numbers and dates the way Dutch users type them, and writes them back the same way: the one
/// place where the app decides what "42.500", "12.345,67", "€ 1.000,-", "3,5" or "1-2-2026" mean.
/// A point is a thousands separator between groups of three digits and a comma is the decimal mark;
/// anything that fits neither reading ("3.5", "0.042", "1,234.56") is refused with a Dutch message,
/// never guessed. Ranges are not checked here: the edit model's validator holds them, so that the
/// message about a value too large is the same in the browser and on the server.
/// </summary>
public static class DutchInput
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Longer than any amount the database holds; refused before parsing so a paste of a page of digits costs nothing.</summary>
    public const int MaxNumberLength = 40;

    public const string DateExample = "1-2-2026";

    private static readonly string[] DateFormats = ["d-M-yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy-M-d"];

    /// <summary>Reads an amount in euros: an optional "€" or "EUR", at most two decimals, ",-" for whole euros.</summary>
    public static InputReading<decimal> ReadMoney(string? text)
    {
        var trimmed = Normalise(text);
        if (trimmed.Length == 0)
        {
            return InputReading<decimal>.Empty;
        }

        var withoutSign = StripCurrency(trimmed);
        if (withoutSign.EndsWith(",-", StringComparison.Ordinal) || withoutSign.EndsWith(",--", StringComparison.Ordinal))
        {
            withoutSign = withoutSign.TrimEnd('-')[..^1];
        }

        return ReadNumber(withoutSign, maxDecimals: 2, "Een bedrag heeft hoogstens twee cijfers achter de komma (centen).");
    }

    /// <summary>Reads a number that may have decimals, at most <paramref name="maxDecimals"/> of them.</summary>
    public static InputReading<decimal> ReadDecimal(string? text, int maxDecimals)
    {
        var trimmed = Normalise(text);
        if (trimmed.Length == 0)
        {
            return InputReading<decimal>.Empty;
        }

        if (trimmed.Contains('€', StringComparison.Ordinal))
        {
            return InputReading<decimal>.Refused("Vul hier een getal in, geen bedrag.");
        }

        return ReadNumber(trimmed, maxDecimals, maxDecimals == 0
            ? "Vul een heel getal in, zonder cijfers achter de komma."
            : $"Vul hoogstens {maxDecimals} {(maxDecimals == 1 ? "cijfer" : "cijfers")} achter de komma in.");
    }

    /// <summary>Reads a whole number; thousands separators are allowed ("1.250").</summary>
    public static InputReading<int> ReadWholeNumber(string? text)
    {
        var reading = ReadDecimal(text, maxDecimals: 0);
        if (reading.Error is not null || reading.Value is null)
        {
            return reading.Error is null ? InputReading<int>.Empty : InputReading<int>.Refused(reading.Error);
        }

        return reading.Value.Value is >= int.MinValue and <= int.MaxValue
            ? InputReading<int>.Read((int)reading.Value.Value)
            : InputReading<int>.Refused("Dit getal is te groot.");
    }

    /// <summary>Reads a year: four digits, without a separator ("2.026" is not a year anyone writes).</summary>
    public static InputReading<int> ReadYear(string? text)
    {
        var trimmed = Normalise(text);
        if (trimmed.Length == 0)
        {
            return InputReading<int>.Empty;
        }

        return trimmed.Length == 4 && trimmed.All(char.IsAsciiDigit)
            ? InputReading<int>.Read(int.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture))
            : InputReading<int>.Refused("Vul een jaar in met vier cijfers, bijvoorbeeld 2026.");
    }

    /// <summary>Reads a date as day-month-year ("1-2-2026", "01-02-2026", "1/2/2026") or as ISO ("2026-02-01").</summary>
    public static InputReading<DateTime> ReadDate(string? text)
    {
        var trimmed = Normalise(text);
        if (trimmed.Length == 0)
        {
            return InputReading<DateTime>.Empty;
        }

        if (DateTime.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return InputReading<DateTime>.Read(date.Date);
        }

        var parts = trimmed.Split('-', '/', '.');
        if (parts.Length == 3 && parts.All(part => part.Length > 0 && part.All(char.IsAsciiDigit)))
        {
            return parts[2].Length == 4 || parts[0].Length == 4
                ? InputReading<DateTime>.Refused("Deze datum bestaat niet. Controleer de dag en de maand.")
                : InputReading<DateTime>.Refused($"Schrijf het jaar voluit, bijvoorbeeld {DateExample}.");
        }

        return InputReading<DateTime>.Refused($"Vul een datum in als dag-maand-jaar, bijvoorbeeld {DateExample}.");
    }

    public static string ShowMoney(decimal? amount) => amount is not { } value
        ? string.Empty
        : decimal.Truncate(value) == value ? value.ToString("#,##0", Culture) : value.ToString("#,##0.00", Culture);

    public static string ShowDecimal(decimal? number) => number?.ToString("#,##0.##########", Culture) ?? string.Empty;

    public static string ShowWholeNumber(int? number) => number?.ToString("#,##0", Culture) ?? string.Empty;

    public static string ShowYear(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string ShowDate(DateTime? date) => date?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Normalise(string? text) =>
        (text ?? string.Empty).Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2212', '-').Trim();

    private static string StripCurrency(string text)
    {
        foreach (var sign in (string[])["€", "EUR", "eur", "Eur"])
        {
            if (text.StartsWith(sign, StringComparison.Ordinal))
            {
                return text[sign.Length..].TrimStart();
            }

            if (text.StartsWith('-') && text[1..].TrimStart().StartsWith(sign, StringComparison.Ordinal))
            {
                return "-" + text[1..].TrimStart()[sign.Length..].TrimStart();
            }
        }

        return text;
    }

    private static InputReading<decimal> ReadNumber(string text, int maxDecimals, string tooManyDecimals)
    {
        if (text.Length > MaxNumberLength)
        {
            return InputReading<decimal>.Refused("Dit getal is te lang.");
        }

        var negative = text.StartsWith('-');
        var digits = negative ? text[1..].TrimStart() : text;
        if (digits.Length == 0 || digits.Any(character => !char.IsAsciiDigit(character) && character is not '.' and not ','))
        {
            return InputReading<decimal>.Refused("Vul alleen cijfers in, met een komma voor decimalen, bijvoorbeeld 12.345,67.");
        }

        var commaAt = digits.IndexOf(',', StringComparison.Ordinal);
        if (commaAt >= 0 && digits.IndexOf(',', commaAt + 1) >= 0)
        {
            return InputReading<decimal>.Refused("Gebruik één komma, voor de decimalen, bijvoorbeeld 12.345,67.");
        }

        var whole = commaAt >= 0 ? digits[..commaAt] : digits;
        var fraction = commaAt >= 0 ? digits[(commaAt + 1)..] : string.Empty;
        if (fraction.Contains('.', StringComparison.Ordinal) || (commaAt >= 0 && fraction.Length == 0))
        {
            return InputReading<decimal>.Refused("Schrijf het getal op z'n Nederlands: een punt tussen duizendtallen en een komma voor decimalen, bijvoorbeeld 1.234,56.");
        }

        if (whole.Contains('.', StringComparison.Ordinal) && !IsGroupedInThousands(whole))
        {
            return InputReading<decimal>.Refused("Gebruik een komma voor decimalen, bijvoorbeeld 3,5. Een punt staat alleen tussen duizendtallen, zoals in 42.500.");
        }

        if (fraction.Length > maxDecimals)
        {
            return InputReading<decimal>.Refused(tooManyDecimals);
        }

        var plain = (whole.Length == 0 ? "0" : whole.Replace(".", string.Empty, StringComparison.Ordinal))
            + (fraction.Length > 0 ? "." + fraction : string.Empty);
        if (!decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return InputReading<decimal>.Refused("Dit getal is te groot.");
        }

        return InputReading<decimal>.Read(negative ? -value : value);
    }

    /// <summary>"1.234", "12.345.678": a first group of one to three digits not starting with 0, then groups of exactly three.</summary>
    private static bool IsGroupedInThousands(string whole)
    {
        var groups = whole.Split('.');
        return groups[0].Length is >= 1 and <= 3
            && groups[0][0] != '0'
            && groups.Skip(1).All(group => group.Length == 3);
    }
}

/// <summary>What a typed text means: nothing (an empty field), a value, or a Dutch reason it was refused.</summary>
public readonly record struct InputReading<T>(T? Value, string? Error)
    where T : struct
{
    public static InputReading<T> Empty => new(null, null);

    public static InputReading<T> Read(T value) => new(value, null);

    public static InputReading<T> Refused(string error) => new(null, error);
}
