using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Integration.Tests.Infrastructure;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Execution;
using Wijkaanpak.Web.Features.Monitoring;
using Wijkaanpak.Web.Features.Monitoring.Import;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Integration.Tests.Monitoring;

/// <summary>Importing measurement files through the service against PostgreSQL, as a member of the programmabureau.</summary>
public sealed class MeasurementImportServiceTests(AppClassFixture fixture) : IClassFixture<AppClassFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkaanpak-import-test-").FullName;

    private AppFixture App => fixture.App;

    [Fact]
    public async Task AGoodLongFile_StoresEveryValue_WithItsSourceAndImport()
    {
        var world = await ArrangeAsync();
        var file = Write("metingen.csv", LongFile(("WK062203", "Werkzoekenden", 2022, "12,5"), ("BU06220301", "Werkzoekenden", 2022, "14,1"), ("BU06220301", "Leefbaarheid", 2023, "3,9")));
        await using var scope = App.ScopeFor(world.Staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);

        var analysis = (await service.AnalyseAsync(world.Programme, file)).Value!;
        Assert.Equal(ImportShape.Long, analysis.Plan.Shape);
        Assert.Equal(world.Jobseekers, analysis.Plan.Indicators["Werkzoekenden"]);
        var report = (await service.ImportAsync(world.Programme, file, analysis.Plan)).Value!;

        Assert.Equal(ImportOutcome.Imported, report.Outcome);
        Assert.Equal((3, 0, 0), (report.New, report.Changed, report.Unchanged));
        await using var db = App.Database.CreateContext();
        var stored = await db.Measurements.AsNoTracking().Where(measurement => measurement.IndicatorId == new IndicatorId(world.Jobseekers) || measurement.IndicatorId == new IndicatorId(world.Liveability)).ToListAsync();
        Assert.Equal(3, stored.Count);
        Assert.All(stored, measurement => Assert.Equal(("metingen.csv", report.ImportId), (measurement.SourceName, measurement.ImportId)));
        var buurt = Assert.Single(stored, measurement => measurement.AreaCode == "BU06220301" && measurement.IndicatorId == new IndicatorId(world.Jobseekers));
        Assert.Equal((2022, 14.1m, "Werkzoekenden"), (buurt.Year, buurt.Value, buurt.SourceColumn));
        var recorded = await db.MeasurementImports.AsNoTracking().SingleAsync(import => import.Id == report.ImportId);
        Assert.Equal((3, world.Staff.UserId!.Value), (recorded.New, recorded.ImportedBy.UserId));
    }

    [Fact]
    public async Task AFileWithBadRows_StoresNothing_AndNamesEveryBadRowWithItsLine()
    {
        var world = await ArrangeAsync();
        var file = Write("fout.csv", LongFile(
            ("WK062203", "Werkzoekenden", 2022, "12,5"),
            ("WK0622", "Werkzoekenden", 2022, "1"),
            ("BU06220301", "Werkzoekenden", 1850, "2"),
            ("BU06220302", "Werkzoekenden", 2022, "veel"),
            ("WK062203", "Werkzoekenden", 2022, "13")));
        await using var scope = App.ScopeFor(world.Staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);
        var plan = (await service.AnalyseAsync(world.Programme, file)).Value!.Plan;

        var validated = (await service.ValidateAsync(world.Programme, file, plan)).Value!;
        var imported = (await service.ImportAsync(world.Programme, file, plan)).Value!;

        foreach (var report in new[] { validated, imported })
        {
            Assert.Equal(ImportOutcome.Invalid, report.Outcome);
            Assert.Equal(4, report.ProblemCount);
            Assert.Equal([3, 4, 5, 6], report.Problems.Select(problem => problem.Line));
        }

        Assert.Contains("1850", imported.Problems[1].Reason, StringComparison.Ordinal);
        Assert.Contains("regel 2", imported.Problems[3].Reason, StringComparison.Ordinal);
        await using var db = App.Database.CreateContext();
        Assert.False(await db.Measurements.AnyAsync(measurement => measurement.IndicatorId == new IndicatorId(world.Jobseekers)));
        Assert.False(await db.MeasurementImports.AnyAsync(import => import.ProgrammeId == world.Programme));
    }

    [Fact]
    public async Task TheSameFileTwice_ChangesNothingTheSecondTime_AndAChangedValueIsUpdated()
    {
        var world = await ArrangeAsync();
        var rows = new[] { ("WK062203", "Werkzoekenden", 2022, "12,5"), ("WK062203", "Werkzoekenden", 2023, "11,25") };
        var file = Write("metingen.csv", LongFile(rows));
        await using var scope = App.ScopeFor(world.Staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);
        var plan = (await service.AnalyseAsync(world.Programme, file)).Value!.Plan;

        var first = (await service.ImportAsync(world.Programme, file, plan)).Value!;
        var analysedAgain = (await service.AnalyseAsync(world.Programme, file)).Value!;
        var second = (await service.ImportAsync(world.Programme, file, analysedAgain.Plan)).Value!;
        var corrected = Write("metingen-gecorrigeerd.csv", LongFile(rows[0], ("WK062203", "Werkzoekenden", 2023, "10,75")));
        var third = (await service.ImportAsync(world.Programme, corrected, plan)).Value!;

        Assert.Equal((2, 0, 0), (first.New, first.Changed, first.Unchanged));
        Assert.NotNull(analysedAgain.ImportedBefore);
        Assert.Equal((0, 0, 2), (second.New, second.Changed, second.Unchanged));
        Assert.Equal((0, 1, 1), (third.New, third.Changed, third.Unchanged));
        await using var db = App.Database.CreateContext();
        var values = await db.Measurements.AsNoTracking().Where(measurement => measurement.IndicatorId == new IndicatorId(world.Jobseekers)).OrderBy(measurement => measurement.Year).ToListAsync();
        Assert.Equal([(12.5m, first.ImportId), (10.75m, third.ImportId)], values.Select(measurement => (measurement.Value, measurement.ImportId)));
        Assert.Equal("metingen-gecorrigeerd.csv", values[1].SourceName);
    }

    [Fact]
    public async Task TheExportedMeasurements_ImportBackUnchanged_AndTheSpreadsheetHoldsTheSameValues()
    {
        var world = await ArrangeAsync();
        var file = Write("monitor.csv", LongFile(("WK062203", "Werkzoekenden", 2022, "12,5"), ("BU06220301", "Werkzoekenden", 2023, "0,125"), ("WK062203", "Leefbaarheid", 2023, "7")));
        await using var scope = App.ScopeFor(world.Staff);
        var import = App.ServiceFor<MeasurementImportService>(scope);
        var indicators = App.ServiceFor<IndicatorService>(scope);
        await import.ImportAsync(world.Programme, file, (await import.AnalyseAsync(world.Programme, file)).Value!.Plan);

        var csv = (await indicators.ExportMeasurementsAsync(world.Programme, ExportFormat.Csv)).Value!;
        Assert.Equal("Metingen-Westwijk-Vooruit.csv", csv.FileName);
        var exported = Path.Combine(_folder, "export.csv");
        await File.WriteAllBytesAsync(exported, csv.Content);
        var exportedFile = new ImportFile(exported, "Metingen-Westwijk-Vooruit.csv");
        var analysis = (await import.AnalyseAsync(world.Programme, exportedFile)).Value!;
        var again = (await import.ImportAsync(world.Programme, exportedFile, analysis.Plan)).Value!;

        Assert.Equal((ImportShape.Long, "Gebiedscode", "Indicator"), (analysis.Plan.Shape, analysis.Plan.AreaColumn, analysis.Plan.IndicatorColumn));
        Assert.Equal((ImportOutcome.Imported, 0, 0, 3), (again.Outcome, again.New, again.Changed, again.Unchanged));

        var xlsx = (await indicators.ExportMeasurementsAsync(world.Programme, ExportFormat.Xlsx)).Value!;
        using var stream = new MemoryStream(xlsx.Content);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(cell => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty).ToList()).ToList();
        Assert.Equal(["Indicator", "Gebiedscode", "Jaar", "Waarde", "Eenheid", "Bron", "Kolom in bron"], rows[0]);
        Assert.Equal(
            [("Leefbaarheid", "WK062203", 2023, 7m), ("Werkzoekenden", "BU06220301", 2023, 0.125m), ("Werkzoekenden", "WK062203", 2022, 12.5m)],
            rows.Skip(1).Select(row => (row[0], row[1], int.Parse(row[2], CultureInfo.InvariantCulture), decimal.Parse(row[3], CultureInfo.InvariantCulture))));
        Assert.All(rows.Skip(1), row => Assert.Equal("monitor.csv", row[5]));
    }

    [Fact]
    public async Task AWideCbsFile_RemembersItsMapping_ForTheNextFileOfTheSameShape()
    {
        var world = await ArrangeAsync();
        const string header = "gwb_code_10;regio;gm_naam;a_inw;p_werkz";
        var file2022 = Write("kwb-2022.csv", $"{header}\nNL00;Nederland;Nederland;17590672;3,9\nWK062203;Westwijk;Vlaardingen;11750;.\nBU06220301;Babberspolder-Oost;Vlaardingen;4200;7,1\n");
        await using var scope = App.ScopeFor(world.Staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);
        var first = (await service.AnalyseAsync(world.Programme, file2022)).Value!;
        Assert.Equal((ImportShape.Wide, "gwb_code_10", false), (first.Plan.Shape, first.Plan.AreaColumn, first.MappingRemembered));
        first.Plan.Year = 2022;
        first.Plan.Indicators["a_inw"] = world.Residents;
        first.Plan.Indicators["p_werkz"] = world.Jobseekers;
        var imported = (await service.ImportAsync(world.Programme, file2022, first.Plan)).Value!;
        Assert.Equal((3, 1, 1), (imported.New, imported.MissingValues, imported.RowsOutsideProgramme));

        var file2023 = Write("kwb-2023.csv", $"{header}\nWK062203;Westwijk;Vlaardingen;11800;6,8\n");
        var next = (await service.AnalyseAsync(world.Programme, file2023)).Value!;

        Assert.True(next.MappingRemembered);
        Assert.Equal(world.Residents, next.Plan.Indicators["a_inw"]);
        Assert.Equal(world.Jobseekers, next.Plan.Indicators["p_werkz"]);
        Assert.Null(next.Plan.Indicators["regio"]);
        next.Plan.Year = 2023;
        var second = (await service.ImportAsync(world.Programme, file2023, next.Plan)).Value!;
        Assert.Equal(2, second.New);
        await using var db = App.Database.CreateContext();
        var p = await db.Measurements.AsNoTracking().SingleAsync(measurement => measurement.IndicatorId == new IndicatorId(world.Jobseekers) && measurement.Year == 2023);
        Assert.Equal(("WK062203", 6.8m, "p_werkz", "kwb-2023.csv"), (p.AreaCode, p.Value, p.SourceColumn, p.SourceName));
    }

    [Fact]
    public async Task Cancelling_MidImport_LeavesNothingStored()
    {
        var world = await ArrangeAsync("GM0622");
        var rows = Enumerable.Range(0, 30_000).Select(index => ($"BU0622{index % 10_000:D4}", "Werkzoekenden", 2000 + (index / 10_000), "1,5")).ToArray();
        var file = Write("groot.csv", LongFile(rows));
        await using var scope = App.ScopeFor(world.Staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);
        var plan = (await service.AnalyseAsync(world.Programme, file)).Value!.Plan;
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(cancel, rows: 20_000);

        var report = (await service.ImportAsync(world.Programme, file, plan, progress, cancel.Token)).Value!;

        Assert.Equal(ImportOutcome.Cancelled, report.Outcome);
        Assert.True(progress.Seen.Max(seen => seen.ValuesStored) >= 20_000);
        await using var db = App.Database.CreateContext();
        Assert.False(await db.Measurements.AnyAsync(measurement => measurement.IndicatorId == new IndicatorId(world.Jobseekers)));
        Assert.False(await db.MeasurementImports.AnyAsync(import => import.ProgrammeId == world.Programme));
    }

    [Fact]
    public async Task AnImport_IsInTheAuditTrail_OfTheProgramme()
    {
        var world = await ArrangeAsync();
        var file = Write("metingen.csv", LongFile(("WK062203", "Werkzoekenden", 2022, "12,5")));
        await using var scope = App.ScopeFor(world.Staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);
        var plan = (await service.AnalyseAsync(world.Programme, file)).Value!.Plan;

        var report = (await service.ImportAsync(world.Programme, file, plan)).Value!;

        await using var db = App.Database.CreateContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(entry => entry.ProgrammeId == world.Programme.Value).ToListAsync();
        var entry = Assert.Single(entries, entry => entry.EntityType == nameof(MeasurementImport));
        Assert.Equal((report.ImportId.ToString(), "Toegevoegd", world.Staff.UserId), (entry.EntityId, entry.Action, entry.UserId));
        Assert.Contains("metingen.csv", entry.Changes, StringComparison.Ordinal);
        Assert.Contains(entries, entry => entry.EntityType == nameof(ImportMapping));
    }

    [Fact]
    public async Task ARaadslidAndAPartner_AreRefused_AndNothingIsStored()
    {
        var world = await ArrangeAsync();
        var file = Write("metingen.csv", LongFile(("WK062203", "Werkzoekenden", 2022, "12,5")));
        var plan = new ImportPlan { Shape = ImportShape.Long, AreaColumn = "gebiedscode", YearColumn = "jaar", IndicatorColumn = "indicator", ValueColumn = "waarde" };
        plan.Indicators["Werkzoekenden"] = world.Jobseekers;
        var raadslid = await App.CreateUserAsync(Role.Raadslid, null, world.Programme);
        var partner = await App.CreateUserAsync(Role.Alliantiepartner, null, world.Programme);

        foreach (var user in new[] { raadslid, partner })
        {
            await using var scope = App.ScopeFor(user);
            var service = App.ServiceFor<MeasurementImportService>(scope);
            Assert.Equal(ResultStatus.Forbidden, (await service.AnalyseAsync(world.Programme, file)).Status);
            Assert.Equal(ResultStatus.Forbidden, (await service.ImportAsync(world.Programme, file, plan)).Status);
        }

        await using var db = App.Database.CreateContext();
        Assert.False(await db.Measurements.AnyAsync(measurement => measurement.IndicatorId == new IndicatorId(world.Jobseekers)));
    }

    [Fact]
    public async Task AFileTooLarge_OrNotText_IsRefusedInDutch()
    {
        var world = await ArrangeAsync();
        var binary = Path.Combine(_folder, "foto.csv");
        await File.WriteAllBytesAsync(binary, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D]);
        var large = Path.Combine(_folder, "groot.csv");
        await using (var stream = File.Create(large))
        {
            // Sparse: the size counts, not the content.
            stream.SetLength(MeasurementImportService.MaxFileBytes + 1);
        }

        await using var scope = App.ScopeFor(world.Staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);

        var notText = await service.AnalyseAsync(world.Programme, new ImportFile(binary, "foto.csv"));
        var tooLarge = await service.AnalyseAsync(world.Programme, new ImportFile(large, "groot.csv"));

        Assert.Equal((ResultStatus.RuleBroken, ResultStatus.RuleBroken), (notText.Status, tooLarge.Status));
        Assert.Contains("geen tekstbestand", notText.Message, StringComparison.Ordinal);
        Assert.Equal(MeasurementImportService.TooLargeMessage, tooLarge.Message);
    }

    [Fact]
    public async Task AStatLineFileWithOnlyThreeDecimals_IsNotImportedUntilTheUserChooses_AndThenAsChosen()
    {
        var world = await ArrangeAsync();
        var file = Write("statline.csv", StatLineFile(("NL00", "1.000", "1.000"), ("GM0622", "1.012", "1.135"), ("WK062203", "-1.250", "1.410"), ("BU06220301", "2.375", ".")));
        await using var scope = App.ScopeFor(world.Staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);

        var analysis = (await service.AnalyseAsync(world.Programme, file)).Value!;
        var plan = analysis.Plan;
        Assert.Equal((null, null), (analysis.DecimalMark, plan.DecimalMark));
        Assert.Equal(("WijkenEnBuurten", "Perioden"), (plan.AreaColumn, plan.YearColumn));
        Assert.Equal(["1.000 → 1 (decimaalpunt) of 1000 (duizendtallen)", "1.012 → 1,012 (decimaalpunt) of 1012 (duizendtallen)", "1.135 → 1,135 (decimaalpunt) of 1135 (duizendtallen)"], analysis.UndecidableNumbers.Select(number => number.Description));
        plan.Indicators["Werkzoekenden_1"] = world.Jobseekers;
        plan.Indicators["Leefbaarheid_2"] = world.Liveability;

        var validated = await service.ValidateAsync(world.Programme, file, plan);
        var refused = await service.ImportAsync(world.Programme, file, plan);
        foreach (var result in new[] { validated, refused })
        {
            Assert.Equal(ResultStatus.Invalid, result.Status);
            Assert.Equal([CompiledPlan.DecimalMarkUndecidedMessage], result.Errors[nameof(ImportPlan.DecimalMark)]);
        }

        await using (var db = App.Database.CreateContext())
        {
            Assert.False(await db.Measurements.AnyAsync(measurement => measurement.IndicatorId == new IndicatorId(world.Jobseekers)));
        }

        plan.DecimalMark = DecimalMark.Point;
        var asDecimals = (await service.ImportAsync(world.Programme, file, plan)).Value!;
        Assert.Equal((ImportOutcome.Imported, 5, 1, 1), (asDecimals.Outcome, asDecimals.New, asDecimals.MissingValues, asDecimals.RowsOutsideProgramme));
        Assert.Equal(
            [("GM0622", 1.012m, 1.135m), ("WK062203", -1.25m, 1.41m), ("BU06220301", 2.375m, null)],
            await StoredAsync(world, "GM0622", "WK062203", "BU06220301"));

        plan.DecimalMark = DecimalMark.Comma;
        var asThousands = (await service.ImportAsync(world.Programme, file, plan)).Value!;
        Assert.Equal((ImportOutcome.Imported, 0, 5), (asThousands.Outcome, asThousands.New, asThousands.Changed));
        Assert.Equal(
            [("GM0622", 1012m, 1135m), ("WK062203", -1250m, 1410m), ("BU06220301", 2375m, null)],
            await StoredAsync(world, "GM0622", "WK062203", "BU06220301"));
    }

    [Fact]
    public async Task AStatLineFileWithALeadingZero_IsReadWithADecimalPoint_WithoutAsking()
    {
        var world = await ArrangeAsync();
        var file = Write("statline.csv", StatLineFile(("GM0622", "1.010", "0.042"), ("WK062203", "-0.100", "2.500"), ("BU06220301", "0.123456", "1.000")));
        await using var scope = App.ScopeFor(world.Staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);

        var analysis = (await service.AnalyseAsync(world.Programme, file)).Value!;
        Assert.Equal((DecimalMark.Point, DecimalMark.Point), (analysis.DecimalMark, analysis.Plan.DecimalMark));
        Assert.Empty(analysis.UndecidableNumbers);
        analysis.Plan.Indicators["Werkzoekenden_1"] = world.Jobseekers;
        analysis.Plan.Indicators["Leefbaarheid_2"] = world.Liveability;
        var report = (await service.ImportAsync(world.Programme, file, analysis.Plan)).Value!;

        Assert.Equal((ImportOutcome.Imported, 6), (report.Outcome, report.New));
        Assert.Equal(
            [("GM0622", 1.01m, 0.042m), ("WK062203", -0.1m, 2.5m), ("BU06220301", 0.123456m, 1m)],
            await StoredAsync(world, "GM0622", "WK062203", "BU06220301"));
    }

    [Fact]
    public async Task AValueWithSevenDecimals_IsABadRow_NotRounded()
    {
        var world = await ArrangeAsync();
        var file = Write("decimalen.csv", LongFile(("WK062203", "Werkzoekenden", 2022, "12,5"), ("WK062203", "Werkzoekenden", 2023, "0,1234567")));
        await using var scope = App.ScopeFor(world.Staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);
        var plan = (await service.AnalyseAsync(world.Programme, file)).Value!.Plan;

        var report = (await service.ImportAsync(world.Programme, file, plan)).Value!;

        Assert.Equal(ImportOutcome.Invalid, report.Outcome);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal("'0,1234567' in kolom 'waarde' heeft meer dan 6 cijfers achter de komma; er worden er 6 bewaard en afronden doet de import niet. Rond de waarde in het bestand af.", problem.Reason);
        await using var db = App.Database.CreateContext();
        Assert.False(await db.Measurements.AnyAsync(measurement => measurement.IndicatorId == new IndicatorId(world.Jobseekers)));
    }

    [Fact]
    public async Task ABadValueInARowOutsideTheProgramme_IsReported_AndNothingIsStored()
    {
        var world = await ArrangeAsync();
        var file = Write("land.csv", LongFile(("NL00", "Werkzoekenden", 2022, "4,1"), ("WK036301", "Werkzoekenden", 2022, "veel"), ("WK062203", "Werkzoekenden", 2022, "12,5"), ("WK036301", "Onbekend", 2022, "ook veel")));
        await using var scope = App.ScopeFor(world.Staff);
        var service = App.ServiceFor<MeasurementImportService>(scope);
        var plan = (await service.AnalyseAsync(world.Programme, file)).Value!.Plan;

        var report = (await service.ValidateAsync(world.Programme, file, plan)).Value!;

        Assert.Equal((ImportOutcome.Invalid, 3), (report.Outcome, report.RowsOutsideProgramme));
        var problem = Assert.Single(report.Problems);
        Assert.Equal((3, "'veel' in kolom 'waarde' is geen getal (verwacht zoals 12,5 of 1.234,5)."), (problem.Line, problem.Reason));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ImportFile Write(string name, string content)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return new ImportFile(path, name);
    }

    private static string LongFile(params (string Area, string Indicator, int Year, string Value)[] rows)
    {
        var text = new StringBuilder("gebiedscode;indicator;jaar;waarde\n");
        foreach (var (area, indicator, year, value) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{area};{indicator};{year};{value}\n");
        }

        return text.ToString();
    }

    /// <summary>As StatLine writes a table of wijken and buurten: quoted codes padded with spaces, periods as 2023JJ00.</summary>
    private static string StatLineFile(params (string Area, string Jobseekers, string Liveability)[] rows)
    {
        var text = new StringBuilder("\"ID\";\"WijkenEnBuurten\";\"Gemeentenaam_1\";\"Perioden\";\"Werkzoekenden_1\";\"Leefbaarheid_2\"\n");
        foreach (var (index, (area, jobseekers, liveability)) in rows.Index())
        {
            text.Append(CultureInfo.InvariantCulture, $"{index};\"{area,-10}\";\"Vlaardingen\";\"2023JJ00\";{jobseekers};{liveability}\n");
        }

        return text.ToString();
    }

    private async Task<List<(string Area, decimal? Jobseekers, decimal? Liveability)>> StoredAsync(World world, params string[] areas)
    {
        await using var db = App.Database.CreateContext();
        var stored = await db.Measurements.AsNoTracking()
            .Where(measurement => measurement.Year == 2023 && (measurement.IndicatorId == new IndicatorId(world.Jobseekers) || measurement.IndicatorId == new IndicatorId(world.Liveability)))
            .ToListAsync();
        decimal? Value(Guid indicator, string area) => stored.SingleOrDefault(measurement => measurement.IndicatorId == new IndicatorId(indicator) && measurement.AreaCode == area)?.Value;
        return areas.Select(area => (area, Value(world.Jobseekers, area), Value(world.Liveability, area))).ToList();
    }

    private async Task<World> ArrangeAsync(string area = "WK062203")
    {
        var now = DateTimeOffset.UtcNow;
        var programme = Programme.Create(new ProgrammeDetails("Westwijk Vooruit", "Vlaardingen", [area], UrgencyKind.Meervoudig, new DateOnly(2024, 1, 1), 15, null), now);
        Indicator Define(string name) => Indicator.Define(programme.Id, new IndicatorDetails(name, IndicatorKind.Kernindicator, "%", "Monitor", null, "WK062203", ImprovementDirection.LowerIsBetter, null, null));
        var jobseekers = Define("Werkzoekenden");
        var liveability = Define("Leefbaarheid");
        var residents = Define("Inwoners");
        await using (var db = App.Database.CreateContext())
        {
            db.AddRange(programme, jobseekers, liveability, residents);
            await db.SaveChangesAsync();
        }

        var staff = await App.CreateUserAsync(Role.Programmabureau, null, programme.Id);
        return new World(programme.Id, staff, jobseekers.Id.Value, liveability.Id.Value, residents.Id.Value);
    }

    private sealed record World(ProgrammeId Programme, CurrentUser Staff, Guid Jobseekers, Guid Liveability, Guid Residents);

    /// <summary>Cancels synchronously once the import has read enough rows, as the page's button would mid-way.</summary>
    private sealed class CancelAfter(CancellationTokenSource cancel, int rows) : IProgress<ImportProgress>
    {
        public List<ImportProgress> Seen { get; } = [];

        public void Report(ImportProgress value)
        {
            Seen.Add(value);
            if (value.RowsRead >= rows)
            {
                cancel.Cancel();
            }
        }
    }
}
