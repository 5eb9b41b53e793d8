namespace ActionAgent.Approvals.Store;

/// <summary>
/// The statements of <see cref="PostgresApprovalStore"/>. Every change of status is one conditional <c>UPDATE</c>, never a
/// read followed by a write, so concurrent agents, reviewers and sweeps on any machines cannot both win.
/// </summary>
internal static class PostgresApprovalSql
{
    /// <summary>Records that a run is alive (@run, @now).</summary>
    public const string Heartbeat = """
        INSERT INTO aa_approval_heartbeats(run_id, last_seen) VALUES(@run, @now)
        ON CONFLICT(run_id) DO UPDATE SET last_seen = excluded.last_seen
        """;

    /// <summary>Stores a pending request unless its idempotency key is already there.</summary>
    public const string Insert = """
        INSERT INTO aa_approvals(idempotency_key, run_id, step, task, url, action_json, action_summary, action_kind, action_value, proposal_reason,
            target_label, risk, rule, reason, screenshot, target_x, target_y, target_w, target_h, shot_w, shot_h, created_at, expires_at, on_timeout, status,
            fingerprint, fields_json, marks_screenshot, requested_by, requester_may_approve)
        VALUES(@key, @run, @step, @task, @url, @json, @summary, @kind, @value, @preason, @label, @risk, @rule, @reason, @shot, @tx, @ty, @tw, @th, @sw, @sh,
            @now, @expires, @ontimeout, 'pending', @fingerprint, @fields, @marks, @requester, @requesterMay)
        ON CONFLICT(idempotency_key) DO NOTHING
        """;

    /// <summary>Orphans the other requests of the same run and step that could still release an action (@key, @run, @step, @now).</summary>
    public const string Supersede = """
        UPDATE aa_approvals SET
            comment = CASE status WHEN 'approved' THEN 'approved by ' || COALESCE(reviewer, '?') || ', then ' ELSE '' END
                || 'superseded by approval ' || (SELECT id FROM aa_approvals WHERE idempotency_key = @key)
                || ': run ' || run_id || ' step ' || step || ' now asks about a different action; this one never executes',
            status = 'orphaned', reviewer = 'agent', decided_at = @now
        WHERE run_id = @run AND step = @step AND idempotency_key <> @key
            AND (status = 'pending' OR (status = 'approved' AND executed_at IS NULL))
        """;

    /// <summary>Applies a decision to a request that is still pending and not expired.</summary>
    public const string Decide = """
        UPDATE aa_approvals SET status = @status, reviewer = @reviewer, comment = @comment, edited_value = @edited, decided_at = @now
        WHERE id = @id AND status = 'pending' AND expires_at > @now
        """;

    /// <summary>Claims an approved request's execution; returns a row only for the one caller that claimed it.</summary>
    public const string ClaimExecution = """
        UPDATE aa_approvals SET executed_at = @now
        WHERE idempotency_key = @key AND status = 'approved' AND executed_at IS NULL
        RETURNING id
        """;

    /// <summary>Orphans a pending request whose agent gave up (@reason, @now, @key).</summary>
    public const string Abandon = """
        UPDATE aa_approvals SET status = 'orphaned', reviewer = 'agent', comment = @reason, decided_at = @now
        WHERE idempotency_key = @key AND status = 'pending'
        """;

    /// <summary>The sweep, in order (@now, @stale, @id: null for all requests, or one id): expire, orphan pending, orphan unclaimed approved.</summary>
    public static readonly IReadOnlyList<string> Sweep =
    [
        """
        UPDATE aa_approvals SET
            status = CASE on_timeout WHEN 'Reject' THEN 'rejected' ELSE 'expired' END,
            reviewer = 'timeout', comment = 'no reviewer decided in time', decided_at = @now
        WHERE status = 'pending' AND expires_at <= @now AND (@id IS NULL OR id = @id)
        """,
        """
        UPDATE aa_approvals a SET status = 'orphaned', reviewer = 'agent',
            comment = 'the agent stopped sending heartbeats (it exited or crashed)', decided_at = @now
        WHERE a.status = 'pending' AND (@id IS NULL OR a.id = @id) AND NOT EXISTS (
            SELECT 1 FROM aa_approval_heartbeats h WHERE h.run_id = a.run_id AND h.last_seen > @stale)
        """,
        """
        UPDATE aa_approvals a SET status = 'orphaned', reviewer = 'agent',
            comment = 'approved by ' || COALESCE(a.reviewer, '?') || ' at '
                || to_char(to_timestamp(a.decided_at / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS"Z"')
                || ' but never executed: the agent stopped sending heartbeats before claiming it (it exited or crashed)',
            decided_at = @now
        WHERE a.status = 'approved' AND a.executed_at IS NULL AND (@id IS NULL OR a.id = @id) AND NOT EXISTS (
            SELECT 1 FROM aa_approval_heartbeats h WHERE h.run_id = a.run_id AND h.last_seen > @stale)
        """,
    ];
}
