using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Features.Monitoring;
using Wijkaanpak.Web.Features.Monitoring.Import;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// The CSV import as a user runs it (analyse the file, then validate, COPY into a staging table and
/// upsert) against two limits: PostgreSQL's own COPY of the same file into a bare table (the value as
/// text: COPY knows no decimal comma), the limit of getting the bytes into this server; and a binary
/// COPY of the same, already parsed rows into <c>measurements</c> itself (its indexes, its million
/// rows; rolled back), the limit of storing them where the import stores them.
/// </summary>
internal sealed class ImportBenchmark(IServiceProvider services, CurrentUser user, string connectionString, string folder)
{
    /// <summary>
    /// 100 buurten under the programme's wijk × 300 indicators: a year holds 30,000 rows, so a million
    /// rows fit in the years that have been measured (1990 up to now; a future year is refused since
    /// issue 17). Figures before that change were of 100 indicators over 100 years.
    /// </summary>
    private const int Buurten = 100;
    private const int Indicators = 300;

    /// <summary><c>AnalyseSeconds</c>: the analysis step of the total (format, preview, indicator names); <c>TableCopySeconds</c>: binary COPY of the parsed rows into measurements (rolled back).</summary>
    public sealed record ImportResult(long Rows, Statistics ImportSeconds, Statistics AnalyseSeconds, Statistics CopySeconds, Statistics TableCopySeconds)
    {
        public double Ratio => ImportSeconds.Median / CopySeconds.Median;

        public double TableRatio => ImportSeconds.Median / TableCopySeconds.Median;
    }

    public async Task<ImportResult> MeasureAsync(ProgrammeId programme, string wijk, long rows, int runs)
    {
        var names = await DefineIndicatorsAsync(programme, wijk);
        var path = Path.Combine(folder, $"metingen-{rows}.csv");
        var years = (int)Math.Ceiling(rows / (double)(Buurten * Indicators));
        if (Indicator.EarliestYear + years - 1 > Measurement.LatestYear(DateTimeOffset.UtcNow))
        {
            throw new ArgumentOutOfRangeException(nameof(rows), "Zoveel rijen passen niet in de toegestane jaren.");
        }

        WriteFile(path, wijk, names, rows);
        var imports = new List<double>();
        var analyses = new List<double>();
        var copies = new List<double>();
        var tableCopies = new List<double>();
        var parsed = await ParseAsync(programme, path);
        for (var run = 0; run < runs; run++)
        {
            // Every run stores the full file as new values, as a first import of a new source does.
            await ExecuteAsync($"DELETE FROM measurements WHERE indicator_id IN (SELECT id FROM indicators WHERE programme_id = '{programme.Value}' AND name LIKE 'Importindicator %')");
            await ExecuteAsync("VACUUM measurements");
            tableCopies.Add(await CopyIntoMeasurementsAsync(parsed));
            var (total, analyse) = await ImportAsync(programme, path, rows);
            imports.Add(total);
            analyses.Add(analyse);
            copies.Add(await CopyAsync(path));
        }

        return new ImportResult(rows, Statistics.Of(imports), Statistics.Of(analyses), Statistics.Of(copies), Statistics.Of(tableCopies));
    }

    private sealed record ParsedRow(string AreaCode, Guid IndicatorId, int Year, decimal Value);

    /// <summary>The file's rows as the import would store them, read before any clock runs.</summary>
    private async Task<IReadOnlyList<ParsedRow>> ParseAsync(ProgrammeId programme, string path)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT name, id FROM indicators WHERE programme_id = @programme", connection);
            command.Parameters.AddWithValue("programme", programme.Value);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids[reader.GetString(0)] = reader.GetGuid(1);
            }
        }

        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        return File.ReadLines(path).Skip(1).Select(line => line.Split(';')).Select(cells => new ParsedRow(
            cells[0], ids[cells[1]], int.Parse(cells[2], CultureInfo.InvariantCulture), decimal.Parse(cells[3], dutch))).ToList();
    }

    private async Task<double> CopyIntoMeasurementsAsync(IReadOnlyList<ParsedRow> rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var recordedAt = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync(
                         "COPY measurements (id, indicator_id, area_code, year, value, recorded_at, source_name, source_column) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(row.IndicatorId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(row.AreaCode, NpgsqlDbType.Varchar);
                await writer.WriteAsync(row.Year, NpgsqlDbType.Integer);
                await writer.WriteAsync(row.Value, NpgsqlDbType.Numeric);
                await writer.WriteAsync(recordedAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync("benchmark", NpgsqlDbType.Varchar);
                await writer.WriteAsync("waarde", NpgsqlDbType.Varchar);
            }

            await writer.CompleteAsync();
        }

        var seconds = watch.Elapsed.TotalSeconds;
        await transaction.RollbackAsync();
        return seconds;
    }

    private async Task<(double Total, double Analyse)> ImportAsync(ProgrammeId programme, string path, long rows)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitCurrentUserProvider>().Adopt(user);
        var service = scope.ServiceProvider.GetRequiredService<MeasurementImportService>();
        var file = new ImportFile(path, Path.GetFileName(path));
        var watch = Stopwatch.StartNew();
        var analysis = Value(await service.AnalyseAsync(programme, file));
        var analyse = watch.Elapsed.TotalSeconds;
        var report = Value(await service.ImportAsync(programme, file, analysis.Plan));
        var seconds = watch.Elapsed.TotalSeconds;
        if (report.Outcome != ImportOutcome.Imported || report.New != rows)
        {
            throw new InvalidOperationException($"Import gaf {report.Outcome}, {report.New} nieuw van {rows}: {string.Join("; ", report.Problems.Take(3).Select(problem => problem.Reason))}");
        }

        return (seconds, analyse);
    }

    private async Task<double> CopyAsync(string path)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE raw_copy (area_code text, indicator text, year int, value text)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await using (var writer = await connection.BeginTextImportAsync("COPY raw_copy FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)"))
        using (var reader = new StreamReader(path, Encoding.UTF8))
        {
            var buffer = new char[1 << 16];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read));
            }
        }

        return watch.Elapsed.TotalSeconds;
    }

    private async Task<IReadOnlyList<string>> DefineIndicatorsAsync(ProgrammeId programme, string wijk)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitCurrentUserProvider>().Adopt(user);
        var indicators = scope.ServiceProvider.GetRequiredService<IndicatorService>();
        var existing = Value(await indicators.GetIndicatorsAsync(programme));
        var names = Enumerable.Range(1, Indicators).Select(number => $"Importindicator {number:D3}").ToList();
        foreach (var name in names.Where(name => !existing.Indicators.Any(indicator => indicator.Name == name)))
        {
            Value(await indicators.DefineAsync(programme, new IndicatorEditModel
            {
                Name = name,
                Kind = IndicatorKind.Outcome,
                Unit = "%",
                Source = "CBS Kerncijfers wijken en buurten",
                AreaCode = wijk,
                Direction = ImprovementDirection.LowerIsBetter,
            }));
        }

        return names;
    }

    /// <summary>The long shape (area;indicator;year;value) with Dutch decimal commas, as the import's own example.</summary>
    private static void WriteFile(string path, string wijk, IReadOnlyList<string> names, long rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write("gebiedscode;indicator;jaar;waarde\n");
        var random = new Random(2026);
        long written = 0;
        for (var year = Indicator.EarliestYear; written < rows; year++)
        {
            for (var buurt = 0; buurt < Buurten && written < rows; buurt++)
            {
                for (var indicator = 0; indicator < names.Count && written < rows; indicator++, written++)
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"BU{wijk[2..]}{buurt:D2};{names[indicator]};{year};{random.Next(0, 1000) / 10m}\n").Replace('.', ','));
                }
            }
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static T Value<T>(Result<T> result) => result.Status == ResultStatus.Ok
        ? result.Value!
        : throw new InvalidOperationException($"{result.Status}: {result.Message} {string.Join("; ", result.Errors.SelectMany(error => error.Value))}");
}
