using System.Globalization;
using Wijkaanpak.Domain.Vision;

namespace Wijkaanpak.Web.Features.Vision;

/// <summary>Dutch names of the vision's terms and the way its figures are written.</summary>
public static class VisionNames
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string DisplayName(this OpgaveDomain domain) => domain switch
    {
        OpgaveDomain.Armoede => "Armoede",
        OpgaveDomain.Werk => "Werk",
        OpgaveDomain.Onderwijs => "Onderwijs",
        OpgaveDomain.Gezondheid => "Gezondheid",
        OpgaveDomain.Veiligheid => "Veiligheid",
        OpgaveDomain.Wonen => "Wonen",
        OpgaveDomain.SocialeSamenhang => "Sociale samenhang",
        OpgaveDomain.Overig => "Overig",
        _ => domain.ToString(),
    };

    public static string DisplayName(this StoryMethod method) => method switch
    {
        StoryMethod.Interview => "Interview",
        StoryMethod.Straatgesprek => "Straatgesprek",
        StoryMethod.Storytelling => "Storytelling",
        StoryMethod.Wijksafari => "Wijksafari",
        StoryMethod.Focusgroep => "Focusgroep",
        StoryMethod.Enquete => "Enquête",
        StoryMethod.Overig => "Anders",
        _ => method.ToString(),
    };

    /// <summary>A measured value with its unit: "59,6 %", "3,2 per 1.000 woningen".</summary>
    public static string Figure(decimal value, string unit)
    {
        var number = value.ToString("#,0.##", Dutch);
        return string.IsNullOrWhiteSpace(unit) ? number : $"{number} {unit}";
    }
}
