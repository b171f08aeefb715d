using Wijkaanpak.Domain.Monitoring;

namespace Wijkaanpak.Web.Features.Monitoring.Import;

/// <summary>A file the user uploaded, saved on the server (never held in memory), and its original name.</summary>
public sealed record ImportFile(string Path, string FileName);

/// <summary>
/// What the user said about a file in the mapping step: the shape, which column is what, and
/// which column (wide) or indicator name (long) feeds which indicator. Columns are named by their
/// header text, so that a remembered mapping fits the next file of the same shape.
/// </summary>
public sealed class ImportPlan
{
    public ImportShape Shape { get; set; } = ImportShape.Wide;

    public string? AreaColumn { get; set; }

    /// <summary>A year or period column; a wide file without one takes <see cref="Year"/>.</summary>
    public string? YearColumn { get; set; }

    public int? Year { get; set; }

    public string? IndicatorColumn { get; set; }

    public string? ValueColumn { get; set; }

    /// <summary>
    /// How the file's numbers are written. Null leaves it to the file, which works when its
    /// numbers tell; when they do not ("1.010" only), validating and importing are refused until
    /// the user chooses, so that a file is never read as thousands by default.
    /// </summary>
    public DecimalMark? DecimalMark { get; set; }

    /// <summary>Column header (wide) or indicator name (long) → indicator; null or absent: ignored.</summary>
    public Dictionary<string, Guid?> Indicators { get; init; } = new(StringComparer.Ordinal);
}

public enum ImportStage
{
    Reading,
    Storing,
    Done,
}

/// <summary>How far a validation or import is: rows read from the file, rows checked, values stored.</summary>
public sealed record ImportProgress(long RowsRead, long RowsChecked, long ValuesStored, ImportStage Stage);

/// <summary>One bad row (or cell) and why, in Dutch.</summary>
public sealed record ImportProblem(int Line, string Reason);

public enum ImportOutcome
{
    /// <summary>Validated: every row is fine; nothing stored yet.</summary>
    Valid,

    /// <summary>At least one row is bad; nothing stored.</summary>
    Invalid,

    Imported,

    /// <summary>Stopped by the user; nothing stored.</summary>
    Cancelled,
}

/// <summary>What a validation or import found and did.</summary>
public sealed record ImportReport(
    ImportOutcome Outcome,
    int RowsRead,
    int Values,
    int MissingValues,
    int RowsOutsideProgramme,
    IReadOnlyList<string> AreasOutsideProgramme,
    int RowsIgnored,
    int ProblemCount,
    IReadOnlyList<ImportProblem> Problems,
    int New,
    int Changed,
    int Unchanged,
    Guid? ImportId,
    DateTimeOffset? ImportedBefore,
    TimeSpan Duration)
{
    /// <summary>How many problems the report lists; the total is in <see cref="ProblemCount"/>.</summary>
    public const int MaxProblemsListed = 200;
}

/// <summary>
/// What the upload step shows: the detected format, a preview and a proposed (or remembered)
/// mapping. <see cref="DecimalMark"/> is null when the numbers read both ways; then
/// <see cref="UndecidableNumbers"/> holds examples from the file, each read both ways.
/// </summary>
public sealed record ImportAnalysis(
    string ProgrammeName,
    string FileName,
    string EncodingName,
    string SeparatorName,
    DecimalMark? DecimalMark,
    IReadOnlyList<DecimalMarkExample> UndecidableNumbers,
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<string>> Preview,
    ImportPlan Plan,
    bool MappingRemembered,
    IReadOnlyList<string> IndicatorNamesInFile,
    IReadOnlyList<IndicatorChoice> Indicators,
    DateTimeOffset? ImportedBefore);

public sealed record IndicatorChoice(Guid Id, string Name, string Unit);

/// <summary>The import page's start: the programme, its indicators and its latest imports.</summary>
public sealed record ImportPageView(string ProgrammeName, IReadOnlyList<IndicatorChoice> Indicators, IReadOnlyList<ImportHistoryItem> RecentImports);

public sealed record ImportHistoryItem(string FileName, DateTimeOffset ImportedAt, string ImportedBy, int New, int Changed, int Unchanged);
