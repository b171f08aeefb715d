using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Features.Monitoring;
using Wijkaanpak.Web.Features.Monitoring.Import;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// The CSV import (validate, COPY into a staging table, upsert) against PostgreSQL's own COPY of the
/// same file into a bare table (the value as text: COPY knows no decimal comma): the physical limit
/// of getting those rows into this server.
/// </summary>
internal sealed class ImportBenchmark(IServiceProvider services, CurrentUser user, string connectionString, string folder)
{
    /// <summary>100 buurten under the programme's wijk × 100 indicators: a year holds 10,000 rows.</summary>
    private const int Buurten = 100;
    private const int Indicators = 100;

    public sealed record ImportResult(long Rows, Statistics ImportSeconds, Statistics CopySeconds)
    {
        public double Ratio => ImportSeconds.Median / CopySeconds.Median;
    }

    public async Task<ImportResult> MeasureAsync(ProgrammeId programme, string wijk, long rows, int runs)
    {
        var names = await DefineIndicatorsAsync(programme, wijk);
        var path = Path.Combine(folder, $"metingen-{rows}.csv");
        var years = (int)Math.Ceiling(rows / (double)(Buurten * Indicators));
        if (Indicator.EarliestYear + years - 1 > Indicator.LatestYear)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), "Zoveel rijen passen niet in de toegestane jaren.");
        }

        WriteFile(path, wijk, names, rows);
        var imports = new List<double>();
        var copies = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            // Every run stores the full file as new values, as a first import of a new source does.
            await ExecuteAsync($"DELETE FROM measurements WHERE indicator_id IN (SELECT id FROM indicators WHERE programme_id = '{programme.Value}' AND name LIKE 'Importindicator %')");
            imports.Add(await ImportAsync(programme, path, rows));
            copies.Add(await CopyAsync(path));
        }

        return new ImportResult(rows, Statistics.Of(imports), Statistics.Of(copies));
    }

    private async Task<double> ImportAsync(ProgrammeId programme, string path, long rows)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitCurrentUserProvider>().Adopt(user);
        var service = scope.ServiceProvider.GetRequiredService<MeasurementImportService>();
        var file = new ImportFile(path, Path.GetFileName(path));
        var watch = Stopwatch.StartNew();
        var analysis = Value(await service.AnalyseAsync(programme, file));
        var report = Value(await service.ImportAsync(programme, file, analysis.Plan));
        var seconds = watch.Elapsed.TotalSeconds;
        if (report.Outcome != ImportOutcome.Imported || report.New != rows)
        {
            throw new InvalidOperationException($"Import gaf {report.Outcome}, {report.New} nieuw van {rows}: {string.Join("; ", report.Problems.Take(3).Select(problem => problem.Reason))}");
        }

        return seconds;
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
