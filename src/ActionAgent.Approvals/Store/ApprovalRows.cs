using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Store;

/// <summary>
/// What the SQLite and PostgreSQL approval stores share: the column list they select, how a row becomes a
/// <see cref="StoredApproval"/>, and how request parts are turned into stored values.
/// </summary>
internal static class ApprovalRows
{
    /// <summary>The selected columns, in the order <see cref="Read"/> expects; the last one says whether a marks image exists.</summary>
    public const string Columns =
        "id, idempotency_key, run_id, step, task, url, action_json, action_summary, action_kind, action_value, proposal_reason, target_label, " +
        "risk, rule, reason, target_x, target_y, target_w, target_h, shot_w, shot_h, created_at, expires_at, on_timeout, status, reviewer, comment, " +
        "edited_value, decided_at, executed_at, fingerprint, fields_json, CASE WHEN marks_screenshot IS NULL THEN 0 ELSE 1 END, " +
        "requested_by, requester_may_approve";

    /// <summary>One row selected with <see cref="Columns"/>.</summary>
    public static StoredApproval Read(DbDataReader r)
    {
        double? D(int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        int I(int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
        DateTimeOffset? T(int i) => r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture));
        var (x, y, w, h) = (D(15), D(16), D(17), D(18));
        return new StoredApproval
        {
            Id = Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture),
            IdempotencyKey = r.GetString(1),
            RunId = r.GetString(2),
            Step = I(3),
            Task = r.GetString(4),
            Url = r.GetString(5),
            ActionJson = r.GetString(6),
            ActionSummary = r.GetString(7),
            ActionKind = r.GetString(8),
            ActionValue = S(9),
            ProposalReason = r.GetString(10),
            TargetLabel = r.GetString(11),
            Risk = Enum.Parse<RiskClass>(r.GetString(12)),
            Rule = r.GetString(13),
            Reason = r.GetString(14),
            TargetBox = x is null || y is null || w is null || h is null ? null : new ScreenRect(x.Value, y.Value, w.Value, h.Value),
            ScreenshotWidth = I(19),
            ScreenshotHeight = I(20),
            CreatedAt = T(21)!.Value,
            ExpiresAt = T(22)!.Value,
            OnTimeout = Enum.Parse<ApprovalTimeoutBehavior>(r.GetString(23)),
            Status = Enum.Parse<ApprovalStatus>(r.GetString(24), ignoreCase: true),
            Reviewer = S(25),
            Comment = S(26),
            EditedValue = S(27),
            DecidedAt = T(28),
            ExecutedAt = T(29),
            Fingerprint = r.GetString(30),
            FormFields = ReadFields(r.GetString(31)),
            HasMarksScreenshot = I(32) != 0,
            RequestedBy = S(33),
            RequesterMayApprove = I(34) != 0,
        };
    }

    /// <summary>The requester's name as stored (trimmed), or null when the request names nobody.</summary>
    public static string? Requester(ApprovalRequest request) =>
        string.IsNullOrWhiteSpace(request.RequestedBy) ? null : request.RequestedBy.Trim();

    /// <summary>True when <paramref name="reviewer"/> is the person who asked for the run and the policy does not let them decide it.</summary>
    public static bool IsOwnRequest(StoredApproval approval, string reviewer) =>
        approval.RequestedBy is { Length: > 0 } requester && !approval.RequesterMayApprove
        && string.Equals(requester.Trim(), reviewer.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The form fields as stored. A masked field is stored masked whoever built the request: the value never reaches the database.</summary>
    public static string FieldsJson(IReadOnlyList<FormFieldValue> fields) =>
        JsonSerializer.Serialize(fields.Select(f => f.Masked ? f with { Value = FormFieldValue.MaskedValue } : f).ToArray(), ApprovalJson.Options);

    /// <summary>The form fields of a stored row.</summary>
    public static IReadOnlyList<FormFieldValue> ReadFields(string json) =>
        json.Length == 0 ? [] : JsonSerializer.Deserialize<FormFieldValue[]>(json, ApprovalJson.Options) ?? [];

    /// <summary>The value an action carries (typed text, chosen option, URL, file, keys), or null.</summary>
    public static string? ValueOf(BrowserAction action) => action switch
    {
        TypeTextAction t => t.Text,
        SelectOptionAction s => s.Option,
        NavigateAction n => n.Url,
        UploadFileAction u => u.FilePath,
        PressKeyAction p => p.Keys,
        _ => null,
    };

    /// <summary>Null for an unused run id (<paramref name="count"/> 0), else the one line that refuses reusing it.</summary>
    public static string? RunIdUsed(string runId, int count) => count == 0 ? null : string.Create(CultureInfo.InvariantCulture,
        $"run id {runId} is already used by an earlier run ({count} approval{(count == 1 ? "" : "s")}); choose another --run-id or omit it");

    /// <summary>A time as shown in messages: <c>2026-11-23 09:00:00Z</c>.</summary>
    public static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Width and height from a PNG's IHDR chunk; (0, 0) when the bytes are not a PNG.</summary>
    public static (int Width, int Height) PngSize(ReadOnlySpan<byte> png) =>
        png.Length >= 24 && png[0] == 0x89 && png[1] == (byte)'P' && png[12] == (byte)'I' && png[13] == (byte)'H'
            ? (BinaryPrimitives.ReadInt32BigEndian(png[16..]), BinaryPrimitives.ReadInt32BigEndian(png[20..]))
            : (0, 0);
}
