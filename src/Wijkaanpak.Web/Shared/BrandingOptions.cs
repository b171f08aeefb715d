namespace Wijkaanpak.Web.Shared;

/// <summary>The municipality's own name and colours, from configuration section "Wijkaanpak:Branding".</summary>
public sealed class BrandingOptions
{
    public const string Section = "Wijkaanpak:Branding";

    public string MunicipalityName { get; set; } = "Gemeente Voorbeeldstad";

    /// <summary>Main colour of header and buttons; dark enough for white text (WCAG AA contrast).</summary>
    public string PrimaryColor { get; set; } = "#154273";

    public string SecondaryColor { get; set; } = "#8F1A33";
}
