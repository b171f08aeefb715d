using System.Globalization;
using Wijkaanpak.Domain.Monitoring;

namespace Wijkaanpak.Web.Features.Monitoring;

/// <summary>Figures as Dutch readers write them (55,8), whatever culture the circuit runs in.</summary>
internal static class Figures
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Show(decimal value) => value.ToString("#,0.######", Dutch);

    public static string ShowDifference(decimal value) => value > 0 ? "+" + Show(value) : Show(value);

    public static string Show(YearValue? value, string unit) =>
        value is null ? "—" : $"{value.Year}: {Show(value.Value)}{(string.IsNullOrEmpty(unit) ? string.Empty : unit == "%" ? "%" : " " + unit)}";

    public static string Unit(decimal value, string unit) =>
        Show(value) + (string.IsNullOrEmpty(unit) ? string.Empty : unit == "%" ? "%" : " " + unit);
}
