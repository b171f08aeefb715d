using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Domain.Monitoring;

/// <summary>
/// Which column of a measurement file is which, remembered per programme and file shape (a hash
/// of the file's normalised header), so that next year's file of the same shape needs no mapping.
/// For a wide file the entries map column headers to indicators; for a long file they map the
/// indicator names in the file.
/// </summary>
public sealed class ImportMapping
{
    public const int ColumnMaxLength = Measurement.SourceMaxLength;
    public const int HeaderHashLength = 64;
    public const int MaxEntries = 1000;

    private readonly List<ImportMappingEntry> _entries = [];

    private ImportMapping()
    {
        HeaderHash = string.Empty;
        AreaColumn = string.Empty;
    }

    public Guid Id { get; private set; }

    public ProgrammeId ProgrammeId { get; private set; }

    public string HeaderHash { get; private set; }

    public ImportShape Shape { get; private set; }

    public string AreaColumn { get; private set; }

    /// <summary>A year (or period) column; without one, the user chooses the year of a wide file.</summary>
    public string? YearColumn { get; private set; }

    /// <summary>Long files only: the column with the indicator name.</summary>
    public string? IndicatorColumn { get; private set; }

    /// <summary>Long files only: the column with the value.</summary>
    public string? ValueColumn { get; private set; }

    public IReadOnlyList<ImportMappingEntry> Entries => _entries.OrderBy(entry => entry.Source, StringComparer.Ordinal).ToList();

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static ImportMapping Remember(ProgrammeId programmeId, string headerHash, ImportMappingDetails details, DateTimeOffset now)
    {
        if (headerHash is null || headerHash.Length != HeaderHashLength || !headerHash.All(Uri.IsHexDigit))
        {
            throw new DomainRuleException("MappingHeaderHashRequired", "De vorm van het bestand (hash van de kopregel) ontbreekt.");
        }

        var mapping = new ImportMapping { Id = Guid.CreateVersion7(), ProgrammeId = programmeId, HeaderHash = headerHash.ToLowerInvariant() };
        mapping.Change(details, now);
        return mapping;
    }

    public void Change(ImportMappingDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!Enum.IsDefined(details.Shape))
        {
            throw new DomainRuleException("ImportShapeKnown", "Kies of het bestand breed (CBS) of lang is.");
        }

        if (details.Shape == ImportShape.Long && (string.IsNullOrWhiteSpace(details.IndicatorColumn) || string.IsNullOrWhiteSpace(details.ValueColumn)))
        {
            throw new DomainRuleException("LongMappingNeedsIndicatorAndValue", "Kies bij een lang bestand de kolom met de indicator en de kolom met de waarde.");
        }

        if (details.Entries.Count is 0 or > MaxEntries)
        {
            throw new DomainRuleException("MappingNeedsIndicators", $"Koppel tussen 1 en {MaxEntries} kolommen of namen aan een indicator.");
        }

        if (details.Entries.Select(entry => entry.Source).Distinct(StringComparer.Ordinal).Count() != details.Entries.Count)
        {
            throw new DomainRuleException("MappingSourcesUnique", "Elke kolom of naam in het bestand hoort bij hoogstens één indicator.");
        }

        Shape = details.Shape;
        AreaColumn = Guard.RequiredText(details.AreaColumn, ColumnMaxLength, "MappingAreaColumnRequired", "De kolom met de gebiedscode");
        YearColumn = Optional(details.YearColumn);
        IndicatorColumn = Optional(details.IndicatorColumn);
        ValueColumn = Optional(details.ValueColumn);
        _entries.Clear();
        _entries.AddRange(details.Entries.Select(entry => new ImportMappingEntry(
            Guard.RequiredText(entry.Source, ColumnMaxLength, "MappingSourceRequired", "De kolom of naam in het bestand"),
            entry.IndicatorId.Value)));
        UpdatedAt = now;
    }

    private static string? Optional(string? column) =>
        Guard.OptionalText(column, ColumnMaxLength, "MappingColumnTooLong", "De kolomnaam") is { Length: > 0 } text ? text : null;
}

public sealed record ImportMappingDetails(
    ImportShape Shape,
    string AreaColumn,
    string? YearColumn,
    string? IndicatorColumn,
    string? ValueColumn,
    IReadOnlyList<(string Source, IndicatorId IndicatorId)> Entries);

/// <summary>One column header (wide) or indicator name (long) and the indicator it feeds.</summary>
public sealed class ImportMappingEntry
{
    private ImportMappingEntry()
    {
        Source = string.Empty;
    }

    internal ImportMappingEntry(string source, Guid indicatorId)
    {
        Source = source;
        IndicatorId = indicatorId;
    }

    public string Source { get; private set; }

    public Guid IndicatorId { get; private set; }
}
