using System.Globalization;
using System.Text;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Web.Features.Monitoring.Import;

namespace Wijkaanpak.Integration.Tests.Monitoring;

/// <summary>The format detection and row interpretation, without a database: files as people have them.</summary>
public sealed class CsvFormatDetectorTests
{
    private static readonly Guid Jobseekers = Guid.CreateVersion7();
    private static readonly Guid Residents = Guid.CreateVersion7();

    [Fact]
    public void DutchExcelUtf8_WithBomSemicolonsAndDecimalCommas_IsReadAsSuch()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("gebiedscode;indicator;jaar;waarde\r\nWK062203;Werkzoekenden;2023;12,5\r\nBU06220301;Werkzoekenden;2023;1.234,5\r\n")).ToArray();

        var inspection = CsvFormatDetector.Inspect(new MemoryStream(bytes));

        Assert.Equal("UTF-8 met BOM", inspection.Format.EncodingName);
        Assert.Equal(';', inspection.Format.Separator);
        Assert.Equal(DecimalMark.Comma, inspection.Format.DecimalMark);
        Assert.Equal(["gebiedscode", "indicator", "jaar", "waarde"], inspection.Header);
        Assert.Equal("1.234,5", inspection.Preview[1][3]);
        Assert.True(CellParsing.TryParseNumber("1.234,5", DecimalMark.Comma, out var value));
        Assert.Equal(1234.5m, value);
    }

    [Fact]
    public void Windows1252_AsExcelSavesForADutchUser_KeepsTheAccents()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var bytes = windows1252.GetBytes("gwb_code;Woningwaarde één;Cafés\nWK062203;245,5;3\n");

        var inspection = CsvFormatDetector.Inspect(new MemoryStream(bytes));

        Assert.Equal("Windows-1252 (Excel)", inspection.Format.EncodingName);
        Assert.Equal(["gwb_code", "Woningwaarde één", "Cafés"], inspection.Header);
        Assert.Equal(DecimalMark.Comma, inspection.Format.DecimalMark);
    }

    [Fact]
    public void CommaSeparated_WithDecimalPointsAndQuotedFields_IsReadAsSuch()
    {
        var text = "area,name,indicator,year,value\nWK062203,\"Westwijk, \"\"oud\"\"\",Jobseekers,2023,12.5\nBU06220301,\"Babberspolder-Oost\",Jobseekers,2023,\"1,234.5\"\n";

        var inspection = CsvFormatDetector.Inspect(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.Equal("UTF-8", inspection.Format.EncodingName);
        Assert.Equal(',', inspection.Format.Separator);
        Assert.Equal(DecimalMark.Point, inspection.Format.DecimalMark);
        Assert.Equal("Westwijk, \"oud\"", inspection.Preview[0][1]);
        Assert.Equal(5, inspection.Preview[1].Count);
        Assert.True(CellParsing.TryParseNumber("1,234.5", DecimalMark.Point, out var value));
        Assert.Equal(1234.5m, value);
    }

    [Theory]
    [InlineData("1.5", DecimalMark.Comma)]
    [InlineData("12,5,1", DecimalMark.Comma)]
    [InlineData("1,5", DecimalMark.Point)]
    [InlineData("twaalf", DecimalMark.Comma)]
    [InlineData("12,5%", DecimalMark.Comma)]
    public void AmbiguousOrNonNumbers_AreRefusedRatherThanGuessed(string cell, DecimalMark mark) =>
        Assert.False(CellParsing.TryParseNumber(cell, mark, out _));

    [Fact]
    public void CbsMissingMarkers_AreCountedNotStoredAndNotProblems()
    {
        var text = "gwb_code_10;regio;a_inw;p_werkz\nNL00;Nederland;17811291;4,1\nGM0622;Vlaardingen;74853;.\nWK062203;Westwijk;11800;x\nBU06220301;Babberspolder-Oost;4210;\nBU06220302;Babberspolder-West;3900;6,3\n";
        var (interpreter, cells) = InterpretWide(text, new Dictionary<string, Guid?> { ["a_inw"] = Residents, ["p_werkz"] = Jobseekers, ["regio"] = null });

        Assert.Equal(0, interpreter.ProblemCount);
        Assert.Equal(3, interpreter.MissingValues);
        Assert.Equal(1, interpreter.RowsOutsideProgramme);
        Assert.Equal(["NL00"], interpreter.AreasOutsideProgramme);
        Assert.Equal(5, cells.Count);
        Assert.Contains(cells, cell => cell is { AreaCode: "BU06220302", Year: 2023, Value: 6.3m, SourceColumn: "p_werkz" });
        Assert.Contains(cells, cell => cell is { AreaCode: "GM0622", Value: 74853m, SourceColumn: "a_inw" });
    }

    [Fact]
    public void BadRows_AreEachNamedWithTheirLineAndReason()
    {
        var text = "gwb_code_10;a_inw\nWK062203;11800\nWK62203;100\nBU06220301;veel\nBU06220302;2000000000000\nWK062203;11801\nBU06220301\n";
        var (interpreter, _) = InterpretWide(text, new Dictionary<string, Guid?> { ["a_inw"] = Residents });

        Assert.Equal([3, 4, 5, 6, 7], interpreter.Problems.Select(problem => problem.Line));
        Assert.Contains("geen CBS-gebiedscode", interpreter.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("geen getal", interpreter.Problems[1].Reason, StringComparison.Ordinal);
        Assert.Contains("te groot", interpreter.Problems[2].Reason, StringComparison.Ordinal);
        Assert.Contains("staat ook op regel 2", interpreter.Problems[3].Reason, StringComparison.Ordinal);
        Assert.Contains("kolommen", interpreter.Problems[4].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryContent_IsRefusedWithAClearReason()
    {
        var bytes = new byte[] { 0x47, 0x49, 0x46, 0x38, 0x00, 0x01, 0x02, 0x00, 0x3B };

        var refused = Assert.Throws<UnreadableFileException>(() => CsvFormatDetector.Inspect(new MemoryStream(bytes)));

        Assert.Contains("geen tekstbestand", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExcelWorkbook_IsRefusedWithHowToSaveAsCsv()
    {
        var bytes = "PK\u0003\u0004xl/workbook.xml"u8.ToArray();

        var refused = Assert.Throws<UnreadableFileException>(() => CsvFormatDetector.Inspect(new MemoryStream(bytes)));

        Assert.Contains("CSV (gescheiden door lijstscheidingsteken)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownSeparator_IsRefused()
    {
        var refused = Assert.Throws<UnreadableFileException>(() => CsvFormatDetector.Inspect(new MemoryStream("gebied|waarde\nWK062203|12\n"u8.ToArray())));

        Assert.Contains("puntkomma, komma of tab", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tabs_AndStatLinePeriodsAndCodesWithTrailingSpaces_AreRead()
    {
        var text = "Wijken en buurten\tCodering_3\tPerioden\tIndicator\tWaarde\nWestwijk\tWK062203  \t2023JJ00\tWerkzoekenden\t12.5\n";
        var inspection = CsvFormatDetector.Inspect(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var plan = ImportPlanGuesser.Guess(inspection.Header, inspection.Format.DecimalMark, []);
        plan.Indicators["Werkzoekenden"] = Jobseekers;

        var (compiled, errors) = CompiledPlan.Compile(plan, inspection.Header, new Dictionary<Guid, string> { [Jobseekers] = "Werkzoekenden" }, Measurement.LatestYear(DateTimeOffset.UtcNow));
        Assert.Empty(errors);
        var cells = Interpret(new MemoryStream(Encoding.UTF8.GetBytes(text)), inspection.Format, new MeasurementRowInterpreter(compiled!, new AreaScope(["WK062203"])));

        Assert.Equal('\t', inspection.Format.Separator);
        Assert.Equal(ImportShape.Long, plan.Shape);
        Assert.Equal("Codering_3", plan.AreaColumn);
        Assert.Equal(new ImportCell(0, "WK062203", 2023, 12.5m, "Werkzoekenden"), Assert.Single(cells));
    }

    [Theory]
    [InlineData("0.042", DecimalMark.Point)]
    [InlineData("-0.100", DecimalMark.Point)]
    [InlineData("1.5", DecimalMark.Point)]
    [InlineData("12.34", DecimalMark.Point)]
    [InlineData("1234.567", DecimalMark.Point)]
    [InlineData("1,234.5", DecimalMark.Point)]
    [InlineData("0,042", DecimalMark.Comma)]
    [InlineData("12,5", DecimalMark.Comma)]
    [InlineData("1.234,5", DecimalMark.Comma)]
    [InlineData("1.234.567", DecimalMark.Comma)]
    public void ACellThatCanTell_DecidesTheDecimalMark(string cell, DecimalMark expected)
    {
        var evidence = new DecimalMarkEvidence();

        evidence.Add("1.010");
        evidence.Add(cell);

        Assert.Equal(expected, evidence.Decide(';'));
    }

    [Fact]
    public void CellsWithThreeDigitsAfterOneMark_LeaveTheDecimalMarkUndecided_WithExamples()
    {
        var evidence = new DecimalMarkEvidence();

        foreach (var cell in new[] { "WK062203", "2023JJ00", "2023", "1.010", "2.500", "-1.250", "1.010", "12.345", "999.999" })
        {
            evidence.Add(cell);
        }

        Assert.Null(evidence.Decide(';'));
        Assert.Equal(["1.010", "2.500", "-1.250"], evidence.Examples);
        Assert.Equal(6, evidence.Undecidable);
    }

    [Theory]
    [InlineData(';', DecimalMark.Comma)]
    [InlineData(',', DecimalMark.Point)]
    public void WithoutNumbersThatTell_TheSeparatorDecides(char separator, DecimalMark expected)
    {
        var evidence = new DecimalMarkEvidence();
        evidence.Add("11800");
        evidence.Add("Westwijk, oud");

        Assert.Equal(expected, evidence.Decide(separator));
    }

    [Fact]
    public void AnUndecidedNumber_IsShownReadBothWays()
    {
        var point = DecimalMarkEvidence.Example("1.010");
        var comma = DecimalMarkEvidence.Example("1,010");

        Assert.Equal(("1,01", "1010"), (point.AsPoint, point.AsComma));
        Assert.Equal("1.010 → 1,01 (decimaalpunt) of 1010 (duizendtallen)", point.Description);
        Assert.Equal("1,010 → 1,01 (decimaalkomma) of 1010 (duizendtallen)", comma.Description);
    }

    [Fact]
    public void EveryRow_CountsForTheDecimalMark_NotOnlyTheFirst()
    {
        var text = new StringBuilder("WijkenEnBuurten;Perioden;Score\n");
        for (var row = 0; row < 2_000; row++)
        {
            text.Append(CultureInfo.InvariantCulture, $"BU0622{row:D4};2023JJ00;{1 + (row % 9)}.{row % 1000:D3}\n");
        }

        var undecided = CsvFormatDetector.Inspect(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())));
        text.Append("WK062203;2023JJ00;0.042\n");
        var decided = CsvFormatDetector.Inspect(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())));

        Assert.Null(undecided.Format.DecimalMark);
        Assert.Equal(["1.000", "2.001", "3.002"], undecided.UndecidableNumbers);
        Assert.Equal(DecimalMark.Point, decided.Format.DecimalMark);
        Assert.Empty(decided.UndecidableNumbers);
    }

    [Theory]
    [InlineData("0.123456", DecimalMark.Point, NumberVerdict.Number, "0.123456")]
    [InlineData("1.0000000", DecimalMark.Point, NumberVerdict.Number, "1")]
    [InlineData("0.1234567", DecimalMark.Point, NumberVerdict.TooManyDecimals, null)]
    [InlineData("-12,0000001", DecimalMark.Comma, NumberVerdict.TooManyDecimals, null)]
    [InlineData("1.000000000000000000000000000001", DecimalMark.Point, NumberVerdict.TooManyDecimals, null)]
    [InlineData("1,5E-7", DecimalMark.Comma, NumberVerdict.TooManyDecimals, null)]
    [InlineData("1E-30", DecimalMark.Point, NumberVerdict.TooManyDecimals, null)]
    [InlineData("1,5E-6", DecimalMark.Comma, NumberVerdict.TooManyDecimals, null)]
    [InlineData("1E-6", DecimalMark.Point, NumberVerdict.Number, "0.000001")]
    [InlineData("1.010", DecimalMark.Comma, NumberVerdict.Number, "1010")]
    [InlineData("0.042", DecimalMark.Comma, NumberVerdict.NotANumber, null)]
    [InlineData("-0.100", DecimalMark.Comma, NumberVerdict.NotANumber, null)]
    [InlineData("0,100", DecimalMark.Point, NumberVerdict.NotANumber, null)]
    public void ANumber_IsReadExactly_OrRefused_NeverRounded(string cell, DecimalMark mark, NumberVerdict expected, string? value)
    {
        var verdict = CellParsing.ReadNumber(cell, mark, out var read);

        Assert.Equal(expected, verdict);
        if (value is not null)
        {
            Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), read);
        }
    }

    [Theory]
    [InlineData("ID;WijkenEnBuurten;Perioden;Score", "WijkenEnBuurten")]
    [InlineData("ID;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;Score", "Codering_3")]
    [InlineData("Wijken en buurten;Regiocode (gemeente, wijk, buurt) (code);Perioden;Score", "Regiocode (gemeente, wijk, buurt) (code)")]
    [InlineData("Gebied;Code;Score", "Code")]
    public void AStatLineAreaColumn_IsRecognised_AndNamesGiveWayToCodes(string header, string expected)
    {
        var columns = header.Split(';');
        var row = columns.Select(column => column is "Gebied" or "Wijken en buurten" ? "Westwijk" : column == "Score" ? "1.010" : "WK062203").ToList();

        var plan = ImportPlanGuesser.Guess(columns, null, [], [row]);

        Assert.Equal(expected, plan.AreaColumn);
        Assert.Null(plan.DecimalMark);
    }

    [Fact]
    public void APlanWithoutADecimalMark_ForAFileThatCannotTell_DoesNotCompile()
    {
        var plan = new ImportPlan { Shape = ImportShape.Wide, AreaColumn = "gwb_code_10", Year = 2023, Indicators = { ["a_inw"] = Residents } };
        string[] header = ["gwb_code_10", "a_inw"];
        var indicators = new Dictionary<Guid, string> { [Residents] = "Inwoners" };

        var (undecided, errors) = CompiledPlan.Compile(plan, header, indicators, Measurement.LatestYear(DateTimeOffset.UtcNow), fileMark: null);
        var (byFile, _) = CompiledPlan.Compile(plan, header, indicators, Measurement.LatestYear(DateTimeOffset.UtcNow), fileMark: DecimalMark.Point);
        plan.DecimalMark = DecimalMark.Comma;
        var (chosen, _) = CompiledPlan.Compile(plan, header, indicators, Measurement.LatestYear(DateTimeOffset.UtcNow), fileMark: null);

        Assert.Null(undecided);
        Assert.Equal([CompiledPlan.DecimalMarkUndecidedMessage], errors[nameof(ImportPlan.DecimalMark)]);
        Assert.Equal(DecimalMark.Point, byFile!.DecimalMark);
        Assert.Equal(DecimalMark.Comma, chosen!.DecimalMark);
    }

    [Fact]
    public void ABadValueOutsideTheProgramme_IsAProblemToo_AndStoresNothing()
    {
        var text = "gwb_code_10;a_inw;p_werkz\nNL00;17811291;veel\nWK036301;1,1234567;4,1\nGM0363;.;x\nWK062203;11800;6,3\n";
        var (interpreter, cells) = InterpretWide(text, new Dictionary<string, Guid?> { ["a_inw"] = Residents, ["p_werkz"] = Jobseekers });

        Assert.Equal([2, 3], interpreter.Problems.Select(problem => problem.Line));
        Assert.Contains("'veel' in kolom 'p_werkz' is geen getal", interpreter.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("meer dan 6 cijfers achter de komma", interpreter.Problems[1].Reason, StringComparison.Ordinal);
        Assert.Equal((3, 0), (interpreter.RowsOutsideProgramme, interpreter.MissingValues));
        Assert.Equal(2, cells.Count);
        Assert.All(cells, cell => Assert.Equal("WK062203", cell.AreaCode));
    }

    [Fact]
    public void ARowOfAYearStillToCome_IsAProblem_AndAFixedYearStillToComeIsRefused()
    {
        var text = "Codering_3;Perioden;Indicator;Waarde\nWK062203;2026;Werkzoekenden;12,5\nWK062203;2027;Werkzoekenden;13\n";
        var inspection = CsvFormatDetector.Inspect(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var plan = ImportPlanGuesser.Guess(inspection.Header, inspection.Format.DecimalMark, []);
        plan.Indicators["Werkzoekenden"] = Jobseekers;
        var (compiled, errors) = CompiledPlan.Compile(plan, inspection.Header, new Dictionary<Guid, string> { [Jobseekers] = "Werkzoekenden" }, latestYear: 2026);
        Assert.Empty(errors);
        var interpreter = new MeasurementRowInterpreter(compiled!, new AreaScope(["WK062203"]));

        var cells = Interpret(new MemoryStream(Encoding.UTF8.GetBytes(text)), inspection.Format, interpreter);

        Assert.Equal(2026, Assert.Single(cells).Year);
        Assert.Contains("Het jaar 2027 ligt in de toekomst", Assert.Single(interpreter.Problems).Reason, StringComparison.Ordinal);

        var wide = new ImportPlan { Shape = ImportShape.Wide, AreaColumn = "Codering_3", Year = 2027, DecimalMark = inspection.Format.DecimalMark, Indicators = new Dictionary<string, Guid?> { ["Waarde"] = Jobseekers } };
        var (refused, wideErrors) = CompiledPlan.Compile(wide, inspection.Header, new Dictionary<Guid, string> { [Jobseekers] = "Werkzoekenden" }, latestYear: 2026);
        Assert.Null(refused);
        Assert.Contains(nameof(ImportPlan.Year), wideErrors.Keys);
    }

    private static (MeasurementRowInterpreter Interpreter, List<ImportCell> Cells) InterpretWide(string text, Dictionary<string, Guid?> map)
    {
        var inspection = CsvFormatDetector.Inspect(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var plan = new ImportPlan { Shape = ImportShape.Wide, AreaColumn = "gwb_code_10", Year = 2023, DecimalMark = inspection.Format.DecimalMark, Indicators = map };
        var (compiled, errors) = CompiledPlan.Compile(plan, inspection.Header, new Dictionary<Guid, string> { [Residents] = "Inwoners", [Jobseekers] = "Werkzoekenden" }, Measurement.LatestYear(DateTimeOffset.UtcNow));
        Assert.Empty(errors);
        var interpreter = new MeasurementRowInterpreter(compiled!, new AreaScope(["WK062203"]));
        return (interpreter, Interpret(new MemoryStream(Encoding.UTF8.GetBytes(text)), inspection.Format, interpreter));
    }

    private static List<ImportCell> Interpret(Stream stream, CsvFormat format, MeasurementRowInterpreter interpreter)
    {
        using var rows = CsvRows.Open(stream, format);
        var all = new List<ImportCell>();
        var cells = new List<ImportCell>();
        while (rows.MoveNext())
        {
            interpreter.Interpret(rows, cells);
            all.AddRange(cells);
        }

        return all;
    }
}
