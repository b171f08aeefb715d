using Npgsql;
using Wijkaanpak.TestSupport;
using Xunit.Abstractions;

namespace Wijkaanpak.Integration.Tests.Operations;

/// <summary>
/// The back-up procedure of docs/operations.md, done for real: a database with the demo data is
/// dumped with pg_dump, restored with pg_restore into an empty database, and every table of the
/// schema is compared row by row.
/// </summary>
public sealed class BackupRestoreTests(ITestOutputHelper output)
{
    /// <summary>Tables that must hold rows after seeding, so that an empty comparison cannot pass unnoticed.</summary>
    private static readonly string[] TablesThatMustHaveRows =
    [
        "programmes", "programme_checklist_answers", "checklist_sign_offs", "local_contract_versions",
        "audit_entries", "organisation_representatives", "opgaven", "measurements", "AspNetUsers",
    ];

    [Fact]
    public async Task DumpAndRestore_OfTheDemoData_GivesTheSameRowsInEveryTable()
    {
        var original = await TestDatabase.CreateAsync();
        await using (var app = new WijkaanpakAppFactory(original.ConnectionString))
        {
            // Starting in Development seeds the demo data exactly as the app does for a developer.
            _ = app.Services;
        }

        var dumpFile = Path.Combine(Path.GetTempPath(), $"wijkaanpak-{Guid.NewGuid():N}.dump");
        try
        {
            await PostgresClientTools.RunAsync("pg_dump", original.ConnectionString, "--format=custom", "--no-owner", "--file", dumpFile, original.Name);
            var restored = await TestDatabase.CreateEmptyAsync();
            await PostgresClientTools.RunAsync("pg_restore", restored.ConnectionString, "--no-owner", "--exit-on-error", "--dbname", restored.Name, dumpFile);

            var before = await FingerprintAsync(original.ConnectionString);
            var after = await FingerprintAsync(restored.ConnectionString);

            foreach (var table in TablesThatMustHaveRows)
            {
                Assert.True(before[table].Rows > 0, $"{table} heeft geen rijen in de voorbeeldgegevens");
            }

            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
            Assert.All(before, table => Assert.Equal(table.Value, after[table.Key]));
            Assert.Equal(await SequencesAsync(original.ConnectionString), await SequencesAsync(restored.ConnectionString));
            Assert.True(await AuditTrailIsStillAppendOnlyAsync(restored.ConnectionString));
            output.WriteLine($"{before.Count} tabellen, {before.Values.Sum(table => table.Rows)} rijen vergeleken na herstel");
        }
        finally
        {
            File.Delete(dumpFile);
        }
    }

    /// <summary>Per table of the public schema: its row count and the md5 of all rows in primary-key order.</summary>
    private static async Task<Dictionary<string, TableFingerprint>> FingerprintAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<(string Name, string OrderBy)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT c.relname,
                   coalesce((SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY array_position(i.indkey::int2[], a.attnum))
                             FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                             WHERE i.indrelid = c.oid AND i.indisprimary), 't::text')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r'
            """,
            connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var fingerprints = new Dictionary<string, TableFingerprint>(StringComparer.Ordinal);
        foreach (var (name, orderBy) in tables)
        {
            // The names come from the catalogue, not from input; quote_ident-style quoting keeps them intact.
            var sql = $"SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY {orderBy})), '') FROM \"{name}\" t";
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            fingerprints[name] = new TableFingerprint(reader.GetInt64(0), reader.GetString(1));
        }

        return fingerprints;
    }

    private static async Task<List<string>> SequencesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT sequencename || '=' || coalesce(last_value, 0) FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var sequences = new List<string>();
        while (await reader.ReadAsync())
        {
            sequences.Add(reader.GetString(0));
        }

        return sequences;
    }

    /// <summary>The restore brings the triggers along: the audit trail still refuses a change.</summary>
    private static async Task<bool> AuditTrailIsStillAppendOnlyAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE audit_entries SET user_name = 'vervalst'", connection);
        try
        {
            await command.ExecuteNonQueryAsync();
            return false;
        }
        catch (PostgresException)
        {
            return true;
        }
    }

    private sealed record TableFingerprint(long Rows, string Md5);
}
