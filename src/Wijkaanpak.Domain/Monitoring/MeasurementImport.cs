using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Monitoring;

/// <summary>How a measurement file is laid out.</summary>
public enum ImportShape
{
    /// <summary>One row per area, one column per indicator (CBS Kerncijfers wijken en buurten).</summary>
    Wide = 1,

    /// <summary>One row per area, indicator and year with its value (a local monitor's export).</summary>
    Long,
}

/// <summary>
/// One file that was imported into a programme's measurements: which file (name and SHA-256, so a
/// second import of the same file can be recognised), who imported it and when, and what it did.
/// The measurements themselves are stored in bulk and carry this import's id; this record is what
/// the audit trail shows of an import.
/// </summary>
public sealed class MeasurementImport
{
    public const int FileNameMaxLength = Measurement.SourceMaxLength;
    public const int Sha256Length = 64;

    private MeasurementImport()
    {
        FileName = string.Empty;
        Sha256 = string.Empty;
        ImportedBy = null!;
    }

    public Guid Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public string FileName { get; private set; }

    /// <summary>Lower-case hexadecimal SHA-256 of the file's bytes.</summary>
    public string Sha256 { get; private set; }

    public ImportShape Shape { get; private set; }

    /// <summary>Data rows in the file (the header not counted).</summary>
    public int RowsRead { get; private set; }

    /// <summary>Cells without a value (empty, "." or "x" in CBS tables): counted, not stored.</summary>
    public int MissingValues { get; private set; }

    /// <summary>Rows about an area outside the programme (a CBS table covers the whole country).</summary>
    public int RowsOutsideProgramme { get; private set; }

    public int New { get; private set; }

    public int Changed { get; private set; }

    public int Unchanged { get; private set; }

    public UserRef ImportedBy { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>
    /// Starts the record of an import; its id goes on every stored value. It is saved, with
    /// <see cref="Complete"/>'s counts, in the same transaction as the values.
    /// </summary>
    public static MeasurementImport Start(ProgrammeId programmeId, string fileName, string sha256, ImportShape shape, UserRef by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!Enum.IsDefined(shape))
        {
            throw new DomainRuleException("ImportShapeKnown", "Kies of het bestand breed (CBS) of lang is.");
        }

        if (sha256 is null || sha256.Length != Sha256Length || !sha256.All(Uri.IsHexDigit))
        {
            throw new DomainRuleException("ImportFingerprintRequired", "De vingerafdruk (SHA-256) van het bestand ontbreekt.");
        }

        return new MeasurementImport
        {
            Id = Guid.CreateVersion7(),
            ProgrammeId = programmeId,
            FileName = Guard.RequiredText(fileName, FileNameMaxLength, "ImportFileNameRequired", "De bestandsnaam"),
            Sha256 = sha256.ToLowerInvariant(),
            Shape = shape,
            ImportedBy = by,
            ImportedAt = now,
        };
    }

    /// <summary>Records what the import did; every value the file held is new, changed or unchanged.</summary>
    public void Complete(ImportCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.RowsRead < 0 || counts.MissingValues < 0 || counts.RowsOutsideProgramme < 0 || counts.New < 0 || counts.Changed < 0 || counts.Unchanged < 0)
        {
            throw new DomainRuleException("ImportCountsNotNegative", "De aantallen van een import kunnen niet negatief zijn.");
        }

        RowsRead = counts.RowsRead;
        MissingValues = counts.MissingValues;
        RowsOutsideProgramme = counts.RowsOutsideProgramme;
        New = counts.New;
        Changed = counts.Changed;
        Unchanged = counts.Unchanged;
    }
}

public sealed record ImportCounts(int RowsRead, int MissingValues, int RowsOutsideProgramme, int New, int Changed, int Unchanged);
