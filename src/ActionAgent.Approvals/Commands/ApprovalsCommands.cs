using System.Globalization;
using System.Text.Json;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Dashboard;
using ActionAgent.Approvals.Store;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Commands;

/// <summary>
/// Handlers for <c>actionagent approvals list|show|approve|reject</c>. Each writes text (or JSON with <c>json: true</c>) and
/// returns an exit code: 0 done, 1 not found, 2 invalid input, 3 conflict (already decided, expired or orphaned).
/// Decisions are appended to the audit log when one is given.
/// </summary>
public sealed class ApprovalsCommands(IApprovalStore store, TextWriter stdout, TextWriter stderr, AuditLog? audit = null, TimeProvider? time = null)
{
    /// <summary>Exit code: done.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: no such approval.</summary>
    public const int NotFound = 1;

    /// <summary>Exit code: invalid input (bad status, missing reason, edit of a non-type action).</summary>
    public const int Invalid = 2;

    /// <summary>Exit code: already decided, expired or orphaned.</summary>
    public const int Conflict = 3;

    /// <summary>Exit code: the approval database cannot be reached (a PostgreSQL server down or refusing).</summary>
    public const int Unavailable = 4;

    /// <summary>Exit code: the reviewer asked for the run themselves; another reviewer must decide (policy approval.requester_may_approve).</summary>
    public const int Forbidden = 5;

    /// <summary><c>approvals list [--status pending|approved|rejected|expired|orphaned|all] [--json]</c>; default pending.</summary>
    public async Task<int> ListAsync(string? status = "pending", bool json = false, CancellationToken cancellationToken = default)
    {
        ApprovalStatus? filter = null;
        if (!string.IsNullOrEmpty(status) && status != "all")
        {
            if (!Enum.TryParse<ApprovalStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
            {
                await stderr.WriteLineAsync($"unknown status \"{status}\" (expected one of: pending, approved, rejected, expired, orphaned, all)").ConfigureAwait(false);
                return Invalid;
            }

            filter = s;
        }

        await store.SweepAsync(cancellationToken).ConfigureAwait(false);
        var items = await store.ListAsync(filter, 500, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(items.Select(View), ApprovalJson.Options)).ConfigureAwait(false);
            return Ok;
        }

        if (items.Count == 0)
        {
            await stdout.WriteLineAsync(filter is null ? "no approvals" : $"no {SqliteApprovalStore.StatusWord(filter.Value)} approvals").ConfigureAwait(false);
            return Ok;
        }

        await stdout.WriteLineAsync($"{"ID",5}  {"STATUS",-9} {"RISK",-16} {"RULE",-24} {"AGE",6}  {"RUN:STEP",-16} ACTION").ConfigureAwait(false);
        var now = (time ?? TimeProvider.System).GetUtcNow();
        foreach (var a in items)
        {
            var runStep = $"{a.RunId}:{a.Step.ToString(CultureInfo.InvariantCulture)}";
            await stdout.WriteLineAsync($"{a.Id,5}  {Shown(a),-9} {PolicyEngine.ClassKey(a.Risk),-16} {Cut(Shown(a.Rule), 24),-24} {Age(now - a.CreatedAt),6}  {Cut(Shown(runStep), 16),-16} {Cut(Shown(a.ActionSummary), 60)}").ConfigureAwait(false);
        }

        return Ok;
    }

    /// <summary>
    /// <c>approvals serve [--port N]</c>: starts the dashboard, prints where it listens and who may log in, and runs until
    /// <paramref name="cancellationToken"/> is cancelled (Ctrl+C). Tokens default to ACTIONAGENT_REVIEWER_TOKENS; without
    /// any it exits 2 with what to set.
    /// </summary>
    public async Task<int> ServeAsync(ApprovalDashboardOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Tokens ??= ReviewerTokens.FromEnvironment();
        }
        catch (FormatException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            return Invalid;
        }

        options.Audit ??= audit;
        ApprovalDashboard dashboard;
        try
        {
            dashboard = await ApprovalDashboard.StartAsync(store, options, time: time, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"cannot listen on {options.Host}:{options.Port}: {e.Message} (choose another port with --port)").ConfigureAwait(false);
            return Invalid;
        }

        await using (dashboard.ConfigureAwait(false))
        {
            await stdout.WriteLineAsync($"Approval dashboard on {dashboard.Url} for {string.Join(", ", options.Tokens.Reviewers)}").ConfigureAwait(false);
            await stdout.WriteLineAsync($"Log in once with {dashboard.Url}approvals?token=YOUR_TOKEN; press Ctrl+C to stop.").ConfigureAwait(false);
            await dashboard.RunUntilCancelledAsync(cancellationToken).ConfigureAwait(false);
        }

        return Ok;
    }

    /// <summary><c>approvals show ID [--json]</c>: every detail of one request.</summary>
    public async Task<int> ShowAsync(string idOrKey, bool json = false, CancellationToken cancellationToken = default)
    {
        await store.SweepAsync(cancellationToken).ConfigureAwait(false);
        var a = await store.FindAsync(idOrKey, cancellationToken).ConfigureAwait(false);
        if (a is null)
        {
            await stderr.WriteLineAsync($"no approval \"{Shown(idOrKey)}\" (list them with: actionagent approvals list --status all)").ConfigureAwait(false);
            return NotFound;
        }

        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(View(a), ApprovalJson.Options)).ConfigureAwait(false);
            return Ok;
        }

        var lines = new List<string>
        {
            $"approval {a.Id}  ({Shown(a.IdempotencyKey)})  {SqliteApprovalStore.StatusWord(a.Status).ToUpperInvariant()}",
            $"  action   {Shown(a.ActionSummary)}",
        };
        if (a.ActionValue is { } v)
        {
            lines.Add($"  value    {Shown(v)}");
        }

        lines.Add($"  target   {Shown(a.TargetLabel)}");
        if (a.FormFields.Count > 0)
        {
            lines.Add("  this will submit:");
            var width = Math.Min(28, a.FormFields.Max(f => Shown(f.Label).Length));
            var typeWidth = Math.Min(12, a.FormFields.Max(f => Shown(f.Type).Length));
            lines.AddRange(a.FormFields.Select(f =>
                $"    {Cut(Shown(f.Label), 28).PadRight(width)}  {Cut(Shown(f.Type), 12).PadRight(typeWidth)}  {(f.Masked ? FormFieldValue.MaskedValue : Shown(f.Value))}"));
        }

        lines.Add($"  binds    {(a.Fingerprint.Length > 0 ? $"fingerprint {a.Fingerprint} (kind, target, value, page, policy)" : "nothing (stored before approvals were bound to actions)")}");
        lines.Add($"  page     {Shown(a.Url)}");
        lines.Add($"  risk     {PolicyEngine.ClassKey(a.Risk)}    rule {Shown(a.Rule)}");
        lines.Add($"  why      {Shown(a.Reason)}");
        lines.Add($"  agent    {Shown(a.ProposalReason)}");
        lines.Add($"  task     {Shown(a.Task)}");
        lines.Add($"  run      {Shown(a.RunId)} step {a.Step.ToString(CultureInfo.InvariantCulture)}");
        if (a.RequestedBy is { Length: > 0 } who)
        {
            lines.Add($"  asked by {Shown(who)}{(a.RequesterMayApprove ? " (the policy lets them decide it too)" : " (another reviewer decides)")}");
        }

        lines.Add($"  created  {Stamp(a.CreatedAt)}   expires {Stamp(a.ExpiresAt)} ({a.OnTimeout.ToString().ToLowerInvariant()} on timeout)");
        if (a.DecidedAt is { } d)
        {
            lines.Add($"  decided  {Stamp(d)} by {Shown(a.Reviewer)}{(a.Comment is { Length: > 0 } c ? $": {Shown(c)}" : "")}");
        }

        if (a.EditedValue is { } e)
        {
            lines.Add($"  edited   {Shown(e)}");
        }

        if (a.ExecutedAt is { } x)
        {
            lines.Add($"  executed {Stamp(x)}");
        }

        if (await ScreenshotFileAsync(a, cancellationToken).ConfigureAwait(false) is { } shot)
        {
            lines.Add($"  screenshot {shot} ({a.ScreenshotWidth.ToString(CultureInfo.InvariantCulture)}×{a.ScreenshotHeight.ToString(CultureInfo.InvariantCulture)}, target highlighted)");
        }
        else
        {
            lines.Add("  screenshot none was recorded");
        }

        foreach (var line in lines)
        {
            await stdout.WriteLineAsync(line).ConfigureAwait(false);
        }

        return Ok;
    }

    /// <summary>
    /// Where <c>approvals show</c> writes a request's screenshot (approval-ID.png); default: a <c>screenshots</c> folder next to
    /// the approval database, or the temp folder for other stores.
    /// </summary>
    public string? ScreenshotDirectory { get; init; }

    // The screenshot lives in the database only: written to a file so a reviewer can open it; null when there is none.
    private async Task<string?> ScreenshotFileAsync(StoredApproval a, CancellationToken cancellationToken)
    {
        var png = await store.GetScreenshotAsync(a.Id, cancellationToken).ConfigureAwait(false);
        if (png.IsEmpty)
        {
            return null;
        }

        var dir = ScreenshotDirectory ?? (store is SqliteApprovalStore s
            ? Path.Combine(Path.GetDirectoryName(s.FilePath)!, "screenshots")
            : Path.Combine(Path.GetTempPath(), "actionagent-approvals"));
        Directory.CreateDirectory(dir);
        var path = Path.GetFullPath(Path.Combine(dir, $"approval-{a.Id.ToString(CultureInfo.InvariantCulture)}.png"));
        await File.WriteAllBytesAsync(path, png.ToArray(), cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary><c>approvals approve ID --reviewer NAME [--comment TEXT] [--value TEXT]</c>; a reviewer name is required.</summary>
    public Task<int> ApproveAsync(string idOrKey, string reviewer, string? comment = null, string? editedValue = null, bool json = false, CancellationToken cancellationToken = default) =>
        DecideAsync(idOrKey, new ReviewerDecision(true, reviewer) { Comment = comment, EditedValue = editedValue }, json, cancellationToken);

    /// <summary><c>approvals reject ID --reviewer NAME --reason TEXT</c>; a reason is required.</summary>
    public async Task<int> RejectAsync(string idOrKey, string reviewer, string reason, bool json = false, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            await stderr.WriteLineAsync("a rejection needs a reason (--reason \"…\"); it goes back to the agent").ConfigureAwait(false);
            return Invalid;
        }

        return await DecideAsync(idOrKey, new ReviewerDecision(false, reviewer) { Comment = reason }, json, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> DecideAsync(string idOrKey, ReviewerDecision decision, bool json, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(decision.Reviewer))
        {
            await stderr.WriteLineAsync(ReviewerIdentity.Resolve(null, null, () => new ReviewerTokens([])).Error).ConfigureAwait(false);
            return Invalid;
        }

        if (Audit.AuditLimits.ReviewerTextProblem(decision.Approve ? "comment" : "reason", decision.Comment) is { } tooLong)
        {
            await stderr.WriteLineAsync(tooLong).ConfigureAwait(false);
            return Invalid;
        }

        var result = await store.DecideAsync(idOrKey, decision, cancellationToken).ConfigureAwait(false);
        if (audit is not null && result.Approval is { } a)
        {
            await audit.AppendAsync("decision", new
            {
                id = a.Id,
                key = a.IdempotencyKey,
                channel = "cli",
                reviewer = decision.Reviewer,
                approve = decision.Approve,
                applied = result.Applied,
                error = result.ErrorCode.Length == 0 ? null : result.ErrorCode,
                comment = decision.Comment,
                edited = decision.EditedValue is not null,
            }, cancellationToken).ConfigureAwait(false);
        }

        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new { applied = result.Applied, error = result.ErrorCode, message = result.Message, approval = result.Approval is null ? null : View(result.Approval) }, ApprovalJson.Options)).ConfigureAwait(false);
        }
        else
        {
            await (result.Applied ? stdout : stderr).WriteLineAsync(result.Message).ConfigureAwait(false);
        }

        return result.Applied ? Ok : result.ErrorCode switch
        {
            "not_found" => NotFound,
            "invalid" => Invalid,
            "forbidden" => Forbidden,
            _ => Conflict,
        };
    }

    /// <summary>The JSON view of a stored approval for people and the dashboard page (no screenshot bytes; text made inert).</summary>
    public static object View(StoredApproval a) => new
    {
        a.Id,
        key = a.IdempotencyKey,
        status = SqliteApprovalStore.StatusWord(a.Status),
        fingerprint = a.Fingerprint.Length > 0 ? a.Fingerprint : null,
        a.RunId,
        a.Step,
        requestedBy = a.RequestedBy is null ? null : Shown(a.RequestedBy),
        task = Shown(a.Task),
        url = Shown(a.Url),
        action = Shown(a.ActionSummary),
        kind = a.ActionKind,
        value = a.ActionValue is null ? null : Shown(a.ActionValue),
        target = Shown(a.TargetLabel),
        risk = PolicyEngine.ClassKey(a.Risk),
        rule = Shown(a.Rule),
        reason = Shown(a.Reason),
        proposalReason = Shown(a.ProposalReason),
        formFields = a.FormFields.Count == 0 ? null : a.FormFields.Select(f => new { label = Shown(f.Label), type = Shown(f.Type), value = f.Masked ? FormFieldValue.MaskedValue : Shown(f.Value), masked = f.Masked }).ToArray(),
        targetBox = a.TargetBox is { } b ? new { b.X, b.Y, b.Width, b.Height } : null,
        screenshot = a.ScreenshotWidth > 0 ? new { width = a.ScreenshotWidth, height = a.ScreenshotHeight } : null,
        a.CreatedAt,
        a.ExpiresAt,
        reviewer = a.Reviewer is null ? null : Shown(a.Reviewer),
        comment = a.Comment is null ? null : Shown(a.Comment),
        editedValue = a.EditedValue is null ? null : Shown(a.EditedValue),
        a.DecidedAt,
        a.ExecutedAt,
    };

    /// <summary>The status as listed: an approved action whose execution was claimed shows as "claimed".</summary>
    private static string Shown(StoredApproval a) => a.Status == ApprovalStatus.Approved && a.ExecutedAt is not null ? "claimed" : SqliteApprovalStore.StatusWord(a.Status);

    // Page text must not drive the reviewer's terminal or the dashboard page: control and bidi characters are shown escaped.
    private static string Shown(string? text) => InertText.Line(text);

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Age(TimeSpan t) => t.TotalSeconds < 0 ? "0s"
        : t.TotalMinutes < 1 ? $"{(int)t.TotalSeconds}s"
        : t.TotalHours < 1 ? $"{(int)t.TotalMinutes}m"
        : t.TotalDays < 1 ? $"{(int)t.TotalHours}h" : $"{(int)t.TotalDays}d";
}
