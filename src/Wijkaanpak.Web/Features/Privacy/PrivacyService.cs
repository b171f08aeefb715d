using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wijkaanpak.Data;
using Wijkaanpak.Data.Audit;
using Wijkaanpak.Domain.Access;
using Wijkaanpak.Domain.Organisations;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Security;

namespace Wijkaanpak.Web.Features.Privacy;

/// <summary>
/// The rights of a person under the AVG for the Beheerder: everything about one account as one
/// export (right of access), and anonymisation of a deactivated account (right to erasure) where
/// no legal duty to keep the data applies. docs/privacy.md explains which data is kept and why.
/// </summary>
public sealed class PrivacyService(IDbContextFactory<WijkaanpakDbContext> dbFactory, AccessGuard access, TimeProvider clock, ILogger<PrivacyService> logger)
{
    public const string AnonymisedUserName = "Geanonimiseerde gebruiker";
    public const string AnonymisedRepresentativeName = "Geanonimiseerde vertegenwoordiger";
    public const string AnonymisedTeller = "Geanonimiseerd";

    /// <summary>
    /// Signed and adopted records are kept as they were signed (legal duty: they are the evidence of
    /// an agreement or a decision of a public body); the audit trail is append-only by design.
    /// Every other table that records who did something is anonymised.
    /// </summary>
    public static readonly IReadOnlySet<string> KeptForLegalDuty = new HashSet<string>(StringComparer.Ordinal)
    {
        "checklist_sign_offs", "decisions", "local_contract_versions", "audit_entries",
    };

    public async Task<Result<PersonalDataExport>> ExportAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ManageUsers, cancellationToken: cancellationToken) is { } denied)
        {
            return denied.As<PersonalDataExport>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == userId, cancellationToken);
        if (user is null)
        {
            return Result.NotFound("Deze gebruiker bestaat niet (meer).").As<PersonalDataExport>();
        }

        var organisationName = user.OrganisationId is { } organisationId
            ? await db.Organisations.AsNoTracking().Where(organisation => organisation.Id == new OrganisationId(organisationId)).Select(organisation => organisation.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var logins = await db.UserLogins.AsNoTracking().Where(login => login.UserId == userId).Select(login => login.LoginProvider).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.Where(link => link.UserId == userId).Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!).ToListAsync(cancellationToken);
        var memberships = await db.ProgrammeMembers.AsNoTracking().Where(member => member.UserId == userId)
            .Join(db.Programmes, member => member.ProgrammeId, programme => programme.Id, (member, programme) => new MembershipData(programme.Id.Value, programme.Name, member.AddedAt))
            .ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().Where(entry => entry.UserId == userId).OrderBy(entry => entry.Id)
            .Select(entry => new AuditData(entry.At, entry.Action, entry.EntityType, entry.EntityId, entry.ProgrammeId))
            .ToListAsync(cancellationToken);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var representatives = await QueryAsync(
            connection,
            """
            SELECT r.id, o.name, r.name, r.function, r.email, r.phone, r.is_active
            FROM organisation_representatives r JOIN organisations o ON o.id = r.organisation_id
            WHERE r.user_id = @user OR (r.email <> '' AND lower(r.email) = lower(@email))
            ORDER BY o.name, r.name
            """,
            Parameters(userId, user.Email, user.DisplayName),
            row => new RepresentativeData(row.GetGuid(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetString(5), row.GetBoolean(6)),
            cancellationToken);

        var acts = new List<RecordedActsData>();
        foreach (var (table, prefix) in await UserRefColumnsAsync(connection, cancellationToken))
        {
            acts.AddRange(await QueryAsync(
                connection,
                $"SELECT {prefix}_display_name, count(*)::int FROM {table} WHERE {prefix}_user_id = @user GROUP BY 1 ORDER BY 1",
                Parameters(userId, user.Email, user.DisplayName),
                row => new RecordedActsData(table, prefix, row.GetString(0), row.GetInt32(1)),
                cancellationToken));
        }

        foreach (var table in await JsonTablesAsync(connection, cancellationToken))
        {
            // A UserRef inside JSON is {"UserId": …, "DisplayName": …}: counted per JSON column holding the person's id.
            acts.AddRange(await QueryAsync(
                connection,
                $"SELECT count(*)::int FROM {table.Name} WHERE {string.Join(" OR ", table.Columns.Select(column => $"strpos({column}::text, @userText) > 0"))}",
                Parameters(userId, user.Email, user.DisplayName),
                row => new RecordedActsData(table.Name, "json", user.DisplayName, row.GetInt32(0)),
                cancellationToken));
        }

        var stories = await QueryAsync(
            connection,
            """
            SELECT o.id, o.title, s->>'Teller', (s->>'ToldOn')::date, s->>'Text'
            FROM opgaven o, jsonb_array_elements(o.stories) s
            WHERE strpos(lower(s->>'Teller'), lower(@name)) > 0
            ORDER BY (s->>'ToldOn')::date
            """,
            Parameters(userId, user.Email, user.DisplayName),
            row => new StoryData(row.GetGuid(0), row.GetString(1), row.GetString(2), DateOnly.FromDateTime(row.GetDateTime(3)), row.GetString(4)),
            cancellationToken);
        var signatures = await QueryAsync(
            connection,
            """
            SELECT v.kind || ' versie ' || v.number, s->>'SignatoryName', s->>'SignatoryFunction', s->>'SignedOn'
            FROM local_contract_versions v, jsonb_array_elements(v.signatures) s
            WHERE lower(s->>'SignatoryName') = lower(@name)
            """,
            Parameters(userId, user.Email, user.DisplayName),
            row => new SignatureData(row.GetString(0), row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2), row.IsDBNull(3) ? null : row.GetString(3)),
            cancellationToken);

        logger.LogInformation("Persoonsgegevens van {SubjectId} uitgevoerd", userId);
        return new PersonalDataExport(
            clock.GetUtcNow(),
            new AccountData(user.Id, user.DisplayName, user.Email, user.PhoneNumber, organisationName, user.IsActive, user.CreatedAt, user.LockoutEnd, logins),
            roles.Order(StringComparer.Ordinal).ToList(),
            memberships,
            representatives,
            acts.Where(act => act.Aantal > 0).ToList(),
            stories,
            signatures,
            audit);
    }

    /// <summary>
    /// Overwrites the person's name with "Geanonimiseerde gebruiker" (or its equivalent for a
    /// representative or a story's teller) and removes their contact details, everywhere no legal duty
    /// keeps them, in one transaction. The audit trail gets one entry naming the subject's id and the
    /// counts, never the removed values: the changes are made in SQL so that the audit interceptor
    /// does not copy the old values into the trail.
    /// </summary>
    public async Task<Result<AnonymisationSummary>> AnonymiseAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (await access.DenyAsync(Capability.ManageUsers, cancellationToken: cancellationToken) is { } denied)
        {
            return denied.As<AnonymisationSummary>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == userId, cancellationToken);
        if (user is null)
        {
            return Result.NotFound("Deze gebruiker bestaat niet (meer).").As<AnonymisationSummary>();
        }

        if (user.IsActive)
        {
            return Result.RuleBroken("Deactiveer het account eerst: een actief account wordt niet geanonimiseerd.").As<AnonymisationSummary>();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var parameters = () => Parameters(userId, user.Email, user.DisplayName);

        await ExecuteAsync(
            connection,
            """
            UPDATE "AspNetUsers" SET display_name = @anonymised, email = NULL, normalized_email = NULL,
                user_name = 'geanonimiseerd-' || replace(@userText, '-', ''), normalized_user_name = upper('geanonimiseerd-' || replace(@userText, '-', '')),
                phone_number = NULL, password_hash = NULL, security_stamp = gen_random_uuid()::text, concurrency_stamp = gen_random_uuid()::text,
                must_change_password = false, lockout_enabled = true, lockout_end = 'infinity'
            WHERE id = @user;
            DELETE FROM "AspNetUserLogins" WHERE user_id = @user;
            DELETE FROM "AspNetUserTokens" WHERE user_id = @user;
            DELETE FROM "AspNetUserClaims" WHERE user_id = @user;
            """,
            [.. parameters(), new NpgsqlParameter("anonymised", AnonymisedUserName)],
            cancellationToken);

        var representatives = await ExecuteAsync(
            connection,
            """
            UPDATE organisation_representatives SET name = @anonymised, function = '', email = '', phone = '', is_active = false, user_id = NULL
            WHERE user_id = @user OR (email <> '' AND lower(email) = lower(@email))
            """,
            [.. parameters(), new NpgsqlParameter("anonymised", AnonymisedRepresentativeName)],
            cancellationToken);

        var acts = 0;
        foreach (var (table, prefix) in (await UserRefColumnsAsync(connection, cancellationToken)).Where(column => !KeptForLegalDuty.Contains(column.Table)))
        {
            acts += await ExecuteAsync(
                connection,
                $"UPDATE {table} SET {prefix}_display_name = @anonymised WHERE {prefix}_user_id = @user",
                [.. parameters(), new NpgsqlParameter("anonymised", AnonymisedUserName)],
                cancellationToken);
        }

        foreach (var table in (await JsonTablesAsync(connection, cancellationToken)).Where(table => !KeptForLegalDuty.Contains(table.Name)))
        {
            foreach (var column in table.Columns)
            {
                // jsonb writes a UserRef as {"UserId": "…", "DisplayName": "…"} (shorter keys first), so the
                // display name that follows the person's id is exactly the snapshot of their name.
                acts += await ExecuteAsync(
                    connection,
                    $"""
                    UPDATE {table.Name} SET {column} = regexp_replace({column}::text,
                        '("UserId": "' || @userText || '", "DisplayName": )"(?:[^"\\]|\\.)*"', '\1' || to_json(@anonymised::text)::text, 'g')::jsonb
                    WHERE strpos({column}::text, @userText) > 0
                    """,
                    [.. parameters(), new NpgsqlParameter("anonymised", AnonymisedUserName)],
                    cancellationToken);
            }
        }

        var stories = await ExecuteAsync(
            connection,
            """
            UPDATE opgaven o SET stories = (
                SELECT jsonb_agg(CASE WHEN strpos(lower(s->>'Teller'), lower(@name)) > 0 THEN jsonb_set(s, '{Teller}', to_jsonb(@anonymised::text)) ELSE s END ORDER BY position)
                FROM jsonb_array_elements(o.stories) WITH ORDINALITY AS story(s, position))
            WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(o.stories) s WHERE strpos(lower(s->>'Teller'), lower(@name)) > 0)
            """,
            [.. parameters(), new NpgsqlParameter("anonymised", AnonymisedTeller)],
            cancellationToken);

        var summary = new AnonymisationSummary(representatives, acts, stories);
        var actor = await access.CurrentUserAsync();
        db.AuditEntries.Add(new AuditEntry(
            clock.GetUtcNow(),
            actor.UserId,
            actor.DisplayName,
            "Persoon",
            userId.ToString(),
            "Geanonimiseerd",
            null,
            JsonSerializer.Serialize(new { Vertegenwoordigers = representatives, VastgelegdeHandelingen = acts, Verhalen = stories })));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Persoon {SubjectId} geanonimiseerd door {ActorId}", userId, actor.UserId);
        return summary;
    }

    private static NpgsqlParameter[] Parameters(Guid userId, string? email, string name) =>
    [
        new("user", userId),
        new("userText", userId.ToString()),
        new("email", email ?? string.Empty),
        new("name", name),
    ];

    /// <summary>Every (table, prefix) with columns prefix_user_id and prefix_display_name: a UserRef stored as columns.</summary>
    private static Task<List<(string Table, string Prefix)>> UserRefColumnsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        QueryAsync(
            connection,
            """
            SELECT id.table_name, left(id.column_name, length(id.column_name) - length('_user_id'))
            FROM information_schema.columns id JOIN information_schema.columns name
              ON name.table_schema = id.table_schema AND name.table_name = id.table_name
             AND name.column_name = left(id.column_name, length(id.column_name) - length('_user_id')) || '_display_name'
            WHERE id.table_schema = 'public' AND id.column_name LIKE '%\_user\_id'
            ORDER BY 1, 2
            """,
            [],
            row => (row.GetString(0), row.GetString(1)),
            cancellationToken);

    /// <summary>Every table with jsonb columns; UserRefs inside JSON lists live there.</summary>
    private static async Task<List<(string Name, List<string> Columns)>> JsonTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var columns = await QueryAsync(
            connection,
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'jsonb' ORDER BY 1, 2",
            [],
            row => (Table: row.GetString(0), Column: row.GetString(1)),
            cancellationToken);
        return columns.GroupBy(column => column.Table).Select(group => (group.Key, group.Select(column => column.Column).ToList())).ToList();
    }

    private static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
