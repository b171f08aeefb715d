using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Domain.Reports;

namespace Wijkaanpak.Web.Features.Reports;

/// <summary>
/// A progress report as shown and written out: the figures (the adopted snapshot, or generated now
/// for a concept), the narrative sections and the adoption.
/// </summary>
public sealed record ReportView(
    ProgrammeId ProgrammeId,
    int Year,
    ReportStatus Status,
    IReadOnlyDictionary<NarrativeSection, string> Sections,
    DateOnly? AdoptedOn,
    string? AdoptedBy,
    ReportFigures Figures,
    uint Version)
{
    public bool IsAdopted => Status == ReportStatus.Vastgesteld;

    /// <summary>"Concept" or "Vastgesteld door het bestuur op 12 maart 2026".</summary>
    public string StatusLine => AdoptedOn is { } on
        ? $"Vastgesteld door het bestuur op {ReportFormats.Date(on)}"
        : "Concept: de cijfers volgen de actuele gegevens tot de rapportage is vastgesteld";

    public string TextOf(NarrativeSection section) => Sections.GetValueOrDefault(section, string.Empty);
}

/// <summary>The report page: the report, the years with a stored report, and what the user may do.</summary>
public sealed record ReportPageView(
    ReportView Report,
    IReadOnlyList<ReportYear> Years,
    bool CanEdit,
    bool CanAdopt);

public sealed record ReportYear(int Year, ReportStatus Status);

/// <summary>A document to download: its bytes, content type and a Dutch file name.</summary>
public sealed record ReportDocument(byte[] Content, string ContentType, string FileName);

/// <summary>The latest adopted report's key figures next to the same figures generated from today's data.</summary>
public sealed record AdoptedComparisonView(
    int Year,
    DateOnly AdoptedOn,
    IReadOnlyList<ComparedFigure> Indicators,
    IReadOnlyList<ComparedFigure> Money)
{
    public int DifferenceCount => Indicators.Concat(Money).Count(figure => figure.Differs);
}

/// <summary>One figure as adopted and as it is now; "–" where there is none.</summary>
public sealed record ComparedFigure(string Label, string Adopted, string Current)
{
    public bool Differs => !string.Equals(Adopted, Current, StringComparison.Ordinal);
}
