using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Wijkaanpak.Web.Shared;

/// <summary>
/// Dutch for the words MudBlazor's components say themselves, such as the names of a table pager's
/// buttons that screen readers read out (WCAG 3.1.2: a Dutch page does not switch to English).
/// A key without a Dutch text here keeps MudBlazor's own.
/// </summary>
internal sealed class DutchMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["MudTablePager_FirstPage"] = "Eerste pagina",
        ["MudTablePager_PreviousPage"] = "Vorige pagina",
        ["MudTablePager_NextPage"] = "Volgende pagina",
        ["MudTablePager_LastPage"] = "Laatste pagina",
    };

    public override LocalizedString this[string key] =>
        Texts.TryGetValue(key, out var text) ? new LocalizedString(key, text) : new LocalizedString(key, key, resourceNotFound: true);
}
