using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Wijkaanpak.Data;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Common;
using Wijkaanpak.Domain.Monitoring;
using Wijkaanpak.Domain.Programmes;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Monitoring.Import;

/// <summary>
/// Imports a programme's measurements from a CSV file: analyse (format, preview, proposed or
/// remembered mapping), validate the whole file, and store it in one transaction. Storing streams
/// the file through a binary COPY into a temporary table and upserts from there, so memory stays
/// small and a repeated file changes nothing; the import itself is recorded through EF Core, so the
/// audit trail shows it. Cancelling, or any bad row, leaves nothing stored.
/// </summary>
public sealed class MeasurementImportService(
    IDbContextFactory<WijkaanpakDbContext> dbFactory,
    AccessGuard access,
    TimeProvider clock,
    ILogger<MeasurementImportService> logger)
{
    public const long MaxFileBytes = 250L * 1024 * 1024;

    public const string TooLargeMessage = "Het bestand is groter dan 250 MB. Splits het, bijvoorbeeld per jaar, en importeer de delen na elkaar.";

    public const string FileGoneMessage = "Het gekozen bestand is niet meer op de server. Kies het bestand opnieuw.";

    public const string ConnectionLostMessage = "De verbinding met de database viel weg tijdens de import. Er is niets opgeslagen; importeer het bestand opnieuw.";

    private const int MaxIndicatorNames = ImportMapping.MaxEntries;
    private const int ProgressEvery = 10_000;

    private const string CreateStagingSql = """
        CREATE TEMP TABLE import_cells (
            id uuid NOT NULL,
            indicator_id uuid NOT NULL,
            area_code varchar(10) NOT NULL,
            year integer NOT NULL,
            value numeric(20,6) NOT NULL,
            source_column varchar(300) NOT NULL
        ) ON COMMIT DROP
        """;

    private const string CopySql = "COPY import_cells (id, indicator_id, area_code, year, value, source_column) FROM STDIN (FORMAT BINARY)";

    // xmax = 0 tells an inserted row from an updated one; unchanged values are filtered out by the WHERE.
    private const string UpsertSql = """
        WITH upserted AS (
            INSERT INTO measurements AS m (id, indicator_id, area_code, year, value, source_name, source_column, import_id, recorded_at)
            SELECT id, indicator_id, area_code, year, value, @source_name, source_column, @import_id, @recorded_at FROM import_cells
            ON CONFLICT (indicator_id, area_code, year) DO UPDATE
                SET value = EXCLUDED.value,
                    source_name = EXCLUDED.source_name,
                    source_column = EXCLUDED.source_column,
                    import_id = EXCLUDED.import_id,
                    recorded_at = EXCLUDED.recorded_at
                WHERE m.value IS DISTINCT FROM EXCLUDED.value
            RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM upserted
        """;

    /// <summary>The programme, its indicators and the latest imports.</summary>
    public async Task<Result<ImportPageView>> GetPageAsync(ProgrammeId programmeId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ImportPageView>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = await db.Programmes.AsNoTracking().Where(programme => programme.Id == programmeId).Select(programme => programme.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return Result.ProgrammeNotFound().As<ImportPageView>();
        }

        var imports = await db.MeasurementImports.AsNoTracking()
            .Where(import => import.ProgrammeId == programmeId)
            .OrderByDescending(import => import.ImportedAt)
            .Take(10)
            .Select(import => new ImportHistoryItem(import.FileName, import.ImportedAt, import.ImportedBy.DisplayName, import.New, import.Changed, import.Unchanged))
            .ToListAsync(cancellationToken);
        return new ImportPageView(name, await IndicatorsAsync(db, programmeId, cancellationToken), imports);
    }

    /// <summary>
    /// Detects the format, shows the first rows, and proposes a mapping: the one remembered for
    /// this programme and header, or one guessed from the column names. With <paramref name="choice"/>
    /// the user's shape and columns are kept and (for a long file) the indicator names read again.
    /// </summary>
    public async Task<Result<ImportAnalysis>> AnalyseAsync(ProgrammeId programmeId, ImportFile file, ImportPlan? choice = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ImportAnalysis>();
        }

        if (TooLarge(file) is { } tooLarge)
        {
            return tooLarge.As<ImportAnalysis>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = await db.Programmes.AsNoTracking().Where(programme => programme.Id == programmeId).Select(programme => programme.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return Result.ProgrammeNotFound().As<ImportAnalysis>();
        }

        var indicators = await IndicatorsAsync(db, programmeId, cancellationToken);
        CsvInspection inspection;
        try
        {
            inspection = await Task.Run(() => CsvFormatDetector.Inspect(file.Path, cancellationToken), cancellationToken);
        }
        catch (UnreadableFileException unreadable)
        {
            return Result.RuleBroken(unreadable.Message).As<ImportAnalysis>();
        }

        var header = inspection.Header;
        var headerHash = CompiledPlan.HeaderHash(header);
        var remembered = await db.ImportMappings.AsNoTracking()
            .SingleOrDefaultAsync(mapping => mapping.ProgrammeId == programmeId && mapping.HeaderHash == headerHash, cancellationToken);
        var known = indicators.Select(indicator => indicator.Id).ToHashSet();
        var rememberedEntries = remembered?.Entries.Where(entry => known.Contains(entry.IndicatorId)).ToDictionary(entry => entry.Source, entry => entry.IndicatorId, StringComparer.Ordinal)
            ?? [];
        var plan = choice ?? (remembered is not null
            ? new ImportPlan
            {
                Shape = remembered.Shape,
                AreaColumn = remembered.AreaColumn,
                YearColumn = remembered.YearColumn,
                IndicatorColumn = remembered.IndicatorColumn,
                ValueColumn = remembered.ValueColumn,
                DecimalMark = inspection.Format.DecimalMark,
            }
            : ImportPlanGuesser.Guess(header, inspection.Format.DecimalMark, indicators, inspection.Preview));

        IReadOnlyList<string> names = [];
        var sources = plan.Shape == ImportShape.Wide
            ? header.Where(column => column != plan.AreaColumn && column != plan.YearColumn).ToList()
            : [];
        if (plan.Shape == ImportShape.Long && header.Contains(plan.IndicatorColumn))
        {
            try
            {
                names = await Task.Run(() => DistinctNames(file, inspection.Format, header.ToList().IndexOf(plan.IndicatorColumn!), cancellationToken), cancellationToken);
            }
            catch (UnreadableFileException unreadable)
            {
                return Result.RuleBroken(unreadable.Message).As<ImportAnalysis>();
            }

            sources = names.ToList();
        }

        var proposed = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            proposed[source] = choice?.Indicators.GetValueOrDefault(source)
                ?? (rememberedEntries.TryGetValue(source, out var id) ? id : ImportPlanGuesser.MatchIndicator(source, indicators));
        }

        plan.Indicators.Clear();
        foreach (var (source, id) in proposed)
        {
            plan.Indicators[source] = id;
        }

        var before = await db.MeasurementImports.AsNoTracking()
            .Where(import => import.ProgrammeId == programmeId && import.Sha256 == inspection.Format.Sha256)
            .MaxAsync(import => (DateTimeOffset?)import.ImportedAt, cancellationToken);
        return new ImportAnalysis(
            name,
            file.FileName,
            inspection.Format.EncodingName,
            inspection.Format.SeparatorName,
            inspection.Format.DecimalMark,
            inspection.UndecidableNumbers.Select(DecimalMarkEvidence.Example).ToList(),
            header,
            inspection.Preview,
            plan,
            remembered is not null && choice is null,
            names,
            indicators,
            before);
    }

    /// <summary>Checks every row of the file against the plan; stores nothing.</summary>
    public Task<Result<ImportReport>> ValidateAsync(ProgrammeId programmeId, ImportFile file, ImportPlan plan, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(programmeId, file, plan, store: false, progress, cancellationToken);

    /// <summary>
    /// Checks every row again and, when all are good, stores the values in one transaction with
    /// the record of the import and the remembered mapping. Any bad row, or cancelling, stores nothing.
    /// </summary>
    public Task<Result<ImportReport>> ImportAsync(ProgrammeId programmeId, ImportFile file, ImportPlan plan, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(programmeId, file, plan, store: true, progress, cancellationToken);

    private async Task<Result<ImportReport>> RunAsync(ProgrammeId programmeId, ImportFile file, ImportPlan plan, bool store, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(plan);
        if (await access.DenyAsync(Capability.EditProgramme, programmeId, cancellationToken) is { } denied)
        {
            return denied.As<ImportReport>();
        }

        if (TooLarge(file) is { } tooLarge)
        {
            return tooLarge.As<ImportReport>();
        }

        var started = Stopwatch.GetTimestamp();
        var user = await access.CurrentUserAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(programme => programme.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return Result.ProgrammeNotFound().As<ImportReport>();
        }

        var indicators = (await IndicatorsAsync(db, programmeId, cancellationToken)).ToDictionary(indicator => indicator.Id, indicator => indicator.Name);
        CsvInspection inspection;
        try
        {
            inspection = await Task.Run(() => CsvFormatDetector.Inspect(file.Path, cancellationToken), cancellationToken);
        }
        catch (UnreadableFileException unreadable)
        {
            return Result.RuleBroken(unreadable.Message).As<ImportReport>();
        }

        var (compiled, errors) = CompiledPlan.Compile(plan, inspection.Header, indicators, Measurement.LatestYear(clock.GetUtcNow()), inspection.Format.DecimalMark);
        if (compiled is null)
        {
            return Result.Invalid(errors).As<ImportReport>();
        }

        var interpreter = new MeasurementRowInterpreter(compiled, new AreaScope(programme.AreaCodes.Select(code => code.Value)));
        var before = await db.MeasurementImports.AsNoTracking()
            .Where(import => import.ProgrammeId == programmeId && import.Sha256 == inspection.Format.Sha256)
            .MaxAsync(import => (DateTimeOffset?)import.ImportedAt, cancellationToken);
        ImportReport Report(ImportOutcome outcome, int created = 0, int changed = 0, int unchanged = 0, Guid? importId = null) => new(
            outcome,
            interpreter.RowsRead,
            interpreter.Values,
            interpreter.MissingValues,
            interpreter.RowsOutsideProgramme,
            interpreter.AreasOutsideProgramme,
            interpreter.RowsIgnored,
            interpreter.ProblemCount,
            interpreter.Problems,
            created,
            changed,
            unchanged,
            importId,
            before,
            Stopwatch.GetElapsedTime(started));

        try
        {
            if (!store)
            {
                await Task.Run(() => Read(file, inspection.Format, interpreter, compiled, writer: null, progress, cancellationToken), cancellationToken);
                return Report(interpreter.ProblemCount == 0 ? ImportOutcome.Valid : ImportOutcome.Invalid);
            }

            // One transaction for staging, upsert, the import record and the mapping: all or nothing.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (var create = new NpgsqlCommand(CreateStagingSql, connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            long staged;
            await using (var writer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken))
            {
                staged = await Task.Run(() => Read(file, inspection.Format, interpreter, compiled, writer, progress, cancellationToken), cancellationToken);
                if (interpreter.ProblemCount > 0)
                {
                    // Disposing the writer without completing it aborts the COPY; the transaction rolls back.
                    return Report(ImportOutcome.Invalid);
                }

                await writer.CompleteAsync(cancellationToken);
            }

            progress?.Report(new ImportProgress(interpreter.RowsRead, interpreter.RowsRead, staged, ImportStage.Storing));
            var readSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var import = MeasurementImport.Start(programmeId, file.FileName, inspection.Format.Sha256, plan.Shape, user.ToUserRef(), clock.GetUtcNow());
            var (created, changed) = await UpsertAsync(connection, import, cancellationToken);
            var unchanged = (int)staged - created - changed;
            import.Complete(new ImportCounts(interpreter.RowsRead, interpreter.MissingValues, interpreter.RowsOutsideProgramme, created, changed, unchanged));
            db.MeasurementImports.Add(import);
            await RememberAsync(db, programmeId, inspection.Header, plan, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Report(new ImportProgress(interpreter.RowsRead, interpreter.RowsRead, staged, ImportStage.Done));
            var report = Report(ImportOutcome.Imported, created, changed, unchanged, import.Id);
            logger.LogInformation(
                "Import {ImportId} van {FileName} in programma {ProgrammeId}: {Rows} regels, {New} nieuw, {Changed} gewijzigd, {Unchanged} ongewijzigd in {Seconds:F2} s (lezen en klaarzetten {ReadSeconds:F2} s)",
                import.Id,
                file.FileName,
                programmeId,
                interpreter.RowsRead,
                created,
                changed,
                unchanged,
                report.Duration.TotalSeconds,
                readSeconds);
            return report;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Import van {FileName} in programma {ProgrammeId} geannuleerd na {Rows} regels", file.FileName, programmeId, interpreter.RowsRead);
            return Report(ImportOutcome.Cancelled);
        }
        catch (DomainRuleException broken)
        {
            return Result.RuleBroken(broken.Message).As<ImportReport>();
        }
        catch (UnreadableFileException unreadable)
        {
            return Result.RuleBroken(unreadable.Message).As<ImportReport>();
        }
        catch (NpgsqlException lost) when (ConnectionLost(lost) && !cancellationToken.IsCancellationRequested)
        {
            // The transaction dies with its connection, so nothing is stored; what a restarted server sees too.
            logger.LogWarning(lost, "Import van {FileName} in programma {ProgrammeId} afgebroken na {Rows} regels: de databaseverbinding viel weg", file.FileName, programmeId, interpreter.RowsRead);
            return Result.RuleBroken(ConnectionLostMessage).As<ImportReport>();
        }
    }

    /// <summary>A broken connection (I/O, or the server ending the session: 08xxx, 57P0x), not an error in the SQL or the data.</summary>
    private static bool ConnectionLost(NpgsqlException failure) =>
        failure is not PostgresException postgres || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal);

    /// <summary>
    /// The one pass over the rows: interpret each, and while no row is bad send its values to the
    /// COPY. Runs synchronously on a pool thread: Sep's rows are spans and cannot cross an await.
    /// </summary>
    private static long Read(ImportFile file, CsvFormat format, MeasurementRowInterpreter interpreter, CompiledPlan plan, NpgsqlBinaryImporter? writer, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var stream = CsvFormatDetector.OpenRead(file.Path);
        using var rows = CsvRows.Open(stream, format);
        var cells = new List<ImportCell>(Math.Max(4, plan.WideColumns.Count));
        long read = 0;
        long staged = 0;
        while (rows.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            read++;
            interpreter.Interpret(rows, cells);
            if (writer is not null && interpreter.ProblemCount == 0)
            {
                foreach (var cell in cells)
                {
                    writer.StartRow();
                    writer.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    writer.Write(plan.Slots[cell.Slot].Id, NpgsqlDbType.Uuid);
                    writer.Write(cell.AreaCode, NpgsqlDbType.Varchar);
                    writer.Write(cell.Year, NpgsqlDbType.Integer);
                    writer.Write(cell.Value, NpgsqlDbType.Numeric);
                    writer.Write(cell.SourceColumn, NpgsqlDbType.Varchar);
                    staged++;
                }
            }

            if (read % ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress(read, interpreter.RowsRead, staged, ImportStage.Reading));
            }
        }

        progress?.Report(new ImportProgress(read, interpreter.RowsRead, staged, ImportStage.Reading));
        return staged;
    }

    private async Task<(int Created, int Changed)> UpsertAsync(NpgsqlConnection connection, MeasurementImport import, CancellationToken cancellationToken)
    {
        // One statement for the whole file: a million rows take longer than Npgsql's default 30 s
        // (the benchmark's import of 1,000,000 rows timed out). The user's cancellation still stops it.
        await using var upsert = new NpgsqlCommand(UpsertSql, connection) { CommandTimeout = 0 };
        upsert.Parameters.AddWithValue("source_name", NpgsqlDbType.Varchar, import.FileName);
        upsert.Parameters.AddWithValue("import_id", NpgsqlDbType.Uuid, import.Id);
        upsert.Parameters.AddWithValue("recorded_at", NpgsqlDbType.TimestampTz, clock.GetUtcNow());
        await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    private static async Task RememberAsync(WijkaanpakDbContext db, ProgrammeId programmeId, IReadOnlyList<string> header, ImportPlan plan, CancellationToken cancellationToken)
    {
        var hash = CompiledPlan.HeaderHash(header);
        var details = new ImportMappingDetails(
            plan.Shape,
            plan.AreaColumn!,
            plan.YearColumn,
            plan.Shape == ImportShape.Long ? plan.IndicatorColumn : null,
            plan.Shape == ImportShape.Long ? plan.ValueColumn : null,
            plan.Indicators.Where(pair => pair.Value is not null).Select(pair => (pair.Key, new IndicatorId(pair.Value!.Value))).ToList());
        var existing = await db.ImportMappings.SingleOrDefaultAsync(mapping => mapping.ProgrammeId == programmeId && mapping.HeaderHash == hash, cancellationToken);
        if (existing is null)
        {
            db.ImportMappings.Add(ImportMapping.Remember(programmeId, hash, details, DateTimeOffset.UtcNow));
        }
        else
        {
            existing.Change(details, DateTimeOffset.UtcNow);
        }
    }

    private static IReadOnlyList<string> DistinctNames(ImportFile file, CsvFormat format, int column, CancellationToken cancellationToken)
    {
        using var stream = CsvFormatDetector.OpenRead(file.Path);
        using var rows = CsvRows.Open(stream, format);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        while (rows.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (column < rows.ColumnCount && !rows[column].IsEmpty && !lookup.Contains(rows[column]) && lookup.Add(rows[column]) && names.Count > MaxIndicatorNames)
            {
                throw new UnreadableFileException(
                    $"De gekozen indicatorkolom heeft meer dan {MaxIndicatorNames} verschillende namen. Is dit de kolom met de indicatornaam?");
            }
        }

        return names.Order(StringComparer.CurrentCulture).ToList();
    }

    private static async Task<IReadOnlyList<IndicatorChoice>> IndicatorsAsync(WijkaanpakDbContext db, ProgrammeId programmeId, CancellationToken cancellationToken) =>
        await db.Indicators.AsNoTracking()
            .Where(indicator => indicator.ProgrammeId == programmeId)
            .OrderBy(indicator => indicator.Name)
            .Select(indicator => new IndicatorChoice(indicator.Id.Value, indicator.Name, indicator.Unit))
            .ToListAsync(cancellationToken);

    /// <summary>An upload that is gone (a restarted server cleans its temporary files) or too large is refused before reading.</summary>
    private static Result? TooLarge(ImportFile file) => new FileInfo(file.Path) switch
    {
        { Exists: false } => Result.RuleBroken(FileGoneMessage),
        { Length: > MaxFileBytes } => Result.RuleBroken(TooLargeMessage),
        _ => null,
    };
}
