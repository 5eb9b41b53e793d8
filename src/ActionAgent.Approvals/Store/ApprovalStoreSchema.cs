using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ActionAgent.Approvals.Store;

/// <summary>
/// Creates and migrates the approval store's tables (PRAGMA user_version). Version 2 binds approvals to the action: a
/// <c>fingerprint</c> column, keys <c>run:step:fingerprint16</c>, and version-1 approvals that could still release an action
/// are orphaned. Version 3 adds <c>fields_json</c> (the form values a held submit would send) and
/// <c>marks_screenshot</c> (the numbered set-of-marks image, apart from the clean screenshot). Version 4 adds
/// <c>requested_by</c> and <c>requester_may_approve</c> (who asked for the run, and whether they may decide it). A database written by a newer
/// ActionAgent is refused, not changed.
/// </summary>
internal static class ApprovalStoreSchema
{
    /// <summary>The schema version this code writes.</summary>
    public const int Current = 4;

    private const string CreateCurrent = """
        CREATE TABLE IF NOT EXISTS approvals(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT NOT NULL UNIQUE,
            run_id TEXT NOT NULL,
            step INTEGER NOT NULL,
            task TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            action_json TEXT NOT NULL,
            action_summary TEXT NOT NULL,
            action_kind TEXT NOT NULL,
            action_value TEXT,
            proposal_reason TEXT NOT NULL DEFAULT '',
            target_label TEXT NOT NULL DEFAULT '',
            risk TEXT NOT NULL,
            rule TEXT NOT NULL,
            reason TEXT NOT NULL,
            screenshot BLOB,
            target_x REAL, target_y REAL, target_w REAL, target_h REAL,
            shot_w INTEGER NOT NULL DEFAULT 0,
            shot_h INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            on_timeout TEXT NOT NULL DEFAULT 'Expire',
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending','approved','rejected','expired','orphaned')),
            reviewer TEXT,
            comment TEXT,
            edited_value TEXT,
            decided_at INTEGER,
            executed_at INTEGER,
            fingerprint TEXT NOT NULL DEFAULT '',
            fields_json TEXT NOT NULL DEFAULT '[]',
            marks_screenshot BLOB,
            requested_by TEXT,
            requester_may_approve INTEGER NOT NULL DEFAULT 0,
            CHECK (executed_at IS NULL OR status = 'approved'));
        CREATE INDEX IF NOT EXISTS ix_approvals_status ON approvals(status, id);
        CREATE INDEX IF NOT EXISTS ix_approvals_run_step ON approvals(run_id, step);
        CREATE TABLE IF NOT EXISTS heartbeats(
            run_id TEXT PRIMARY KEY,
            last_seen INTEGER NOT NULL);
        """;

    // Version-1 rows are keyed run:step only, so nothing ties them to an action: none of them may ever release one.
    private const string MigrateVersion1 = """
        ALTER TABLE approvals ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
        CREATE INDEX IF NOT EXISTS ix_approvals_run_step ON approvals(run_id, step);
        UPDATE approvals SET
            comment = CASE status WHEN 'approved' THEN 'approved by ' || COALESCE(reviewer, '?') || ', then ' ELSE '' END
                || 'orphaned by the upgrade to approval schema 2: it was keyed by run and step only, not bound to an action, so it never executes',
            status = 'orphaned', reviewer = 'agent', decided_at = @now
        WHERE status = 'pending' OR (status = 'approved' AND executed_at IS NULL);
        """;

    // Version-2 rows keep everything; requests stored before version 3 simply list no form values.
    private const string MigrateVersion2 = """
        ALTER TABLE approvals ADD COLUMN fields_json TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE approvals ADD COLUMN marks_screenshot BLOB;
        """;

    // Requests stored before version 4 name no requester: anyone may decide them, as before.
    private const string MigrateVersion3 = """
        ALTER TABLE approvals ADD COLUMN requested_by TEXT;
        ALTER TABLE approvals ADD COLUMN requester_may_approve INTEGER NOT NULL DEFAULT 0;
        """;

    /// <summary>Brings the database to <see cref="Current"/>; throws <see cref="InvalidDataException"/> for a newer one.</summary>
    public static async Task MigrateAsync(SqliteConnection db, string path, long nowMs, CancellationToken cancellationToken)
    {
        await using (var wal = db.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // BEGIN IMMEDIATE: two processes opening an old file at once migrate it once, one after the other.
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var version = await ScalarAsync(db, tx, "PRAGMA user_version;", cancellationToken).ConfigureAwait(false);
        if (version == 0 && await ScalarAsync(db, tx, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'approvals';", cancellationToken).ConfigureAwait(false) > 0)
        {
            // Tables without a version: the version-1 code was stopped between creating them and stamping the version.
            version = 1;
        }

        if (version > Current)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"approval database {path} has schema version {version}, newer than this ActionAgent understands ({Current}); use the newer actionagent that wrote it, or give another file with --approvals-db"));
        }

        if (version == Current)
        {
            return;
        }

        await using (var cmd = db.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = version switch
            {
                1 => MigrateVersion1 + MigrateVersion2 + MigrateVersion3,
                2 => MigrateVersion2 + MigrateVersion3,
                3 => MigrateVersion3,
                _ => CreateCurrent,
            } + FormattableString.Invariant($"PRAGMA user_version = {Current};");
            cmd.Parameters.AddWithValue("@now", nowMs);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> ScalarAsync(SqliteConnection db, SqliteTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
