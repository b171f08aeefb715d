using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Web.Features.Monitoring.Import;

/// <summary>One value to store: which indicator (by slot in the plan), where, when, how much, from which column.</summary>
public readonly record struct ImportCell(int Slot, string AreaCode, int Year, decimal Value, string SourceColumn);

/// <summary>
/// A plan checked against a file's header and the programme's indicators: column positions and
/// indicator slots, ready for reading millions of rows without looking anything up by name.
/// </summary>
public sealed class CompiledPlan
{
    private CompiledPlan(ImportShape shape, DecimalMark mark)
    {
        Shape = shape;
        DecimalMark = mark;
    }

    public ImportShape Shape { get; }

    public DecimalMark DecimalMark { get; }

    public int AreaColumn { get; private init; }

    public int YearColumn { get; private init; } = -1;

    public int FixedYear { get; private init; }

    /// <summary>The last year a figure can be of (<see cref="Measurement.LatestYear"/>) when the plan was compiled.</summary>
    public int LatestYear { get; private init; }

    public int IndicatorColumn { get; private init; } = -1;

    public int ValueColumn { get; private init; } = -1;

    public int ColumnCount { get; private init; }

    public IReadOnlyList<string> Header { get; private init; } = [];

    /// <summary>Slot → indicator id and name.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Slots { get; private init; } = [];

    /// <summary>Wide files: each mapped column with its slot.</summary>
    public IReadOnlyList<(int Column, int Slot)> WideColumns { get; private init; } = [];

    /// <summary>Long files: indicator name in the file → slot; names not in it are ignored.</summary>
    public IReadOnlyDictionary<string, int> LongNames { get; private init; } = new Dictionary<string, int>();

    public const string DecimalMarkUndecidedMessage =
        "In dit bestand heeft elk getal met een punt of komma precies drie cijfers daarachter, zodat niet vast te stellen is of dat teken decimalen of duizendtallen scheidt. Kies hoe de getallen geschreven zijn; zonder die keuze wordt niets gecontroleerd of geïmporteerd.";

    /// <summary>
    /// Checks the plan; the errors are keyed by the <see cref="ImportPlan"/> property they belong to.
    /// <paramref name="latestYear"/> is the last year a measurement can be of (this year);
    /// <paramref name="fileMark"/> is the decimal mark the file's numbers show, null when they read both ways.
    /// </summary>
    public static (CompiledPlan? Plan, Dictionary<string, string[]> Errors) Compile(ImportPlan plan, IReadOnlyList<string> header, IReadOnlyDictionary<Guid, string> indicators, int latestYear, DecimalMark? fileMark = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(indicators);
        var errors = new Dictionary<string, string[]>();
        int Column(string? name, string field, string label, bool required)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                if (required)
                {
                    errors[field] = [$"Kies de kolom met {label}."];
                }

                return -1;
            }

            var index = header.ToList().IndexOf(name);
            if (index < 0)
            {
                errors[field] = [$"De kolom '{name}' staat niet in dit bestand."];
            }

            return index;
        }

        // Refused here, in the service, and not only on the page: a plan from anywhere else must
        // not read "1.010" as thousands because nobody chose.
        var mark = plan.DecimalMark ?? fileMark;
        if (mark is null)
        {
            errors[nameof(ImportPlan.DecimalMark)] = [DecimalMarkUndecidedMessage];
        }

        var area = Column(plan.AreaColumn, nameof(ImportPlan.AreaColumn), "de gebiedscode", required: true);
        var year = Column(plan.YearColumn, nameof(ImportPlan.YearColumn), "het jaar", required: plan.Shape == ImportShape.Long);
        var indicator = Column(plan.IndicatorColumn, nameof(ImportPlan.IndicatorColumn), "de indicator", required: plan.Shape == ImportShape.Long);
        var value = Column(plan.ValueColumn, nameof(ImportPlan.ValueColumn), "de waarde", required: plan.Shape == ImportShape.Long);
        if (plan.Shape == ImportShape.Wide && year < 0 && string.IsNullOrWhiteSpace(plan.YearColumn))
        {
            if (plan.Year is not { } fixedYear)
            {
                errors[nameof(ImportPlan.Year)] = ["Kies het jaar waar de cijfers over gaan."];
            }
            else if (!CellParsing.YearInRange(fixedYear))
            {
                errors[nameof(ImportPlan.Year)] = [$"Kies een jaar tussen {Indicator.EarliestYear} en {Indicator.LatestYear}."];
            }
            else if (fixedYear > latestYear)
            {
                errors[nameof(ImportPlan.Year)] = [$"Kies {latestYear} of een eerder jaar: een toekomstig jaar is nog niet gemeten."];
            }
        }

        var mapped = plan.Indicators.Where(pair => pair.Value is not null).ToList();
        var slots = mapped.Select(pair => pair.Value!.Value).Distinct().ToList();
        if (mapped.Count == 0)
        {
            errors[nameof(ImportPlan.Indicators)] = ["Koppel ten minste één kolom of naam aan een indicator."];
        }
        else if (slots.Any(id => !indicators.ContainsKey(id)))
        {
            errors[nameof(ImportPlan.Indicators)] = ["Een gekozen indicator hoort niet (meer) bij dit programma."];
        }
        else if (mapped.Count > ImportMapping.MaxEntries)
        {
            errors[nameof(ImportPlan.Indicators)] = [$"Koppel hoogstens {ImportMapping.MaxEntries} kolommen of namen."];
        }
        else if (mapped.FirstOrDefault(pair => pair.Key.Length > Measurement.SourceMaxLength) is { Key: { } tooLong })
        {
            // Each value keeps its column or name as its source; a longer one does not fit there.
            errors[nameof(ImportPlan.Indicators)] = [$"De kolom of naam '{tooLong[..40]}…' is langer dan {Measurement.SourceMaxLength} tekens. Maak hem in het bestand korter of koppel hem niet."];
        }

        var wide = new List<(int, int)>();
        if (plan.Shape == ImportShape.Wide)
        {
            foreach (var (source, id) in mapped)
            {
                var column = header.ToList().IndexOf(source);
                if (column < 0 || column == area || column == year)
                {
                    errors[nameof(ImportPlan.Indicators)] = [$"De kolom '{source}' kan niet aan een indicator worden gekoppeld: die staat niet in het bestand of is al de gebieds- of jaarkolom."];
                    break;
                }

                wide.Add((column, slots.IndexOf(id!.Value)));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new CompiledPlan(plan.Shape, mark!.Value)
        {
            AreaColumn = area,
            YearColumn = year,
            FixedYear = plan.Year ?? 0,
            LatestYear = latestYear,
            IndicatorColumn = indicator,
            ValueColumn = value,
            ColumnCount = header.Count,
            Header = header,
            Slots = slots.Select(id => (id, indicators[id])).ToList(),
            WideColumns = wide,
            LongNames = plan.Shape == ImportShape.Long
                ? mapped.ToDictionary(pair => pair.Key, pair => slots.IndexOf(pair.Value!.Value), StringComparer.Ordinal)
                : new Dictionary<string, int>(),
        }, errors);
    }

    /// <summary>The shape of a file for remembering its mapping: a hash of the trimmed, lower-case header.</summary>
    public static string HeaderHash(IEnumerable<string> header) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', header.Select(name => name.Trim().ToLowerInvariant())))));
}

/// <summary>
/// Turns rows into values and bad rows into problems, without a database: the one place that
/// decides what a row means. It keeps the counts of the report and finds a cell given twice.
/// </summary>
public sealed class MeasurementRowInterpreter
{
    private readonly CompiledPlan _plan;
    private readonly AreaScope _scope;
    private readonly List<ImportProblem> _problems = [];
    private readonly HashSet<string> _outside = new(StringComparer.Ordinal);

    // Packed (slot, year, area) → first line: 8 + 4 bytes per value instead of strings, for millions of rows.
    private readonly Dictionary<long, int> _firstLine = [];
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _longNames;
    private readonly Dictionary<string, string> _sourceNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _sourceNameBySpan;

    public MeasurementRowInterpreter(CompiledPlan plan, AreaScope scope)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        _scope = scope;
        _longNames = new Dictionary<string, int>(plan.LongNames, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _sourceNameBySpan = _sourceNames.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int RowsRead { get; private set; }

    public int Values { get; private set; }

    public int MissingValues { get; private set; }

    public int RowsOutsideProgramme { get; private set; }

    public int RowsIgnored { get; private set; }

    public int ProblemCount { get; private set; }

    public IReadOnlyList<ImportProblem> Problems => _problems;

    /// <summary>A few of the codes that were skipped, for the report.</summary>
    public IReadOnlyList<string> AreasOutsideProgramme => _outside.Order(StringComparer.Ordinal).ToList();

    /// <summary>Reads the current row into <paramref name="cells"/> (cleared first); problems are recorded, not thrown.</summary>
    public void Interpret(CsvRows row, List<ImportCell> cells)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(cells);
        cells.Clear();
        if (row.IsBlank)
        {
            return;
        }

        RowsRead++;
        var line = row.LineNumber;
        if (row.QuoteLeftOpen(_plan.ColumnCount))
        {
            Problem(line, "Op deze regel begint een waarde met een aanhalingsteken (\") dat niet wordt gesloten, zodat de regels erna als één waarde worden gelezen. Sluit het aanhalingsteken of haal het weg.");
            return;
        }

        if (row.ColumnCount != _plan.ColumnCount)
        {
            Problem(line, $"Deze regel heeft {row.ColumnCount} kolommen, de kopregel {_plan.ColumnCount}. Staat er een scheidingsteken in een waarde zonder aanhalingstekens?");
            return;
        }

        var areaCell = row[_plan.AreaColumn];
        if (areaCell.IsEmpty)
        {
            Problem(line, $"Er staat geen gebiedscode in kolom '{_plan.Header[_plan.AreaColumn]}'.");
            return;
        }

        var (verdict, area) = _scope.Judge(areaCell);
        if (verdict == AreaVerdict.Malformed)
        {
            Problem(line, $"'{Shorten(area)}' is geen CBS-gebiedscode (GM met 4, WK met 6 of BU met 8 cijfers, bijvoorbeeld WK062203).");
            return;
        }

        var outside = verdict == AreaVerdict.Outside;
        if (outside)
        {
            RowsOutsideProgramme++;
            if (_outside.Count < 10)
            {
                _outside.Add(area);
            }
        }

        int year;
        if (_plan.YearColumn >= 0)
        {
            var yearCell = row[_plan.YearColumn];
            if (!CellParsing.TryParseYear(yearCell, out year))
            {
                Problem(line, $"'{Shorten(yearCell.ToString())}' in kolom '{_plan.Header[_plan.YearColumn]}' is geen jaartal.");
                return;
            }

            if (!CellParsing.YearInRange(year))
            {
                Problem(line, $"Het jaar {year} ligt niet tussen {Indicator.EarliestYear} en {Indicator.LatestYear}.");
                return;
            }

            if (year > _plan.LatestYear)
            {
                Problem(line, $"Het jaar {year} ligt in de toekomst: een meting is van {_plan.LatestYear} of eerder.");
                return;
            }
        }
        else
        {
            year = _plan.FixedYear;
        }

        if (_plan.Shape == ImportShape.Wide)
        {
            foreach (var (column, slot) in _plan.WideColumns)
            {
                if (outside)
                {
                    CheckValue(row, line, column, out _);
                }
                else
                {
                    AddValue(row, line, column, slot, area, year, _plan.Header[column], cells);
                }
            }

            return;
        }

        var name = row[_plan.IndicatorColumn];
        if (outside)
        {
            // A bad value in another area's row is still a sign that the file is not read as written.
            if (_longNames.ContainsKey(name))
            {
                CheckValue(row, line, _plan.ValueColumn, out _);
            }

            return;
        }

        if (!_longNames.TryGetValue(name, out var longSlot))
        {
            if (name.IsEmpty)
            {
                Problem(line, $"Er staat geen indicator in kolom '{_plan.Header[_plan.IndicatorColumn]}'.");
            }
            else
            {
                RowsIgnored++;
            }

            return;
        }

        AddValue(row, line, _plan.ValueColumn, longSlot, area, year, SourceName(name), cells);
    }

    private void AddValue(CsvRows row, int line, int column, int slot, string area, int year, string source, List<ImportCell> cells)
    {
        if (CellParsing.IsMissing(row[column]))
        {
            MissingValues++;
            return;
        }

        if (!CheckValue(row, line, column, out var value))
        {
            return;
        }

        var key = ((long)slot << 40) | ((long)(year - Indicator.EarliestYear) << 32) | AreaKey(area);
        if (_firstLine.TryGetValue(key, out var first))
        {
            Problem(line, $"'{_plan.Slots[slot].Name}' voor {area} in {year} staat ook op regel {first}; een waarde mag maar één keer in het bestand staan.");
            return;
        }

        _firstLine[key] = line;
        Values++;
        cells.Add(new ImportCell(slot, area, year, value, source));
    }

    /// <summary>Reads a value cell; a missing one (".", "x", empty) is no problem and no value.</summary>
    private bool CheckValue(CsvRows row, int line, int column, out decimal value)
    {
        var text = row[column];
        value = 0;
        if (CellParsing.IsMissing(text))
        {
            return false;
        }

        switch (CellParsing.ReadNumber(text, _plan.DecimalMark, out value))
        {
            case NumberVerdict.NotANumber:
                var expected = _plan.DecimalMark == DecimalMark.Comma ? "12,5 of 1.234,5" : "12.5 of 1,234.5";
                Problem(line, $"'{Shorten(text.ToString())}' in kolom '{_plan.Header[column]}' is geen getal (verwacht zoals {expected}).");
                return false;
            case NumberVerdict.TooManyDecimals:
                Problem(line, $"'{Shorten(text.ToString())}' in kolom '{_plan.Header[column]}' heeft meer dan {Measurement.ValueDecimals} cijfers achter de komma; er worden er {Measurement.ValueDecimals} bewaard en afronden doet de import niet. Rond de waarde in het bestand af.");
                return false;
        }

        if (!CellParsing.ValueInRange(value))
        {
            Problem(line, $"De waarde {value.ToString(CultureInfo.InvariantCulture)} in kolom '{_plan.Header[column]}' is te groot om een meting te zijn.");
            return false;
        }

        return true;
    }

    private string SourceName(ReadOnlySpan<char> name)
    {
        if (!_sourceNameBySpan.TryGetValue(name, out var text))
        {
            text = name.ToString();
            _sourceNames[text] = text;
        }

        return text;
    }

    /// <summary>Level in bits 28–29, the code's digits (at most 8, below 2^27) below them.</summary>
    private static long AreaKey(string area)
    {
        var level = area[0] switch { 'G' => 1L, 'W' => 2L, _ => 3L };
        return (level << 28) | long.Parse(area.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private void Problem(int line, string reason)
    {
        ProblemCount++;
        if (_problems.Count < ImportReport.MaxProblemsListed)
        {
            _problems.Add(new ImportProblem(line, reason));
        }
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>Proposes a shape and the role of each column from the header names, in Dutch or English.</summary>
public static class ImportPlanGuesser
{
    // StatLine names its code column "Codering_3" and "WijkenEnBuurten" (downloaded data) or
    // "Regiocode (gemeente, wijk, buurt) (code)" (a table saved from the site); "Wijken en buurten"
    // may also hold names, so the preview's cells decide between candidates (see Guess).
    private static readonly string[] AreaNames =
    [
        "gwbcode10", "gwbcode", "codering3", "codering", "regiocodegemeentewijkbuurtcode", "regioaanduidingcoderingcode", "coderingcode",
        "gebiedscode", "wijkcode", "buurtcode", "regiocode", "areacode", "wijkenenbuurten", "gebied", "area", "code",
    ];
    private static readonly string[] YearNames = ["jaar", "year", "perioden", "periode", "period"];
    private static readonly string[] IndicatorNames = ["indicator", "indicatornaam", "onderwerp", "variabele", "kenmerk", "measure"];
    private static readonly string[] ValueNames = ["waarde", "value", "aantal", "score"];

    /// <summary>
    /// A plan from the header's names. With <paramref name="preview"/>, the area column is the first
    /// named one whose cells are CBS codes, so a StatLine name column ("Westwijk") is passed over.
    /// </summary>
    public static ImportPlan Guess(IReadOnlyList<string> header, DecimalMark? mark, IReadOnlyList<IndicatorChoice> indicators, IReadOnlyList<IReadOnlyList<string>>? preview = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(indicators);
        var indicatorColumn = Find(header, IndicatorNames);
        var valueColumn = Find(header, ValueNames);
        var plan = new ImportPlan
        {
            Shape = indicatorColumn is not null && valueColumn is not null ? ImportShape.Long : ImportShape.Wide,
            AreaColumn = FindAreaColumn(header, preview),
            YearColumn = Find(header, YearNames),
            DecimalMark = mark,
        };
        if (plan.Shape == ImportShape.Long)
        {
            plan.IndicatorColumn = indicatorColumn;
            plan.ValueColumn = valueColumn;
        }
        else
        {
            foreach (var column in header.Where(column => column != plan.AreaColumn && column != plan.YearColumn))
            {
                plan.Indicators[column] = MatchIndicator(column, indicators);
            }
        }

        return plan;
    }

    /// <summary>An indicator whose name is the column header or name in the file, ignoring case.</summary>
    public static Guid? MatchIndicator(string source, IReadOnlyList<IndicatorChoice> indicators) =>
        indicators.FirstOrDefault(indicator => string.Equals(indicator.Name.Trim(), source.Trim(), StringComparison.OrdinalIgnoreCase))?.Id;

    private static string? FindAreaColumn(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>>? preview)
    {
        var normalised = header.Select(Normalise).ToList();
        var candidates = AreaNames.SelectMany(name => normalised.Select((column, index) => (column, index)).Where(pair => pair.column == name).Select(pair => pair.index)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        bool HoldsCodes(int column)
        {
            var cells = (preview ?? []).Where(row => column < row.Count && row[column].Length > 0).Select(row => row[column]).ToList();
            return cells.Count > 0 && cells.All(cell => AreaCode.TryParse(cell, out _) || IsCountry(cell));
        }

        return header[candidates.FirstOrDefault(HoldsCodes, candidates[0])];
    }

    /// <summary>NL00, the country, with which CBS tables begin.</summary>
    private static bool IsCountry(string cell) =>
        cell.Length == 4 && cell.StartsWith("NL", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(cell[2]) && char.IsAsciiDigit(cell[3]);

    private static string? Find(IReadOnlyList<string> header, string[] names)
    {
        var normalised = header.Select(Normalise).ToList();
        return names.Select(name => normalised.IndexOf(name)).Where(index => index >= 0).Select(index => header[index]).FirstOrDefault();
    }

    private static string Normalise(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
