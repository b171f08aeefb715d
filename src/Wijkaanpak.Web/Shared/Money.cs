using System.Globalization;

namespace Wijkaanpak.Web.Shared;

/// <summary>
/// Amounts as Dutch readers expect them: "€ 1.234.567", cents only when there are any: the one way
/// money is written, on every page and in the contract and report documents.
/// </summary>
public static class Money
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Euro(decimal amount) =>
        decimal.Truncate(amount) == amount
            ? string.Create(Dutch, $"€ {amount:N0}")
            : string.Create(Dutch, $"€ {amount:N2}");
}
