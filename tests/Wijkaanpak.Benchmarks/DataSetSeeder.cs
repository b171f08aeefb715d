using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Wijkaanpak.Domain.Programmes;

namespace Wijkaanpak.Benchmarks;

/// <summary>
/// Turns the demo data (seeded by the app itself, so every row is one the domain can make) into the
/// large data set: only the demo programme that <see cref="ProgrammeGrower"/> made full is kept, it
/// grows to the sizes of a long-running approach, and then it is copied until there are enough, so
/// that every programme of the set has the full size. Copies are made inside PostgreSQL with
/// <c>INSERT … SELECT</c> (no rows cross the network, faster than a client-side COPY); every id is
/// mapped by <c>md5(id:copy)</c>, the same mapping in every table, so references stay consistent
/// without a lookup table. Shared rows (organisations, users, checklist templates) are not copied.
/// </summary>
internal sealed class DataSetSeeder(string connectionString, Action<string> log)
{
    /// <summary>Per programme: table → rows wanted (the issue's "large realistic set").</summary>
    public static readonly IReadOnlyDictionary<string, int> GrownPerProgramme = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["interventions"] = 200,
        ["budget_lines"] = 300,
        ["indicators"] = 60,
        ["decisions"] = 2_000,
        ["audit_entries"] = 20_000,
    };

    /// <summary>Measurements per indicator: 20 areas × 10 years.</summary>
    public const int Areas = 20;
    public const int Years = 10;

    /// <summary>uuid columns that point at shared rows and therefore keep their value in a copy.</summary>
    private static readonly HashSet<string> SharedReferences = new(StringComparer.Ordinal)
    {
        "user_id", "organisation_id", "funder_id", "template_id", "role_id",
    };

    public async Task SeedAsync(ProgrammeId template, int programmes)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // Copies are made in an order that foreign keys would not allow (programmes and decisions
        // point at each other); the mapping keeps them consistent, so the triggers may rest.
        await ExecuteAsync(connection, "SET session_replication_role = replica");
        var schema = await Schema.ReadAsync(connection);
        await KeepOnlyAsync(connection, schema, template);

        foreach (var (table, wanted) in GrownPerProgramme)
        {
            var largest = await ScalarAsync(connection, $"SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM {table} GROUP BY programme_id) counts");
            if (largest == 0)
            {
                log($"  {table}: geen voorbeeldrijen om te vermenigvuldigen");
                continue;
            }

            var copies = (int)Math.Ceiling(wanted / (double)largest) - 1;
            if (copies <= 0)
            {
                continue;
            }

            // Growing within a programme: the programme and tables that do not grow keep their ids.
            var grown = new HashSet<string>(StringComparer.Ordinal) { table };
            if (table == "indicators")
            {
                grown.Add("measurements");
            }

            foreach (var part in grown)
            {
                await CopyAsync(connection, schema, part, copies, "grow", remapped: grown, renameColumns: ["name", "title"]);
            }
        }

        await AddMeasurementsAsync(connection);

        var existing = await ScalarAsync(connection, "SELECT count(*) FROM programmes");
        var rounds = (int)Math.Ceiling(programmes / (double)existing) - 1;
        if (rounds > 0)
        {
            var owned = schema.ProgrammeOwnedTables();
            foreach (var table in owned)
            {
                await CopyAsync(connection, schema, table, rounds, "programme", remapped: owned, renameColumns: table == "programmes" ? ["name"] : []);
            }
        }

        await ExecuteAsync(connection, "SET session_replication_role = DEFAULT");
        await ExecuteAsync(connection, "VACUUM ANALYZE");
    }

    /// <summary>
    /// Deletes the other demo programmes with everything that hangs from them (children first), so
    /// that the copies are all of the full programme; rows of no programme (shared audit entries,
    /// organisations, users) stay.
    /// </summary>
    private async Task KeepOnlyAsync(NpgsqlConnection connection, Schema schema, ProgrammeId template)
    {
        var owned = schema.ProgrammeOwnedTablesInOrder();
        var deleted = 0;
        foreach (var table in owned.AsEnumerable().Reverse())
        {
            deleted += await ExecuteAsync(connection, $"DELETE FROM {Quote(table)} AS t0 WHERE ({schema.BelongsTo(table, "t0", template.Value, owned.ToHashSet(StringComparer.Ordinal), 0)}) IS FALSE");
        }

        log($"  alleen het volle programma bewaard: {deleted:N0} rijen van de andere voorbeeldprogramma's verwijderd");
    }

    /// <summary>20 areas × 10 years for every indicator: the values a decade of CBS files would leave.</summary>
    private async Task AddMeasurementsAsync(NpgsqlConnection connection)
    {
        var watch = Stopwatch.StartNew();
        var added = await ExecuteAsync(connection, $"""
            INSERT INTO measurements (id, indicator_id, area_code, year, value, recorded_at, source_name, source_column)
            SELECT md5(i.id::text || ':' || area || ':' || year)::uuid, i.id,
                   'BU' || substr(coalesce((SELECT min(m.area_code) FROM measurements m WHERE m.indicator_id = i.id AND m.area_code LIKE 'WK%'), 'WK000000'), 3, 6) || lpad(area::text, 2, '0'),
                   year, round((random() * 100)::numeric, 1), now(), 'benchmark', i.name
            FROM indicators i, generate_series(1, {Areas}) AS area, generate_series(2016, {2016 + Years - 1}) AS year
            ON CONFLICT DO NOTHING
            """);
        log($"  measurements: {added:N0} toegevoegd in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary><paramref name="salt"/> keeps the ids of one kind of copy apart from those of another.</summary>
    private async Task CopyAsync(NpgsqlConnection connection, Schema schema, string table, int copies, string salt, IReadOnlySet<string> remapped, IReadOnlyList<string> renameColumns)
    {
        var columns = schema.Columns[table].Where(column => !column.Generated).ToList();
        var targets = string.Join(", ", columns.Select(column => Quote(column.Name)));
        var values = string.Join(", ", columns.Select(column => Expression(schema, table, column, salt, remapped, renameColumns)));
        var watch = Stopwatch.StartNew();
        var rows = await ExecuteAsync(connection, $"INSERT INTO {Quote(table)} ({targets}) SELECT {values} FROM {Quote(table)} CROSS JOIN generate_series(1, {copies}) AS copy");
        log($"  {table}: {rows:N0} rijen in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static string Expression(Schema schema, string table, Column column, string salt, IReadOnlySet<string> remapped, IReadOnlyList<string> renameColumns)
    {
        var name = Quote(column.Name);
        if (column.Type == "uuid")
        {
            var target = schema.References.GetValueOrDefault((table, column.Name));
            var isOwnId = column.Name == "id";
            var pointsAtCopied = target is not null ? remapped.Contains(target) : !SharedReferences.Contains(column.Name) && !column.Name.EndsWith("programme_id", StringComparison.Ordinal);
            return isOwnId || pointsAtCopied ? $"md5({name}::text || ':{salt}:' || copy)::uuid" : name;
        }

        return renameColumns.Contains(column.Name) && column.Type is "text" or "character varying" ? $"{name} || ' ' || copy" : name;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private sealed record Column(string Name, string Type, bool Generated, bool Nullable);

    /// <summary>Tables, columns and foreign keys of the migrated database, read from its catalogue.</summary>
    private sealed class Schema
    {
        public Dictionary<string, List<Column>> Columns { get; } = new(StringComparer.Ordinal);

        /// <summary>(table, column) → the table it points at.</summary>
        public Dictionary<(string Table, string Column), string> References { get; } = [];

        public static async Task<Schema> ReadAsync(NpgsqlConnection connection)
        {
            var schema = new Schema();
            await using (var command = new NpgsqlCommand(
                """
                SELECT c.table_name, c.column_name, c.data_type, coalesce(c.is_generated = 'ALWAYS' OR c.identity_generation = 'ALWAYS', false), c.is_nullable = 'YES'
                FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '__EFMigrationsHistory'
                ORDER BY c.table_name, c.ordinal_position
                """, connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var table = reader.GetString(0);
                    if (!schema.Columns.TryGetValue(table, out var columns))
                    {
                        schema.Columns[table] = columns = [];
                    }

                    columns.Add(new Column(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4)));
                }
            }

            await using (var command = new NpgsqlCommand(
                """
                SELECT source.relname, attribute.attname, target.relname
                FROM pg_constraint c
                JOIN pg_class source ON source.oid = c.conrelid
                JOIN pg_class target ON target.oid = c.confrelid
                JOIN pg_attribute attribute ON attribute.attrelid = c.conrelid AND attribute.attnum = c.conkey[1]
                WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                """, connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    schema.References[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
                }
            }

            return schema;
        }

        /// <summary>programmes and every table that hangs from it, by a programme_id or a foreign key.</summary>
        public HashSet<string> ProgrammeOwnedTables() => ProgrammeOwnedTablesInOrder().ToHashSet(StringComparer.Ordinal);

        /// <summary>As <see cref="ProgrammeOwnedTables"/>, each table after the one it hangs from.</summary>
        public List<string> ProgrammeOwnedTablesInOrder()
        {
            var owned = new List<string> { "programmes" };
            bool added;
            do
            {
                added = false;
                foreach (var (table, columns) in Columns)
                {
                    if (!owned.Contains(table) && (columns.Any(column => column.Name == "programme_id")
                            || References.Any(reference => reference.Key.Table == table && owned.Contains(reference.Value) && !SharedReferences.Contains(reference.Key.Column))))
                    {
                        owned.Add(table);
                        added = true;
                    }
                }
            }
            while (added);

            return owned;
        }

        /// <summary>
        /// SQL that is true when a row (alias <paramref name="alias"/>) of an owned table belongs to the
        /// programme: by its programme_id, or through a required foreign key to an owned parent; null
        /// for rows of no programme (an audit entry of a user account).
        /// </summary>
        public string BelongsTo(string table, string alias, Guid programme, IReadOnlySet<string> owned, int depth)
        {
            if (table == "programmes")
            {
                return $"{alias}.id = '{programme}'";
            }

            if (Columns[table].Any(column => column.Name == "programme_id"))
            {
                return $"{alias}.programme_id = '{programme}'";
            }

            var (column, parent) = References
                .Where(reference => reference.Key.Table == table && owned.Contains(reference.Value) && !SharedReferences.Contains(reference.Key.Column)
                    && !Columns[table].Single(candidate => candidate.Name == reference.Key.Column).Nullable)
                .Select(reference => (reference.Key.Column, reference.Value))
                .First();
            var parentAlias = $"t{depth + 1}";
            return $"{alias}.{Quote(column)} IN (SELECT {parentAlias}.id FROM {Quote(parent)} AS {parentAlias} WHERE {BelongsTo(parent, parentAlias, programme, owned, depth + 1)})";
        }
    }
}
