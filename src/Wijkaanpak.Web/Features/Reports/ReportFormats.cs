using System.Globalization;
using Wijkaanpak.Domain.Reports;
using Wijkaanpak.Web.Features.Monitoring;

namespace Wijkaanpak.Web.Features.Reports;

/// <summary>How the report writes its figures, on the page and in both documents alike.</summary>
public static class ReportFormats
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    public static string Value(decimal? value) => value is { } number ? Figures.Show(number) : "–";

    public static string Value(ReportYearValue? value) => value is null ? "–" : $"{Figures.Show(value.Value)} ({value.Year})";

    public static string Completion(int answered, int total) =>
        total == 0 ? "geen vragen" : $"{answered} van {total} ({answered * 100 / total}%)";

    public static string Title(ReportFigures figures) => $"Voortgangsrapportage {figures.Year}";

    public static string FileName(ReportFigures figures, ReportFormat format)
    {
        var safe = new string(figures.ProgrammeName.Select(character => char.IsLetterOrDigit(character) ? character : '-').ToArray()).Trim('-');
        return $"Voortgangsrapportage-{figures.Year}-{safe}.{(format == ReportFormat.Docx ? "docx" : "pdf")}";
    }
}
