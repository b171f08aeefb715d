using PdfSharp.Fonts;

namespace Wijkaanpak.Web.Shared.Documents;

/// <summary>
/// PDFsharp on Linux finds no fonts by itself: every typeface comes from here. Liberation Sans is
/// metric-compatible with Arial, free to embed, and a Debian package (fonts-liberation).
/// </summary>
internal sealed class LiberationFontResolver : IFontResolver
{
    public const string FamilyName = "Liberation Sans";
    private const string Regular = "LiberationSans-Regular";
    private const string Bold = "LiberationSans-Bold";

    private static readonly string[] Folders = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/liberation"];
    private static readonly Lock Registering = new();
    private static readonly LiberationFontResolver Instance = new();
    private static bool _registered;

    /// <summary>Sets the resolver once per process (PDFsharp refuses a different one later) after checking the fonts are there.</summary>
    public static void EnsureRegistered()
    {
        lock (Registering)
        {
            if (_registered)
            {
                return;
            }

            _ = PathOf(Regular);
            _ = PathOf(Bold);
            GlobalFontSettings.FontResolver = Instance;
            _registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(PathOf(faceName));

    private static string PathOf(string faceName) =>
        Folders.Select(folder => Path.Combine(folder, faceName + ".ttf")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            $"Het lettertype {faceName}.ttf ontbreekt (gezocht in {string.Join(", ", Folders)}). Installeer het pakket fonts-liberation (apt-get install fonts-liberation) om pdf's te kunnen maken.");
}
