using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wijkaanpak.Benchmarks;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.TestSupport;
using Wijkaanpak.Web.Features.Decisions;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

// dotnet run -c Release --project tests/Wijkaanpak.Benchmarks -- --programmes 500
// Options: --programmes N (500), --runs R (20), --import-rows 100000,1000000, --import-runs 3, --start-runs 5,
// --circuits 50,100,200 (0: none; needs Chromium at /usr/bin/chromium), --users 1,10,50 (0: none), --interaction-rounds 10,
// --output docs/benchmarks.md, --database "Host=…;Database=…" (a database of your own that keeps the data set between runs).
// 0 for --import-rows, --start-runs, --circuits or --users leaves that part out.
var options = Options.Parse(args);

// WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the
// working directory; `dotnet run` starts in the caller's folder, a test runner in the output folder.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var culture = CultureInfo.GetCultureInfo("nl-NL");
var total = Stopwatch.StartNew();
void Log(string message) => Console.WriteLine($"[{total.Elapsed:mm\\:ss}] {message}");

Log("PostgreSQL starten en een gemigreerde database maken");
var database = options.Database is { } own ? new BenchmarkDatabase(own, "eigen database") : await BenchmarkDatabase.CreateAsync();
await using var db = database.CreateContext();
await db.Database.MigrateAsync();
// Building the data set takes minutes; a database of one's own that already holds it skips that.
var reusesDataSet = await db.Programmes.CountAsync() >= options.Programmes;
Log($"Voorbeeldgegevens laten aanmaken door de app zelf ({database.Kind})");
// On a real port: the circuit measurement connects a browser to it.
await using var app = new WijkaanpakAppFactory(database.ConnectionString, onRealPort: true);
var address = app.ServerAddress;

var staff = await db.Users.AsNoTracking().SingleAsync(user => user.NormalizedEmail == "PROGRAMMABUREAU@WIJKAANPAK.EXAMPLE");
var user = new CurrentUser(staff.Id, staff.DisplayName, new HashSet<Role> { Role.Programmabureau }, staff.OrganisationId);
var administratorAccount = await db.Users.AsNoTracking().SingleAsync(account => account.NormalizedEmail == "BEHEER@WIJKAANPAK.EXAMPLE");
var administrator = new CurrentUser(administratorAccount.Id, administratorAccount.DisplayName, new HashSet<Role> { Role.Beheerder }, administratorAccount.OrganisationId);
var programme = (await db.Programmes.AsNoTracking().SingleAsync(candidate => candidate.Name == "Westwijk Vooruit")).Id;

// Query counts on the small demo programme first: the same pages after growing must not need more (no N+1).
using var counter = QueryCounter.Start();
var pages = new PageBenchmark(app.Services, user, counter);
var pageList = await PageBenchmark.PagesAsync(database.ConnectionString, programme, administrator);
var smallCounts = new Dictionary<string, (long Queries, long Rows)>(StringComparer.Ordinal);
var seeding = Stopwatch.StartNew();
if (!reusesDataSet)
{
    foreach (var (page, load) in pageList)
    {
        smallCounts[page] = await pages.CountAsync(load);
    }

    Log($"Gegevensset opbouwen voor {options.Programmes} programma's");
    await RecordDecisionsAsync();
    await new ProgrammeGrower(database.CreateContext, Log).GrowAsync(programme, new UserRef(staff.Id, staff.DisplayName));
    await new DataSetSeeder(database.ConnectionString, Log).SeedAsync(programme, options.Programmes);
}

var seedTime = seeding.Elapsed;
var counts = await RowCountsAsync(database.ConnectionString);
Log($"Gegevensset klaar in {seedTime.TotalMinutes:F1} min: {counts.Sum(count => count.Rows):N0} rijen");

const string Password = "Wijkaanpak-demo-2026";
var circuitResults = new List<CircuitBenchmark.CircuitResult>();
var interactionResults = new List<InteractionBenchmark.InteractionResult>();
if (options.Circuits.Count > 0)
{
    var circuits = new CircuitBenchmark(database.ConnectionString);
    foreach (var (page, path, email) in new[]
             {
                 ("Dashboard raadslid", $"/programmas/{programme.Value}/dashboard", "raadslid@wijkaanpak.example"),
                 ("Programma-overzicht", $"/programmas/{programme.Value}", "programmabureau@wijkaanpak.example"),

                 // The floor under every page: the layout, the menu and the circuit itself, around one line of text.
                 ("Alleen de opmaak (pagina 'Geen toegang')", "/geen-toegang", "raadslid@wijkaanpak.example"),
             })
    {
        foreach (var result in await circuits.MeasureAsync(page, path, options.Circuits, email, Password))
        {
            circuitResults.Add(result);
            Log($"{page}, {result.Circuits} circuits ({result.Interactive} verbonden): {result.HeapKilobytesPerCircuit:F0} KB beheerde heap en {result.WorkingSetKilobytesPerCircuit:F0} KB werkgeheugen per circuit");
        }
    }
}

if (options.Users.Count > 0)
{
    // Each user answers in a programme of their own: the programme bureau is a member of every copy.
    var checklistCode = "7.1";
    var questionKey = (await db.ProgrammeChecklists.AsNoTracking()
        .Where(checklist => checklist.ProgrammeId == programme && checklist.BuildingBlockCode == checklistCode)
        .Select(checklist => checklist.QuestionKeys)
        .FirstAsync()).First();
    var ownProgrammes = (await db.ProgrammeMembers.AsNoTracking()
            .Where(member => member.UserId == staff.Id)
            .Select(member => member.ProgrammeId)
            .ToListAsync())
        .Select(id => id.Value)
        .Order()
        .Take(options.Users.Max())
        .ToList();
    using var serverEvents = new ServerEventTimer();
    var interactions = new InteractionBenchmark(address, ownProgrammes, checklistCode, questionKey, serverEvents);
    foreach (var result in await interactions.MeasureAsync(options.Users, options.InteractionRounds, "programmabureau@wijkaanpak.example", Password))
    {
        interactionResults.Add(result);
        Log(result.Failure is not null ? $"{result.Action}: niet gemeten: {result.Failure}" : $"{result.Action}, {result.Users} gebruikers tegelijk: mediaan {result.Milliseconds.Median:F0} ms, p95 {result.Milliseconds.P95:F0} ms ({result.Milliseconds.Runs} metingen); server {result.ServerMilliseconds.Median:F0} / {result.ServerMilliseconds.P95:F0} ms ({result.ServerMilliseconds.Runs})");
    }
}

var pageResults = new List<PageBenchmark.PageResult>();
foreach (var (page, load) in pageList)
{
    var result = await pages.MeasureAsync(page, load, options.Runs, smallCounts.GetValueOrDefault(page, (-1, -1)));
    pageResults.Add(result);
    Log($"{page}: mediaan {result.Milliseconds.Median:F1} ms, p95 {result.Milliseconds.P95:F1} ms, {result.Queries} queries ({result.SmallQueries} op het kleine programma), {result.Rows:N0} rijen; traagste query {result.SlowestQuery.TotalMilliseconds:F1} ms:");
    Log("    " + result.SlowestQueryText.ReplaceLineEndings(" "));
}

var reportResults = new List<PageBenchmark.PageResult>();
foreach (var (document, load) in await PageBenchmark.ReportsAsync(database.ConnectionString, programme))
{
    var result = await pages.MeasureAsync(document, load, options.Runs, await pages.CountAsync(load));
    reportResults.Add(result);
    Log($"{document}: mediaan {result.Milliseconds.Median:F1} ms, p95 {result.Milliseconds.P95:F1} ms, {result.Queries} queries, {result.Rows:N0} rijen");
}

var importFolder = Directory.CreateTempSubdirectory("wijkaanpak-benchmark-").FullName;
var importResults = new List<ImportBenchmark.ImportResult>();
try
{
    var import = new ImportBenchmark(app.Services, user, database.ConnectionString, importFolder);
    foreach (var rows in options.ImportRows)
    {
        var result = await import.MeasureAsync(programme, "WK062203", rows, options.ImportRuns);
        importResults.Add(result);
        Log($"Import {rows:N0} rijen: {result.ImportSeconds.Median:F2} s (analyse {result.AnalyseSeconds.Median:F2} s) tegen COPY {result.CopySeconds.Median:F2} s ({result.Ratio:F1}×) en COPY in measurements {result.TableCopySeconds.Median:F2} s ({result.TableRatio:F1}×)");
    }
}
finally
{
    Directory.Delete(importFolder, recursive: true);
}

ColdStart.StartResult? existing = null, fresh = null, unpublished = null;
if (options.StartRuns > 0)
{
    Log("Koude start");
    var published = Directory.CreateTempSubdirectory("wijkaanpak-published-").FullName;
    try
    {
        var assembly = await ColdStart.PublishReadyToRunAsync(published);
        existing = await ColdStart.ExistingDatabaseAsync(database.ConnectionString, options.StartRuns, assembly);
        unpublished = await ColdStart.ExistingDatabaseAsync(database.ConnectionString, options.StartRuns);
        fresh = await ColdStart.FreshDatabaseAsync(options.StartRuns, assembly);
    }
    finally
    {
        Directory.Delete(published, recursive: true);
    }

    Log($"Koude start: bestaande database {existing.Seconds.Median:F2} s ({existing.ProcessorSeconds.Median:F2} s processortijd; zonder ReadyToRun {unpublished.Seconds.Median:F2} s, {unpublished.ProcessorSeconds.Median:F2} s), nieuwe database {fresh.Seconds.Median:F2} s");
}

var report = await ReportAsync();
Console.WriteLine();
Console.WriteLine(report);
var output = Path.Combine(AppProcess.RepositoryRoot, options.Output);
await File.WriteAllTextAsync(output, report);
Log($"Geschreven naar {output}");
return 0;

async Task<string> ReportAsync()
{
    string Ms(double value) => value.ToString("F1", culture);
    string S(double value) => value.ToString("F2", culture);
    var text = new StringBuilder();
    text.AppendLine("# Prestaties gemeten");
    text.AppendLine();
    text.AppendLine("Gemaakt door `dotnet run -c Release --project tests/Wijkaanpak.Benchmarks -- " + string.Join(' ', args) + "`");
    text.AppendLine(CultureInfo.InvariantCulture, $"op {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Uitleg en doelen: [operations.md](operations.md).");
    text.AppendLine();
    text.AppendLine("## Machine");
    text.AppendLine();
    text.AppendLine("| | |");
    text.AppendLine("|---|---|");
    text.AppendLine(CultureInfo.InvariantCulture, $"| Processor | {CpuModel()} |");
    text.AppendLine(CultureInfo.InvariantCulture, $"| Kernen | {Environment.ProcessorCount} |");
    text.AppendLine(CultureInfo.InvariantCulture, $"| Geheugen | {MemoryGigabytes().ToString("F0", culture)} GB |");
    text.AppendLine(CultureInfo.InvariantCulture, $"| Besturingssysteem | {OperatingSystemName()} |");
    text.AppendLine(CultureInfo.InvariantCulture, $"| .NET | {RuntimeInformation.FrameworkDescription} |");
    text.AppendLine(CultureInfo.InvariantCulture, $"| PostgreSQL | {await PostgresVersionAsync()} ({database.Kind}, zelfde machine) |");
    text.AppendLine();
    text.AppendLine("## Gegevensset");
    text.AppendLine();
    text.AppendLine(reusesDataSet
        ? $"{options.Programmes} programma's gevraagd; de gegevensset van een eerdere ronde in de eigen database is hergebruikt. Rijen per tabel:"
        : $"{options.Programmes} programma's gevraagd; opgebouwd in {seedTime.TotalMinutes.ToString("F1", culture)} minuten. Rijen per tabel:");
    text.AppendLine();
    text.AppendLine("| Tabel | Rijen |");
    text.AppendLine("|---|---:|");
    foreach (var (table, rows) in counts.Where(count => count.Rows > 0))
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"| {table} | {rows.ToString("N0", culture)} |");
    }

    text.AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"## Pagina's (serverkant, programma Westwijk Vooruit, {options.Runs} keer na {PageBenchmark.WarmUpRounds} opwarmrondes)");
    text.AppendLine();
    text.AppendLine("| Pagina | Mediaan (ms) | p95 (ms) | SQL-queries | Rijen gelezen | Traagste query (ms) | Klein programma: queries (rijen) | Queries groeien niet mee |");
    text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
    foreach (var page in pageResults)
    {
        var small = page.SmallQueries < 0
            ? "– | –"
            : $"{page.SmallQueries} ({page.SmallRows.ToString("N0", culture)}) | {(page.QueriesIndependentOfRows ? "ja" : "**nee**")}";
        text.AppendLine(CultureInfo.InvariantCulture, $"| {page.Page} | {Ms(page.Milliseconds.Median)} | {Ms(page.Milliseconds.P95)} | {page.Queries} | {page.Rows.ToString("N0", culture)} | {Ms(page.SlowestQuery.TotalMilliseconds)} | {small} |");
    }

    text.AppendLine();
    text.AppendLine("Klein programma: dezelfde pagina's op de voorbeeldgegevens vóór het groeien (Westwijk Vooruit met enkele rijen per tabel, vier programma's in de portefeuille); – bij een hergebruikte gegevensset.");

    text.AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"## Voortgangsrapportage maken (programma Westwijk Vooruit, {options.Runs} keer na {PageBenchmark.WarmUpRounds} opwarmrondes)");
    text.AppendLine();
    text.AppendLine("| Document | Mediaan (ms) | p95 (ms) | SQL-queries | Rijen gelezen |");
    text.AppendLine("|---|---:|---:|---:|---:|");
    foreach (var report in reportResults)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"| {report.Page} | {Ms(report.Milliseconds.Median)} | {Ms(report.Milliseconds.P95)} | {report.Queries} | {report.Rows.ToString("N0", culture)} |");
    }

    text.AppendLine();
    text.AppendLine("## Geheugen per circuit (open tabs in Chromium, na een volledige garbage collection)");
    text.AppendLine();
    if (circuitResults.Count == 0)
    {
        text.AppendLine("Niet gemeten in deze ronde (`--circuits 0`).");
    }
    else
    {
        text.AppendLine("| Pagina | Open circuits | Nog verbonden | Beheerde heap per circuit (KB) | Werkgeheugen per circuit (KB) |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var circuit in circuitResults)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {circuit.Page} | {circuit.Circuits} | {circuit.Interactive} | {circuit.HeapKilobytesPerCircuit.ToString("F0", culture)} | {circuit.WorkingSetKilobytesPerCircuit.ToString("F0", culture)} |");
        }

        text.AppendLine();
        text.AppendLine("De app draait per pagina als eigen proces (`dotnet Wijkaanpak.Web.dll`); de heap is wat `dotnet-gcdump` na een volledige garbage collection levend vindt. "
            + "Nog verbonden: tabs waarvan de pagina bij het meten nog in haar circuit draaide.");
    }

    text.AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"## Reactietijd over het circuit (in de browser, van klik tot bijgewerkt scherm, {options.InteractionRounds} rondes)");
    text.AppendLine();
    if (interactionResults.Count == 0)
    {
        text.AppendLine("Niet gemeten in deze ronde (`--users 0`).");
    }
    else
    {
        text.AppendLine("| Handeling | Gebruikers tegelijk | Mediaan (ms) | p95 (ms) | Metingen | Server: mediaan (ms) | Server: p95 (ms) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var interaction in interactionResults.Where(interaction => interaction.Failure is null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {interaction.Action} | {interaction.Users} | {Ms(interaction.Milliseconds.Median)} | {Ms(interaction.Milliseconds.P95)} | {interaction.Milliseconds.Runs} | {Ms(interaction.ServerMilliseconds.Median)} | {Ms(interaction.ServerMilliseconds.P95)} |");
        }

        foreach (var failed in interactionResults.Where(interaction => interaction.Failure is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {failed.Action} | – | niet gemeten: {failed.Failure} | | | | |");
        }

        text.AppendLine();
        text.AppendLine("Elke gebruiker werkt in een eigen tabblad (eigen circuit) in een eigen programma; alle gebruikers klikken tegelijk. "
            + "Server: hoe lang de app zelf de klik afhandelde (ASP.NET Core's meting `aspnetcore.components.handle_event.duration`, met de dienstaanroep en de database), zonder browser en netwerk; "
            + "de browsers draaien op dezelfde twee kernen als de server.");
    }

    text.AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"## CSV-import tegen PostgreSQL's eigen COPY ({options.ImportRuns} keer)");
    text.AppendLine();
    if (importResults.Count == 0)
    {
        text.AppendLine("Niet gemeten in deze ronde (`--import-rows 0`).");
    }
    else
    {
        text.AppendLine("| Metingen | Import mediaan (s) | Import p95 (s) | waarvan analyse (s) | Rijen/s | COPY bestand (s) | Verhouding | COPY in measurements (s) | Verhouding |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var import in importResults)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {import.Rows.ToString("N0", culture)} | {S(import.ImportSeconds.Median)} | {S(import.ImportSeconds.P95)} | {S(import.AnalyseSeconds.Median)} | {(import.Rows / import.ImportSeconds.Median).ToString("N0", culture)} | {S(import.CopySeconds.Median)} | {import.Ratio.ToString("F1", culture)}× | {S(import.TableCopySeconds.Median)} | {import.TableRatio.ToString("F1", culture)}× |");
        }

        text.AppendLine();
        text.AppendLine("Import: analyseren en importeren zoals een gebruiker het doet (mediaan). COPY bestand: PostgreSQL's COPY van hetzelfde CSV-bestand als tekst in een kale tabel. "
            + "COPY in measurements: dezelfde, al ingelezen rijen binair in de echte tabel met haar indexen (teruggedraaid).");
    }

    text.AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"## Koude start tot 200 op /health ({options.StartRuns} keer, Production)");
    text.AppendLine();
    if (existing is null || fresh is null || unpublished is null)
    {
        text.AppendLine("Niet gemeten in deze ronde (`--start-runs 0`).");
        return text.ToString();
    }

    text.AppendLine("| Database | Mediaan (s) | p95 (s) | Processortijd van de app, mediaan (s) |");
    text.AppendLine("|---|---:|---:|---:|");
    text.AppendLine(CultureInfo.InvariantCulture, $"| Bestaand (de gegevensset hierboven), gepubliceerd met ReadyToRun | {S(existing.Seconds.Median)} | {S(existing.Seconds.P95)} | {S(existing.ProcessorSeconds.Median)} |");
    text.AppendLine(CultureInfo.InvariantCulture, $"| Bestaand, de bouwuitvoer zonder ReadyToRun (`dotnet build`) | {S(unpublished.Seconds.Median)} | {S(unpublished.Seconds.P95)} | {S(unpublished.ProcessorSeconds.Median)} |");
    text.AppendLine(CultureInfo.InvariantCulture, $"| Nieuw (`--migrate`, dan starten), gepubliceerd met ReadyToRun | {S(fresh.Seconds.Median)} | {S(fresh.Seconds.P95)} | {S(fresh.ProcessorSeconds.Median)} |");
    text.AppendLine();
    text.AppendLine("Processortijd: wat de app tot de eerste 200 aan rekentijd gebruikte (alle threads, zonder `--migrate`); die groeit niet als andere processen de machine delen, de kloktijd wel. "
        + "Gepubliceerd zoals de Dockerfile het doet: `dotnet publish -c Release -r linux-x64 -p:PublishReadyToRun=true`.");
    return text.ToString();
}

// The demo data has no decisions besides the process's own; a few through the service are what the seeder multiplies.
async Task RecordDecisionsAsync()
{
    for (var number = 1; number <= 3; number++)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitCurrentUserProvider>().Adopt(user);
        var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
        var log = (await decisions.GetLogAsync(programme)).Value!;
        var recorded = await decisions.RecordDecisionAsync(programme, new DecisionEditModel
        {
            ProgrammeVersion = log.ProgrammeVersion,
            Title = $"Stuurgroepbesluit {number}",
            DecidedOn = new DateTime(2024, number, 15, 0, 0, 0, DateTimeKind.Unspecified),
            DecidedBy = "Stuurgroep Westwijk",
            Rationale = "Vastgesteld op voorstel van het programmabureau na bespreking met de kernpartners.",
        });
        if (recorded.Status != ResultStatus.Ok)
        {
            throw new InvalidOperationException($"Besluit niet vastgelegd: {recorded.Message}");
        }
    }
}

async Task<string> PostgresVersionAsync()
{
    await using var connection = new NpgsqlConnection(database.ConnectionString);
    await connection.OpenAsync();
    return connection.PostgreSqlVersion.ToString();
}

// Counted, not read from PostgreSQL's statistics: those are lost when the server stops without a
// checkpoint, and then a reused data set of 19 million rows showed as a few thousand.
static async Task<List<(string Table, long Rows)>> RowCountsAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var tables = new List<string>();
    await using (var list = new NpgsqlCommand(
        "SELECT quote_ident(schemaname) || '.' || quote_ident(relname) FROM pg_stat_user_tables WHERE relname <> '__EFMigrationsHistory'", connection))
    await using (var reader = await list.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
    }

    var counts = new List<(string, long)>();
    foreach (var table in tables)
    {
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        counts.Add((table.Split('.')[1].Trim('"'), (long)(await count.ExecuteScalarAsync())!));
    }

    return counts.OrderByDescending(count => count.Item2).ThenBy(count => count.Item1, StringComparer.Ordinal).ToList();
}

static string CpuModel() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "onbekend"
        : RuntimeInformation.ProcessArchitecture.ToString();

static double MemoryGigabytes()
{
    var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(text => text.StartsWith("MemTotal", StringComparison.Ordinal)) : null;
    return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024d / 1024d;
}

static string OperatingSystemName()
{
    var release = File.Exists("/etc/os-release") ? File.ReadLines("/etc/os-release").FirstOrDefault(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)) : null;
    return release?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
}

/// <summary>The command line; every option has the default of the full run.</summary>
internal sealed record Options(int Programmes, int Runs, IReadOnlyList<long> ImportRows, int ImportRuns, int StartRuns, IReadOnlyList<int> Circuits, IReadOnlyList<int> Users, int InteractionRounds, string Output, string? Database)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        List<int> Counts(string name, string fallback) =>
            (Value(name) ?? fallback).Split(',').Select(text => int.Parse(text, CultureInfo.InvariantCulture)).Where(count => count > 0).ToList();

        return new Options(
            Number("--programmes", 500),
            Number("--runs", 20),
            (Value("--import-rows") ?? "100000,1000000").Split(',').Select(text => long.Parse(text, CultureInfo.InvariantCulture)).Where(rows => rows > 0).ToList(),
            Number("--import-runs", 3),
            Number("--start-runs", 5),
            Counts("--circuits", "50,100,200"),
            Counts("--users", "1,10,50"),
            Number("--interaction-rounds", 10),
            Value("--output") ?? Path.Combine("docs", "benchmarks.md"),
            Value("--database"));
    }
}
