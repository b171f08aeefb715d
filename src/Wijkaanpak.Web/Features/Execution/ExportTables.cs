using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using nietras.SeparatedValues;
using Wijkaanpak.Domain.Execution;
using Wijkaanpak.Domain.Financing;
using Wijkaanpak.Web.Features.Monitoring;

namespace Wijkaanpak.Web.Features.Execution;

/// <summary>A table to export: Dutch headers and rows of text, numbers and dates.</summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes the exports (part 8): xlsx for Excel and a CSV that Dutch Excel opens as it is — semicolons,
/// UTF-8 with a byte-order mark (without it Excel reads the file as ANSI and breaks "é" and "€"),
/// decimal commas and dd-MM-yyyy dates.
/// </summary>
public static class ExportTables
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static ExportTable Interventions(IEnumerable<InterventionView> interventions, IReadOnlyDictionary<Guid, string> periods) => new(
        "Interventies",
        ["Uitvoeringsprogramma", "Interventie", "Omschrijving", "Soort", "Eigenaren", "Ambities", "Indicatoren", "Budget", "Toegezegd", "Uitgegeven", "Niet gedekt", "Startdatum", "Einddatum", "Status"],
        interventions.Select(intervention => (IReadOnlyList<object?>)
        [
            periods.GetValueOrDefault(intervention.PeriodId, string.Empty),
            intervention.Title,
            intervention.Description,
            intervention.Kind.DisplayName(),
            string.Join(", ", intervention.Owners.Select(owner => owner.Name)),
            string.Join(", ", intervention.Ambitions.Select(ambition => ambition.Name)),
            string.Join(", ", intervention.Indicators.Select(indicator => indicator.Name)),
            intervention.Budget,
            intervention.Committed,
            intervention.Spent,
            intervention.Uncovered,
            intervention.StartDate,
            intervention.EndDate,
            intervention.Status.DisplayName(),
        ]).ToList());

    public static ExportTable BudgetLines(IEnumerable<BudgetLineView> lines) => new(
        "Begrotingsregels",
        ["Bron", "Regeling", "Financier", "Omschrijving", "Regulier of additioneel", "Jaar", "Toegezegd", "Uitgegeven", "Bestemd voor"],
        lines.Select(line => (IReadOnlyList<object?>)
        [
            line.Source.DisplayName(),
            line.Scheme?.DisplayName() ?? string.Empty,
            line.FunderName ?? string.Empty,
            line.Description,
            line.IsAdditional ? "Additioneel" : "Regulier",
            line.Year,
            line.Committed,
            line.Spent,
            line.PaysFor,
        ]).ToList());

    /// <summary>
    /// Measurements in the long format the import reads (indicator, area code, year, value), so an
    /// exported file goes back in unchanged; where each value came from follows.
    /// </summary>
    public static ExportTable Measurements(IEnumerable<MeasurementExportRow> measurements) => new(
        "Metingen",
        [IndicatorHeader, AreaCodeHeader, YearHeader, ValueHeader, "Eenheid", "Bron", "Kolom in bron"],
        measurements.Select(measurement => (IReadOnlyList<object?>)
        [
            measurement.Indicator,
            measurement.AreaCode,
            measurement.Year,
            measurement.Value,
            measurement.Unit,
            measurement.SourceName,
            measurement.SourceColumn,
        ]).ToList());

    public const string IndicatorHeader = "Indicator";
    public const string AreaCodeHeader = "Gebiedscode";
    public const string YearHeader = "Jaar";
    public const string ValueHeader = "Waarde";

    public static ExportFile Write(ExportTable table, ExportFormat format, string baseName)
    {
        ArgumentNullException.ThrowIfNull(table);
        return format == ExportFormat.Xlsx
            ? new ExportFile(ToXlsx(table), XlsxContentType, $"{baseName}.xlsx")
            : new ExportFile(ToCsv(table), CsvContentType, $"{baseName}.csv");
    }

    /// <summary>A programme name as part of a file name: letters, digits and dashes.</summary>
    public static string FileNamePart(string name) =>
        string.Join('-', new string([.. (name ?? string.Empty).Select(character => char.IsLetterOrDigit(character) ? character : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static byte[] ToCsv(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var writer = Sep.New(';').Writer(options => options with { Escape = true, CultureInfo = Dutch }).To(text))
        {
            foreach (var values in table.Rows)
            {
                using var row = writer.NewRow();
                for (var index = 0; index < table.Headers.Count; index++)
                {
                    row[table.Headers[index]].Set(CsvText(values[index]));
                }
            }

            // Sep writes the header with the first row; an empty table still gets its header.
            if (table.Rows.Count == 0)
            {
                text.Write(string.Join(';', table.Headers));
                text.WriteLine();
            }
        }

        return stream.ToArray();
    }

    public static byte[] ToXlsx(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(table.Headers.Cast<object?>(), header: true));
            foreach (var row in table.Rows)
            {
                data.Append(Row(row, header: false));
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = table.SheetName }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static string CsvText(object? value) => value switch
    {
        null => string.Empty,
        decimal amount => amount.ToString(amount == decimal.Round(amount, 2) ? "0.00" : "0.##########", Dutch),
        DateOnly date => date.ToString("dd-MM-yyyy", Dutch),
        IFormattable formattable => formattable.ToString(null, Dutch),
        _ => AsText(value.ToString() ?? string.Empty),
    };

    /// <summary>
    /// Text that a spreadsheet would start as a formula (=, +, -, @, or a tab or carriage return
    /// before one) gets a leading apostrophe, as OWASP advises against CSV injection: a column name
    /// from an imported file such as <c>=HYPERLINK(…)</c> must not become a live link or command in
    /// the programme's Excel. Numbers are formatted above and never reach this, so -3,5 stays a number.
    /// The xlsx needs none of this: its text cells are inline strings, never formulas.
    /// </summary>
    internal static string AsText(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    // Style indexes of the stylesheet below: 0 plain, 1 bold header, 2 amount (#,##0.00), 3 date.
    private static Row Row(IEnumerable<object?> values, bool header)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.Append(value switch
            {
                decimal amount => new Cell { DataType = CellValues.Number, CellValue = new CellValue(amount), StyleIndex = 2 },
                int number => new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) },
                DateOnly date => new Cell { CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = 3 },
                null => new Cell(),
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString() ?? string.Empty)), StyleIndex = header ? 1u : 0u },
            });
        }

        return row;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd-mm-yyyy" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true })
        { Count = 4 });
}
