using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Execution;
using Wijkaanpak.Web.Features.Monitoring;
using Wijkaanpak.Web.Features.Monitoring.Import;
using Wijkaanpak.Web.Shared.Security;
using Xunit.Abstractions;

namespace Wijkaanpak.Integration.Tests.Security;

/// <summary>Runs alone, so that the memory and time this class measures are its own and not another class's.</summary>
[CollectionDefinition(nameof(HostileFileCampaign), DisableParallelization = true)]
public sealed class HostileFileCampaign;

/// <summary>
/// Hostile and damaged files through the real import, as the page drives it: analyse, then import
/// with the proposed mapping. Each file ends in one of two ways: imported with exactly the values in
/// it, or refused with a Dutch reason — and then nothing stored (measurements, imports and mappings
/// counted in the database before and after). The large files are written to disk as a stream and
/// the import's memory is measured while it runs.
/// </summary>
[Collection(nameof(HostileFileCampaign))]
public sealed class HostileFileCampaignTests(AppClassFixture fixture, ITestOutputHelper output) : IClassFixture<AppClassFixture>, IDisposable
{
    private const string Jobseekers = "Werkzoekenden";
    private const string Residents = "Inwoners";
    private const string Cafes = "Cafés per 1.000 inwoners";

    private const string WideAccents = "gwb_code_10;regio;Cafés per 1.000 inwoners;Inwoners\r\nWK062203;Westwijk € één;1,5;11.800\r\nBU06220301;Babberspolder-Oost;0,75;4.210\r\n";
    private const string StatLineHeader = "\"ID\";\"WijkenEnBuurten\";\"Perioden\";\"Werkzoekenden\";\"Inwoners\"\n";

    private const string LongText = "gebiedscode;indicator;jaar;waarde\nWK062203;Werkzoekenden;2022;12,5\nBU06220301;Werkzoekenden;2023;-3,25\nWK062203;Inwoners;2023;11.800\n";

    private static readonly Stored[] WideAccentsValues =
    [
        new(Cafes, "WK062203", 2023, 1.5m, Cafes), new(Residents, "WK062203", 2023, 11_800m, Residents),
        new(Cafes, "BU06220301", 2023, 0.75m, Cafes), new(Residents, "BU06220301", 2023, 4_210m, Residents),
    ];

    private static readonly Stored[] LongTextValues =
    [
        new(Jobseekers, "WK062203", 2022, 12.5m, Jobseekers), new(Jobseekers, "BU06220301", 2023, -3.25m, Jobseekers), new(Residents, "WK062203", 2023, 11_800m, Residents),
    ];

    private static readonly Dictionary<string, HostileFile> Files = new HostileFile[]
    {
        // Encodings.
        new("windows-1252 met accenten en €", () => Windows1252.GetBytes(WideAccents), WideAccentsValues, Year2023),
        new("latin-1 met accenten", () => Encoding.Latin1.GetBytes(WideAccents.Replace("€ ", string.Empty, StringComparison.Ordinal)), WideAccentsValues, Year2023),
        new("utf-16 little-endian met BOM", () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(WideAccents)], WideAccentsValues, Year2023),
        new("utf-16 big-endian met BOM", () => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(WideAccents)], WideAccentsValues, Year2023),
        new("utf-16 little-endian zonder BOM", () => Encoding.Unicode.GetBytes(WideAccents), WideAccentsValues, Year2023),
        new("utf-16 big-endian zonder BOM", () => Encoding.BigEndianUnicode.GetBytes(WideAccents), WideAccentsValues, Year2023),
        new("utf-8 met BOM", () => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(LongText)], LongTextValues),
        new("utf-8 zonder BOM met accenten", () => Encoding.UTF8.GetBytes(WideAccents), WideAccentsValues, Year2023),
        new("ascii met een ongeldige utf-8-byte in een genegeerde kolom", () => Replace(Encoding.ASCII.GetBytes(WideAccents.Replace("€ één", "#", StringComparison.Ordinal).Replace("Cafés", "Cafes", StringComparison.Ordinal)), (byte)'#', 0xFF), [.. WideAccentsValues.Where(value => value.Indicator == Residents)], Year2023),
        new("utf-8 met accenten en daarna een ongeldige byte", () => Replace(Encoding.UTF8.GetBytes(WideAccents.Replace("Babberspolder-Oost", "Babberspolder#Oost", StringComparison.Ordinal)), (byte)'#', 0xE9), Refusal: "regel 3 bevat tekens die geen geldige UTF-8 zijn"),

        // Separators.
        // Split at its decimal commas, only "11.800" is left to tell the mark, so the user is asked first (and answers).
        new("komma met decimale komma's zonder aanhalingstekens", () => Encoding.UTF8.GetBytes(LongText.Replace(';', ',')), Refusal: "Deze regel heeft 5 kolommen, de kopregel 4", Adjust: (plan, _) => plan.DecimalMark = DecimalMark.Point),
        new("komma met decimale komma's tussen aanhalingstekens", () => Encoding.UTF8.GetBytes("gebiedscode,indicator,jaar,waarde\nWK062203,Werkzoekenden,2022,\"12,5\"\nBU06220301,Werkzoekenden,2023,\"-3,25\"\nWK062203,Inwoners,2023,\"11.800\"\n"), LongTextValues),
        new("tab", () => Encoding.UTF8.GetBytes(LongText.Replace(';', '\t')), LongTextValues),
        new("pijp", () => Encoding.UTF8.GetBytes(LongText.Replace(';', '|')), Refusal: "puntkomma, komma of tab"),

        // Not text.
        new("png-afbeelding", () => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), Refusal: "geen tekstbestand"),
        new("excel-werkmap", () => ExportTables.ToXlsx(ExportTables.Measurements([])), Refusal: "Excel-werkmap (.xlsx)"),
        new("zip met een csv erin", ZipWithCsv, Refusal: "zip-bestand"),
        new("willekeurige bytes", () => RandomBytes(65_536), Refusal: "geen tekstbestand"),
        new("nul-bytes vooraan in tekst", () => Encoding.UTF8.GetBytes(LongText.Replace("Werkzoekenden;2022", "Werk\0zoekenden;2022", StringComparison.Ordinal)), Refusal: "geen tekstbestand"),
        new("nul-byte na 8 kB in een gekoppelde indicatornaam", NulAfterEightKilobytes, Refusal: "Regel 503 bevat een NUL-teken", Adjust: (plan, world) => plan.Indicators["Werk\0zoekenden"] = world.Indicators[Jobseekers]),

        // Nothing in it.
        new("leeg", () => [], Refusal: "Het bestand is leeg"),
        new("alleen een kopregel", () => Encoding.UTF8.GetBytes("gebiedscode;indicator;jaar;waarde\r\n"), Refusal: "alleen een kopregel"),
        new("kopregel en lege regels", () => Encoding.UTF8.GetBytes("gebiedscode;indicator;jaar;waarde\r\n\r\n\r\n"), Refusal: "alleen een kopregel"),
        new("alleen lege regels", () => Encoding.UTF8.GetBytes("\r\n\r\n\r\n"), Refusal: "puntkomma, komma of tab"),

        // Formula injection (OWASP CSV injection) and signs.
        new("formules als waarde (= en @)", () => Encoding.UTF8.GetBytes("gebiedscode;indicator;jaar;waarde\nWK062203;Werkzoekenden;2022;=cmd|' /C calc'!A0\nWK062203;Inwoners;2023;@SUM(1+1)\n"), Refusal: "'=cmd|' /C calc'!A0' in kolom 'waarde' is geen getal"),
        new("plus- en minteken voor een getal", () => Encoding.UTF8.GetBytes("gebiedscode;indicator;jaar;waarde\nWK062203;Werkzoekenden;2022;+12,5\nBU06220301;Werkzoekenden;2023;-3,25\nWK062203;Inwoners;2023;+11.800\n"), LongTextValues),
        new("formule als indicatornaam, niet gekoppeld", () => Encoding.UTF8.GetBytes(LongText + "WK062203;=HYPERLINK(\"http://evil.example\");2023;5\n"), LongTextValues),

        // Decimal marks (issue 17): a StatLine table with three decimals everywhere reads both ways.
        new("StatLine met alleen drie decimalen, zonder keuze", () => Encoding.UTF8.GetBytes(StatLineHeader + "0;\"WK062203  \";\"2023JJ00\";1.010;11.800\n1;\"BU06220301\";\"2023JJ00\";-2.500;4.210\n"), Refusal: "precies drie cijfers daarachter"),
        new("StatLine met drie decimalen en een voorloopnul", () => Encoding.UTF8.GetBytes(StatLineHeader + "0;\"WK062203  \";\"2023JJ00\";0.042;1.010\n1;\"BU06220301\";\"2023JJ00\";-0.100;2.500\n"), [new(Jobseekers, "WK062203", 2023, 0.042m, Jobseekers), new(Residents, "WK062203", 2023, 1.01m, Residents), new(Jobseekers, "BU06220301", 2023, -0.1m, Jobseekers), new(Residents, "BU06220301", 2023, 2.5m, Residents)]),
        new("waarde met 7 decimalen", () => Encoding.UTF8.GetBytes(LongText + "BU06220301;Inwoners;2023;0,1234567\n"), Refusal: "regel 5: '0,1234567' in kolom 'waarde' heeft meer dan 6 cijfers achter de komma"),
        new("foute waarde in een regel buiten het programma", () => Encoding.UTF8.GetBytes(LongText + "WK036301;Werkzoekenden;2022;veel\n"), Refusal: "regel 5: 'veel' in kolom 'waarde' is geen getal"),

        // Quotes and lengths.
        new("aanhalingsteken niet gesloten", () => Encoding.UTF8.GetBytes("gebiedscode;indicator;jaar;waarde\nWK062203;\"Werkzoekenden;2022;12,5\nBU06220301;Werkzoekenden;2023;4\n"), Refusal: "Op regel 2 begint een waarde met een aanhalingsteken (\") dat niet wordt gesloten"),
        new("aanhalingsteken niet gesloten na 600 regels", QuoteLeftOpenLate, Refusal: "regel 602: Op deze regel begint een waarde met een aanhalingsteken (\") dat niet wordt gesloten"),
        new("cel van 5 MB in een genegeerde kolom", () => Encoding.UTF8.GetBytes($"gwb_code_10;regio;Inwoners\nWK062203;{new string('x', 5_000_000)};11800\n"), [new(Residents, "WK062203", 2023, 11_800m, Residents)], Year2023),
        new("regel van 20 MB", () => Encoding.UTF8.GetBytes($"gwb_code_10;regio;Inwoners\nWK062203;Westwijk;11800\nWK062203;{new string('x', 20_000_000)};11800\n"), Refusal: "langer dan 16 miljoen tekens"),
        new("getal van 100.000 cijfers", () => Encoding.UTF8.GetBytes($"gebiedscode;indicator;jaar;waarde\nWK062203;Werkzoekenden;2022;1{new string('0', 100_000)}\n"), Refusal: "is geen getal"),
        new("kolomnaam van 400 tekens, gekoppeld", () => Encoding.UTF8.GetBytes($"gwb_code_10;{new string('k', 400)}\nWK062203;5\n"), Refusal: "langer dan 300 tekens", Adjust: (plan, world) => (plan.Year, plan.Indicators[new string('k', 400)]) = (2023, world.Indicators[Residents])),
        new("indicatornaam van 1.000 tekens, gekoppeld", () => Encoding.UTF8.GetBytes($"gebiedscode;indicator;jaar;waarde\nWK062203;{new string('n', 1_000)};2023;5\n"), Refusal: "langer dan 300 tekens", Adjust: (plan, world) => plan.Indicators[new string('n', 1_000)] = world.Indicators[Residents]),
    }.ToDictionary(file => file.Name);

    private readonly string _folder = Directory.CreateTempSubdirectory("wijkaanpak-hostile-files-").FullName;

    public static TheoryData<string> FileNames => [.. Files.Keys];

    private static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static Action<ImportPlan, World> Year2023 => (plan, _) => plan.Year = 2023;

    private AppFixture App => fixture.App;

    [Theory]
    [MemberData(nameof(FileNames))]
    public async Task AHostileFile_IsImportedExactly_OrRefusedInDutchWithNothingStored(string name)
    {
        var file = Files[name];
        var world = await ArrangeAsync("WK062203");
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, file.Content());

        var attempt = await ImportAsync(world, new ImportFile(path, "bestand.csv"), file.Adjust);

        output.WriteLine($"{name}: {attempt.Refusal ?? "geïmporteerd"}");
        if (file.Refusal is not null)
        {
            AssertRefused(attempt, file.Refusal);
        }
        else
        {
            await AssertImportedAsync(world, attempt, file.Values!);
        }

        Assert.All(attempt.Preview.SelectMany(row => row), cell => Assert.True(cell.Length <= CsvFormatDetector.PreviewCellLength + 1, "A preview cell is cut short before it goes to the browser."));
    }

    [Fact]
    public async Task A200MegabyteFile_ImportsTheRowsOfTheProgramme_InBoundedMemory_AndOneByteOverTheLimitIsRefused()
    {
        var world = await ArrangeAsync("WK062203");
        var path = Path.Combine(_folder, "kerncijfers-heel-nederland.csv");
        var expected = new List<Stored>();
        var written = Stopwatch.StartNew();
        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        await using (var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16))
        {
            // A national table: most rows are other municipalities (skipped and counted), and the
            // rows of the programme's wijk are spread through the whole file.
            var filler = new string('o', 520);
            await text.WriteAsync("gwb_code_10;regio;gm_naam;recs;omschrijving;Inwoners;Werkzoekenden\n");
            for (var row = 0; stream.Length < 200L * 1024 * 1024; row++)
            {
                if (row % 3_000 == 0 && expected.Count < 2 * 101)
                {
                    var index = expected.Count / 2;
                    var area = index == 0 ? "WK062203" : $"BU062203{index - 1:D2}";
                    var residents = 1_000 + index;
                    var share = index / 4m;
                    await text.WriteAsync($"{area};Westwijk {index};Vlaardingen;Buurt;{filler};{residents};{share.ToString(CultureInfo.GetCultureInfo("nl-NL"))}\n");
                    expected.Add(new Stored(Residents, area, 2023, residents, Residents));
                    expected.Add(new Stored(Jobseekers, area, 2023, share, Jobseekers));
                }
                else
                {
                    await text.WriteAsync($"BU{(row % 9_000) + 1_000:D4}{row / 9_000 % 10_000:D4};Buurt {row};Elders;Buurt;{filler};{row % 5_000};{row % 40},5\n");
                }
            }
        }

        var size = new FileInfo(path).Length;
        output.WriteLine($"200 MB-bestand geschreven: {size:N0} bytes in {written.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(2 * 101, expected.Count);

        var (attempt, memory) = await MeasureAsync(() => ImportAsync(world, new ImportFile(path, "kerncijfers.csv"), Year2023));

        output.WriteLine($"200 MB: {memory}");
        await AssertImportedAsync(world, attempt, expected);
        // Read as a whole, the file would take twice its size as text; streamed, the heap's peak
        // (garbage not yet collected included) stays a fraction of it, and so does the working set.
        Assert.True(memory.PeakHeapGrowth < size / 4, $"The import of {size:N0} bytes grew the heap by {memory.PeakHeapGrowth:N0} bytes: it does not stream.");
        Assert.True(memory.PeakWorkingSetGrowth < size / 4, $"The import of {size:N0} bytes grew the working set by {memory.PeakWorkingSetGrowth:N0} bytes.");

        // The same file grown one byte past the limit, with real rows: refused before it is read.
        await using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write))
        {
            var row = Encoding.UTF8.GetBytes($"BU99990000;Elders;Elders;Buurt;{new string('o', 1_000)};1;1\n");
            while (stream.Length + row.Length <= MeasurementImportService.MaxFileBytes)
            {
                stream.Write(row);
            }

            stream.Write(row.AsSpan(0, (int)(MeasurementImportService.MaxFileBytes + 1 - stream.Length)));
        }

        var refusedIn = Stopwatch.StartNew();
        var tooLarge = await ImportAsync(world, new ImportFile(path, "kerncijfers.csv"), Year2023);

        output.WriteLine($"251 MB geweigerd in {refusedIn.Elapsed.TotalMilliseconds:F0} ms");
        AssertRefused(tooLarge, MeasurementImportService.TooLargeMessage);
        await using var scope = App.ScopeFor(world.Staff);
        var plan = attempt.Plan!;
        var direct = await App.ServiceFor<MeasurementImportService>(scope).ImportAsync(world.Programme, new ImportFile(path, "kerncijfers.csv"), plan);
        Assert.Equal(MeasurementImportService.TooLargeMessage, direct.Message);
    }

    [Fact]
    public async Task AMillionRows_AreImportedExactlyOnce_InBoundedMemory()
    {
        // A million cells of years that have been measured: 10.000 buurten (all GM0622 has) times
        // three indicators times 34 years, 1992-2025, cut off at a million rows.
        const int Areas = 10_000;
        const int Rows = 1_000_000;
        string[] names = [Jobseekers, Residents, Cafes];
        var world = await ArrangeAsync("GM0622");
        var path = Path.Combine(_folder, "een-miljoen-regels.csv");
        var expectedSum = 0m;
        await using (var text = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20), new UTF8Encoding(false), 1 << 16))
        {
            await text.WriteAsync("gebiedscode;indicator;jaar;waarde\n");
            for (var row = 0; row < Rows; row++)
            {
                var value = (row % 1_000) / 4m;
                expectedSum += value;
                var block = row / Areas;
                await text.WriteAsync($"BU0622{row % Areas:D4};{names[block % names.Length]};{1992 + (block / names.Length)};{value.ToString(CultureInfo.GetCultureInfo("nl-NL"))}\n");
            }
        }

        var size = new FileInfo(path).Length;
        var (attempt, memory) = await MeasureAsync(() => ImportAsync(world, new ImportFile(path, "miljoen.csv"), adjust: null));

        output.WriteLine($"1.000.000 regels ({size:N0} bytes): {memory}");
        Assert.Null(attempt.Refusal);
        Assert.Equal((ImportOutcome.Imported, 1_000_000, 0, 0), (attempt.Report!.Outcome, attempt.Report.New, attempt.Report.Changed, attempt.Report.Unchanged));
        Assert.Equal((1_000_000, 1), (attempt.After.Measurements - attempt.Before.Measurements, attempt.After.Imports - attempt.Before.Imports));
        await using var db = App.Database.CreateContext();
        var indicators = world.Indicators.Values.Select(id => new IndicatorId(id)).ToList();
        var values = db.Measurements.Where(measurement => indicators.Contains(measurement.IndicatorId));
        var stored = (await values.CountAsync(), await values.SumAsync(measurement => measurement.Value), await values.Select(measurement => new { measurement.IndicatorId, measurement.AreaCode, measurement.Year }).Distinct().CountAsync());
        Assert.Equal((1_000_000, expectedSum, 1_000_000), stored);

        // Streaming holds one row at a time; what grows with the file is the check for a value given
        // twice: a dictionary entry per value (24 bytes, twice that while it grows). Rows held in
        // memory would cost some 250 bytes each (strings and arrays), the text alone 70 bytes a row.
        Assert.True(memory.PeakHeapGrowth < 100L * 1_000_000, $"The import of a million rows grew the heap by {memory.PeakHeapGrowth:N0} bytes.");
    }

    [Fact]
    public async Task FormulasInAnImportedFile_LeaveTheCsvExportAsText_NegativeValuesStayNumbers_AndTheExportImportsBack()
    {
        var world = await ArrangeAsync("WK062203");
        const string Hyperlink = "=HYPERLINK(\"http://evil.example\";\"klik\")";
        const string Sum = "@SUM(1+1)";
        const string Plus = "+31 score";
        var path = Path.Combine(_folder, "formules.csv");
        await File.WriteAllTextAsync(path, $"gwb_code_10;\"{Hyperlink.Replace("\"", "\"\"", StringComparison.Ordinal)}\";{Sum};{Plus}\nWK062203;-3,25;1,5;-11.800\n", new UTF8Encoding(false));

        var attempt = await ImportAsync(world, new ImportFile(path, "-formules.csv"), (plan, world) =>
        {
            plan.Year = 2023;
            plan.Indicators[Hyperlink] = world.Indicators[Jobseekers];
            plan.Indicators[Sum] = world.Indicators[Cafes];
            plan.Indicators[Plus] = world.Indicators[Residents];
        });
        await AssertImportedAsync(world, attempt, [new(Jobseekers, "WK062203", 2023, -3.25m, Hyperlink), new(Cafes, "WK062203", 2023, 1.5m, Sum), new(Residents, "WK062203", 2023, -11_800m, Plus)]);

        await using var scope = App.ScopeFor(world.Staff);
        var indicators = App.ServiceFor<IndicatorService>(scope);
        var csv = (await indicators.ExportMeasurementsAsync(world.Programme, ExportFormat.Csv)).Value!;
        var exported = Path.Combine(_folder, "export.csv");
        await File.WriteAllBytesAsync(exported, csv.Content);
        using (var reader = Sep.Reader(options => options with { Unescape = true }).FromFile(exported))
        {
            var rows = reader.Enumerate(row => (Indicator: row["Indicator"].ToString(), Value: row["Waarde"].ToString(), Source: row["Bron"].ToString(), Column: row["Kolom in bron"].ToString())).ToList();
            Assert.Equal(
                [(Cafes, "1,50", "'-formules.csv", "'" + Sum), (Residents, "-11800,00", "'-formules.csv", "'" + Plus), (Jobseekers, "-3,25", "'-formules.csv", "'" + Hyperlink)],
                rows);
        }

        var xlsx = (await indicators.ExportMeasurementsAsync(world.Programme, ExportFormat.Xlsx)).Value!;
        using (var content = new MemoryStream(xlsx.Content))
        using (var workbook = SpreadsheetDocument.Open(content, isEditable: false))
        {
            var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Skip(1).Select(row => row.Elements<Cell>().ToList()).ToList();
            Assert.Empty(workbook.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
            var hyperlinkRow = Assert.Single(cells, row => row[0].InnerText == Jobseekers);
            Assert.Equal((CellValues.InlineString, Hyperlink), (hyperlinkRow[6].DataType!.Value, hyperlinkRow[6].InnerText));
            Assert.Equal((CellValues.Number, -3.25m), (hyperlinkRow[3].DataType!.Value, decimal.Parse(hyperlinkRow[3].CellValue!.Text, CultureInfo.InvariantCulture)));
        }

        // The apostrophes are in columns the import does not read: the export goes back in unchanged.
        var again = await ImportAsync(world, new ImportFile(exported, "export.csv"), adjust: null);
        Assert.Null(again.Refusal);
        Assert.Equal((0, 0, 3), (again.Report!.New, again.Report.Changed, again.Report.Unchanged));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void AssertRefused(Attempt attempt, string reason)
    {
        Assert.NotNull(attempt.Refusal);
        Assert.Contains(reason, attempt.Refusal, StringComparison.Ordinal);
        Assert.Equal(attempt.Before, attempt.After);
    }

    private async Task AssertImportedAsync(World world, Attempt attempt, IReadOnlyCollection<Stored> expected)
    {
        Assert.Null(attempt.Refusal);
        Assert.Equal(ImportOutcome.Imported, attempt.Report!.Outcome);
        Assert.Equal((expected.Count, 1, 1), (attempt.After.Measurements - attempt.Before.Measurements, attempt.After.Imports - attempt.Before.Imports, attempt.After.Mappings - attempt.Before.Mappings));
        await using var db = App.Database.CreateContext();
        var names = world.Indicators.ToDictionary(pair => new IndicatorId(pair.Value), pair => pair.Key);
        var ids = names.Keys.ToList();
        var stored = (await db.Measurements.AsNoTracking().Where(measurement => ids.Contains(measurement.IndicatorId)).ToListAsync())
            .Select(measurement => new Stored(names[measurement.IndicatorId], measurement.AreaCode, measurement.Year, measurement.Value, measurement.SourceColumn))
            .ToList();
        Assert.Equal(expected.OrderBy(value => value.ToString(), StringComparer.Ordinal), stored.OrderBy(value => value.ToString(), StringComparer.Ordinal));
    }

    /// <summary>Analyse, adjust the proposed plan as a user would, import; counted before and after.</summary>
    private async Task<Attempt> ImportAsync(World world, ImportFile file, Action<ImportPlan, World>? adjust)
    {
        var before = await CountAsync();
        await using var scope = App.ScopeFor(world.Staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);
        var analysis = await service.AnalyseAsync(world.Programme, file);
        if (!analysis.IsOk)
        {
            return new Attempt(analysis.Message, null, null, [], before, await CountAsync());
        }

        var plan = analysis.Value!.Plan;
        adjust?.Invoke(plan, world);
        var imported = await service.ImportAsync(world.Programme, file, plan);
        var refusal = imported switch
        {
            { IsOk: false } => string.Join(" ", [imported.Message, .. imported.Errors.SelectMany(error => error.Value)]),
            { Value.Outcome: not ImportOutcome.Imported } => string.Join(" | ", imported.Value.Problems.Select(problem => $"regel {problem.Line}: {problem.Reason}")),
            _ => null,
        };
        return new Attempt(refusal, imported.Value, plan, analysis.Value.Preview, before, await CountAsync());
    }

    private async Task<Counts> CountAsync()
    {
        await using var db = App.Database.CreateContext();
        return new Counts(await db.Measurements.CountAsync(), await db.MeasurementImports.CountAsync(), await db.ImportMappings.CountAsync());
    }

    /// <summary>
    /// The managed heap's peak above what it held before, sampled every 10 ms while the import runs,
    /// with the working set beside it; the class runs alone, so the growth is the import's.
    /// </summary>
    private static async Task<(T Result, MemoryFigures Memory)> MeasureAsync<T>(Func<Task<T>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var workingSetBefore = Environment.WorkingSet;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peakHeap = heapBefore, peakWorkingSet = workingSetBefore;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                await Task.Delay(10, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        var result = await work();
        var elapsed = clock.Elapsed;
        await done.CancelAsync();
        await sampler;
        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
        return (result, new MemoryFigures(peakHeap - heapBefore, peakWorkingSet - workingSetBefore, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, elapsed, GC.GetGCMemoryInfo().PauseTimePercentage));
    }

    private async Task<World> ArrangeAsync(string area)
    {
        var now = DateTimeOffset.UtcNow;
        var programme = Programme.Create(new ProgrammeDetails("Westwijk Vooruit", "Vlaardingen", [area], UrgencyKind.Meervoudig, new DateOnly(2024, 1, 1), 15, null), now);
        var indicators = new[] { Jobseekers, Residents, Cafes }
            .Select(name => Indicator.Define(programme.Id, new IndicatorDetails(name, IndicatorKind.Kernindicator, "%", "Monitor", null, area, ImprovementDirection.LowerIsBetter, null, null)))
            .ToList();
        await using (var db = App.Database.CreateContext())
        {
            db.Add(programme);
            db.AddRange(indicators);
            await db.SaveChangesAsync();
        }

        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme.Id);
        return new World(programme.Id, staff, indicators.ToDictionary(indicator => indicator.Name, indicator => indicator.Id.Value));
    }

    private static byte[] Replace(byte[] bytes, byte from, byte to) => [.. bytes.Select(value => value == from ? to : value)];

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(9).NextBytes(bytes);
        return bytes;
    }

    private static byte[] ZipWithCsv()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(zip.CreateEntry("metingen.csv").Open()))
        {
            entry.Write(LongText);
        }

        return stream.ToArray();
    }

    /// <summary>500 rows of another country's code, then a name with a NUL byte on line 503, well past the first 8 kB.</summary>
    private static byte[] NulAfterEightKilobytes()
    {
        var text = new StringBuilder("gebiedscode;indicator;jaar;waarde\nWK062203;Werkzoekenden;2022;12,5\n");
        for (var row = 0; row < 500; row++)
        {
            text.Append("NL00;Werkzoekenden;2023;1\n");
        }

        text.Append("WK062203;Werk\0zoekenden;2023;4\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>600 good rows (past the sample the format is guessed from), then a quote that is never closed.</summary>
    private static byte[] QuoteLeftOpenLate()
    {
        var text = new StringBuilder("gebiedscode;indicator;jaar;waarde\n");
        // Years that have passed: a year still to come is a problem of its own, even outside the programme.
        for (var row = 0; row < 600; row++)
        {
            text.Append(CultureInfo.InvariantCulture, $"NL00;Werkzoekenden;{1990 + (row % 30)};1\n");
        }

        text.Append("WK062203;\"Werkzoekenden;2022;12,5\nBU06220301;Werkzoekenden;2023;4\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private sealed record HostileFile(string Name, Func<byte[]> Content, Stored[]? Values = null, Action<ImportPlan, World>? Adjust = null, string? Refusal = null);

    private sealed record Stored(string Indicator, string Area, int Year, decimal Value, string SourceColumn);

    private sealed record World(ProgrammeId Programme, CurrentUser Staff, Dictionary<string, Guid> Indicators);

    private sealed record Counts(int Measurements, int Imports, int Mappings);

    private sealed record Attempt(string? Refusal, ImportReport? Report, ImportPlan? Plan, IReadOnlyList<IReadOnlyList<string>> Preview, Counts Before, Counts After);

    private sealed record MemoryFigures(long PeakHeapGrowth, long PeakWorkingSetGrowth, long Allocated, TimeSpan Elapsed, double GcPausePercentage)
    {
        public override string ToString() =>
            $"{Elapsed.TotalSeconds:F1} s; piek beheerde heap +{PeakHeapGrowth / 1_048_576.0:F1} MB, piek working set +{PeakWorkingSetGrowth / 1_048_576.0:F1} MB, totaal gealloceerd {Allocated / 1_048_576.0:F0} MB, GC-pauze {GcPausePercentage:F1} %";
    }
}
