using MudBlazor;

namespace Wijkaanpak.Web.Shared;

/// <summary>The MudBlazor theme in the municipality's colours, with status colours that pass WCAG AA on white.</summary>
public static class BrandTheme
{
    public static MudTheme For(BrandingOptions branding)
    {
        ArgumentNullException.ThrowIfNull(branding);
        return new MudTheme
        {
            PaletteLight = new PaletteLight
            {
                Primary = branding.PrimaryColor,
                Secondary = branding.SecondaryColor,
                AppbarBackground = branding.PrimaryColor,
                // MudBlazor's default status colours fall below 4.5:1 against white (WCAG 1.4.3).
                Success = "#1B6E2A",
                Error = "#B3261E",
                Warning = "#8A4B00",
                Info = "#0B5394",
            },
            // Sentence case reads better than capitals, as on other Dutch government sites.
            Typography = new Typography { Button = new ButtonTypography { TextTransform = "none" } },
        };
    }
}
