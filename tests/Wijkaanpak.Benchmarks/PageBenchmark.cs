using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Features.Alliance;
using Wijkaanpak.Web.Features.Checklists;
using Wijkaanpak.Web.Features.Dashboards;
using Wijkaanpak.Web.Features.Decisions;
using Wijkaanpak.Web.Features.Execution;
using Wijkaanpak.Web.Features.Monitoring;
using Wijkaanpak.Web.Features.Programmes;
using Wijkaanpak.Web.Features.Reports;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// The server's part of showing a page: the app does not prerender (docs/decisions/0003), so a page
/// is its service calls in <c>OnInitializedAsync</c> inside the circuit, then a render diff of the
/// result. This times exactly those service calls, each page in a fresh scope as a new circuit
/// would have, and counts the SQL commands and rows they read.
/// </summary>
internal sealed class PageBenchmark(IServiceProvider services, CurrentUser user, QueryCounter counter)
{
    /// <summary>One page's figures; <c>SmallQueries</c>/<c>SmallRows</c>: the same page on the small demo programme before the data set grew.</summary>
    public sealed record PageResult(string Page, Statistics Milliseconds, long Queries, long Rows, TimeSpan SlowestQuery, string SlowestQueryText, long SmallQueries, long SmallRows)
    {
        /// <summary>No N+1: the page reads many times the rows with the same number of queries.</summary>
        public bool QueriesIndependentOfRows => Queries == SmallQueries;
    }

    /// <summary>One load's queries and rows (after a warm-up): the page's query count on a small programme.</summary>
    public async Task<(long Queries, long Rows)> CountAsync(Func<IServiceProvider, Task> load)
    {
        await RunAsync(load);
        var before = counter.Read();
        await RunAsync(load);
        var after = counter.Read();
        return (after.Commands - before.Commands, after.Rows - before.Rows);
    }

    public static async Task<IReadOnlyList<(string Page, Func<IServiceProvider, Task> Load)>> PagesAsync(string connectionString, ProgrammeId programme, CurrentUser administrator)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var checklist = await ScalarAsync<string>(connection, """
            SELECT pc.building_block_code FROM programme_checklists pc
            JOIN programme_checklist_answer_revisions r ON r.programme_checklist_id = pc.id
            WHERE pc.programme_id = @programme GROUP BY pc.building_block_code ORDER BY count(*) DESC, 1 LIMIT 1
            """, programme.Value) ?? "1.1";
        var indicator = await ScalarAsync<Guid>(connection, """
            SELECT i.id FROM indicators i JOIN measurements m ON m.indicator_id = i.id
            WHERE i.programme_id = @programme GROUP BY i.id ORDER BY count(*) DESC, 1 LIMIT 1
            """, programme.Value);

        return
        [
            ("Programma-overzicht", async scope =>
            {
                Ok(await scope.GetRequiredService<ProgrammeService>().GetOverviewAsync(programme));
                Ok(await scope.GetRequiredService<ChecklistService>().GetOverviewAsync(programme));
            }),
            ($"Checklist {checklist}", async scope => Ok(await scope.GetRequiredService<ChecklistService>().GetChecklistAsync(programme, checklist))),
            ("Alliantie", async scope =>
            {
                var alliances = scope.GetRequiredService<AllianceService>();
                Ok(await alliances.GetAsync(programme));
                Ok(await alliances.GetCompositionAsync(programme, DateOnly.FromDateTime(DateTime.Today)));
            }),
            ("Uitvoeringsprogramma", async scope => Ok(await scope.GetRequiredService<ExecutionService>().GetAsync(programme))),
            ("Besluitenlijst", async scope => Ok(await scope.GetRequiredService<DecisionService>().GetLogAsync(programme))),
            ("Indicatoren", async scope => Ok(await scope.GetRequiredService<IndicatorService>().GetIndicatorsAsync(programme))),
            ("Indicator (meeste metingen)", async scope => Ok(await scope.GetRequiredService<IndicatorService>().GetIndicatorAsync(programme, new IndicatorId(indicator)))),

            ("Dashboard raadslid", async scope =>
            {
                Ok(await scope.GetRequiredService<DashboardService>().GetDashboardAsync(programme));
                Ok(await scope.GetRequiredService<ReportService>().CompareWithAdoptedAsync(programme));
            }),
            // A Beheerder sees every programme in the portfolio (the programme bureau only its own).
            ("Portefeuille (alle programma's, Beheerder)", async scope =>
            {
                scope.GetRequiredService<CircuitCurrentUserProvider>().Adopt(administrator);
                Ok(await scope.GetRequiredService<DashboardService>().GetPortfolioAsync());
            }),
            ("Programmalijst (alle programma's)", async scope => await scope.GetRequiredService<ProgrammeService>().ListAsync()),
        ];
    }

    /// <summary>The progress report of the programme's latest year as the council gets it: a Word document and a pdf.</summary>
    public static async Task<IReadOnlyList<(string Page, Func<IServiceProvider, Task> Load)>> ReportsAsync(string connectionString, ProgrammeId programme)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT max(year) FROM progress_reports WHERE programme_id = @programme", connection);
        command.Parameters.AddWithValue("programme", programme.Value);
        var year = await command.ExecuteScalarAsync() is int stored ? stored : DateTime.Today.Year;
        return
        [
            ($"Voortgangsrapportage {year} (docx)", async scope => Document(await scope.GetRequiredService<ReportService>().GetDocumentAsync(programme, year, ReportFormat.Docx))),
            ($"Voortgangsrapportage {year} (pdf)", async scope => Document(await scope.GetRequiredService<ReportService>().GetDocumentAsync(programme, year, ReportFormat.Pdf))),
        ];
    }

    private static void Document(Result<ReportDocument> result)
    {
        Ok(result);
        if (result.Value!.Content.Length == 0)
        {
            throw new InvalidOperationException($"{result.Value.FileName} is leeg.");
        }
    }

    public const int WarmUpRounds = 30;

    public async Task<PageResult> MeasureAsync(string page, Func<IServiceProvider, Task> load, int runs, (long Queries, long Rows) small)
    {
        // Warm-up to the steady state of a server that has run a while: the first call compiles the queries
        // and fills the connection pool, and the runtime recompiles a method optimised after 30 calls, in the
        // background (tiered compilation). Measured after a single warm-up round, the portfolio took 0.49 s
        // instead of 0.36 s.
        for (var round = 0; round < WarmUpRounds; round++)
        {
            await RunAsync(load);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        counter.TakeSlowest();
        var samples = new List<double>(runs);
        var (queries, rows) = (0L, 0L);
        for (var run = 0; run < runs; run++)
        {
            var before = counter.Read();
            var watch = Stopwatch.StartNew();
            await RunAsync(load);
            samples.Add(watch.Elapsed.TotalMilliseconds);
            var after = counter.Read();
            (queries, rows) = (after.Commands - before.Commands, after.Rows - before.Rows);
        }

        var slowest = counter.TakeSlowest();
        return new PageResult(page, Statistics.Of(samples), queries, rows, slowest.Duration, slowest.Text, small.Queries, small.Rows);
    }

    private async Task RunAsync(Func<IServiceProvider, Task> load)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitCurrentUserProvider>().Adopt(user);
        await load(scope.ServiceProvider);
    }

    private static void Ok(Result result)
    {
        if (result.Status != ResultStatus.Ok)
        {
            throw new InvalidOperationException($"De pagina laadt niet: {result.Status} {result.Message}");
        }
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, Guid programme)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("programme", programme);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }
}
